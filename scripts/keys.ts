/**
 * `npx tsx scripts/keys.ts --env`: prints the settings docker-compose.yml reads from .env: the
 * development keys (the issuer's public key and the gateway's key pair, as JWK; social services'
 * lookup-hash secret) and a fresh password per database login. Development only: production keys come from the operator's vault.
 */
import { randomBytes } from 'node:crypto';
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
  SOCIAL_SERVICES_DB_PASSWORD: password(),
  POLICE_DB_PASSWORD: password(),
  SCHOOL_DB_PASSWORD: password(),
  LEISURE_DB_PASSWORD: password(),
  // The application logins (the subgraphs); the passwords above are the database owners' (migrations).
  SOCIAL_SERVICES_APP_DB_PASSWORD: password(),
  POLICE_APP_DB_PASSWORD: password(),
  SCHOOL_APP_DB_PASSWORD: password(),
  LEISURE_APP_DB_PASSWORD: password(),
  GATEWAY_DB_PASSWORD: password(),
};
for (const [name, value] of Object.entries(settings)) console.log(`${name}=${value}`);
