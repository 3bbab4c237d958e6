import { Agency } from '@sig/platform/access';
import type { SubgraphModule } from '@sig/platform/subgraph';
// The entities first: their GraphQL types are registered in this order, which the printed SDL follows.
import { entities } from './model';
import { migrations } from './migrations';
import { leisureSchema } from './schema';

export const leisureSubgraph: SubgraphModule = {
  agency: Agency.LEISURE,
  schema: leisureSchema,
  entities,
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
};
export default leisureSubgraph;
