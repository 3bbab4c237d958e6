import { createLogger, stopOnSignals, portFromEnv, subgraphUrlFromEnv } from '@sig/platform/runtime';
import { jwkFromEnv, KEY_ENV } from '@sig/platform/tokens';
import { SUBGRAPH_AGENCIES } from '@sig/platform/access';
import fs from 'node:fs';
import path from 'node:path';
import { startGateway } from './gateway';
import { playgroundPersonasFromEnv } from './playground';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const log = createLogger('gateway');
const supergraphPath = process.env.SUPERGRAPH_PATH ?? path.resolve(import.meta.dirname, '../../schema/supergraph.graphql');
const grantsDatabaseUrl = process.env.GATEWAY_GRANTS_DATABASE_URL;
if (!grantsDatabaseUrl) {
  log.error('GATEWAY_GRANTS_DATABASE_URL is not set (read-only login to the social-services database)');
  process.exit(1);
}

const gateway = await startGateway({
  port: portFromEnv('gateway'),
  host: process.env.HOST ?? '127.0.0.1',
  supergraphSdl: fs.readFileSync(supergraphPath, 'utf8'),
  subgraphUrls: Object.fromEntries(SUBGRAPH_AGENCIES.map((a) => [a, subgraphUrlFromEnv(a)])) as Record<(typeof SUBGRAPH_AGENCIES)[number], string>,
  grantsDatabaseUrl,
  actorTokens: process.env.OIDC_JWKS_URL ? { jwksUrl: process.env.OIDC_JWKS_URL } : { publicJwk: jwkFromEnv(KEY_ENV.issuerPublic) },
  gatewayPrivateJwk: jwkFromEnv(KEY_ENV.gatewayPrivate),
  playground: process.env.PLAYGROUND === 'off' ? undefined : { personas: playgroundPersonasFromEnv() },
});

stopOnSignals(log, () => gateway.stop());
