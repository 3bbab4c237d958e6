import { Agency } from '@sig/platform/access';
import type { SubgraphModule } from '@sig/platform/subgraph';
// The entities first: their GraphQL types are registered in this order, which the printed SDL follows.
import { entities } from './model';
import { migrations } from './migrations';
import { policeSchema } from './schema';
import { seedDemoData } from './seed';

export const policeSubgraph: SubgraphModule = {
  agency: Agency.POLICE,
  schema: policeSchema,
  entities,
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seedDemoData,
};
export default policeSubgraph;
