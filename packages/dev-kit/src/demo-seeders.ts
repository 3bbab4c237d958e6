import { SUBGRAPH_NAME, type SubgraphAgency } from '@sig/platform/access';
import type { DemoSeeder } from '@sig/platform/dev';

/**
 * A subgraph's demo seeder, from its package's `seed` entry (`@sig/subgraph-<name>/seed`): the
 * dev-side half of a subgraph, which its process (`src/main.ts`) never loads. Found by the registry's
 * name, so no list of the subgraphs is kept here; each seed.ts checks its export is a DemoSeeder.
 */
export async function loadDemoSeeder(agency: SubgraphAgency): Promise<DemoSeeder> {
  const entry = (await import(`@sig/subgraph-${SUBGRAPH_NAME[agency]}/seed`)) as { seedDemoData: DemoSeeder };
  return entry.seedDemoData;
}
