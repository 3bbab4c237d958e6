/** `npm run token -- <persona>`: prints a development token for a demo persona (matches `npm start`). */
import { issueActorToken, isPersonaName, loadOrCreateDevKeys, PERSONAS } from '@sig/platform/dev';

const name = process.argv[2];
if (!name || !isPersonaName(name)) {
  console.error(`usage: npm run token -- <persona>\npersonas: ${Object.keys(PERSONAS).join(', ')}`);
  process.exit(2);
}
const keys = await loadOrCreateDevKeys();
console.log(await issueActorToken(PERSONAS[name], keys.issuer.privateJwk));
