/**
 * Seeds the demo scenario into empty databases, as each database's owner (<AGENCY>_OWNER_DATABASE_URL,
 * as scripts/migrate.ts) where set, else from the <AGENCY>_DATABASE_URL settings.
 */
import { SUBGRAPH_AGENCIES, type SubgraphAgency } from '@sig/platform/access';
import { databaseUrlFromEnv } from '@sig/platform/subgraph';
import { ownerDatabaseUrlEnvName, seedDemoIfEmpty } from '@sig/dev-kit';

const subgraphs = Object.fromEntries(SUBGRAPH_AGENCIES.map((a) => [a, process.env[ownerDatabaseUrlEnvName(a)] || databaseUrlFromEnv(a)])) as Record<SubgraphAgency, string>;
await seedDemoIfEmpty({ subgraphs }, { cases: Number(process.env.DEMO_CASES ?? 28), log: (line) => console.log(`[seed] ${line}`) });
