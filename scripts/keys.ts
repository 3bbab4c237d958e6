/**
 * `npx tsx scripts/keys.ts --env`: prints the settings docker-compose.yml reads from .env: the
 * development keys (the issuer's public key and the gateway's key pair, as JWK; social services'
 * lookup-hash secret) and a fresh password per database login. Development only: production keys come from the operator's vault.
 */
import { randomBytes } from 'node:crypto';
import { SUBGRAPHS } from '@sig/platform/access';
import { gatewayKeyEnv, loadOrCreateDevKeys, lookupHashKeyEnv, subgraphKeyEnv } from '@sig/platform/dev';

if (!process.argv.includes('--env')) {
  console.error('usage: npx tsx scripts/keys.ts --env > .env');
  process.exit(2);
}
const keys = await loadOrCreateDevKeys();
const password = () => randomBytes(18).toString('hex');
const settings: Record<string, string> = {
  ...gatewayKeyEnv(keys),
  ...subgraphKeyEnv(keys),
  ...lookupHashKeyEnv(keys),
  // Per subgraph in the registry: the database owner's (migrations) and the application login's (the subgraph).
  ...Object.fromEntries(SUBGRAPHS.map((s) => [s.compose.ownerPasswordEnv, password()])),
  ...Object.fromEntries(SUBGRAPHS.map((s) => [s.compose.appPasswordEnv, password()])),
  GATEWAY_DB_PASSWORD: password(),
};
for (const [name, value] of Object.entries(settings)) console.log(`${name}=${value}`);
