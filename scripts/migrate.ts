/**
 * Migrates every subgraph's database from the <AGENCY>_DATABASE_URL settings (all four are needed),
 * each as its own role, and grants the gateway's login (GATEWAY_DB_ROLE, default sig_gateway)
 * SELECT on group membership. Used by the docker-compose migrate job; `npm start` does the same itself.
 */
import { SUBGRAPH_AGENCIES, type SubgraphAgency } from '@sig/platform';
import { databaseUrlFromEnv } from '@sig/platform/database';
import { migrateAll } from './lib/provision';

const subgraphs = Object.fromEntries(SUBGRAPH_AGENCIES.map((a) => [a, databaseUrlFromEnv(a)])) as Record<SubgraphAgency, string>;
await migrateAll({ subgraphs, gatewayRole: process.env.GATEWAY_DB_ROLE ?? 'sig_gateway' }, (line) => console.log(`[migrate] ${line}`));
