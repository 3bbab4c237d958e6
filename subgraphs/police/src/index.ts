import { Agency } from '@sig/platform/access';
import type { SubgraphModule } from '@sig/platform/subgraph';
// The entities first: their GraphQL types are registered in this order, which the printed SDL follows.
import { entities } from './model';
import { migrations } from './migrations';
import { policeSchema } from './schema';

export const policeSubgraph: SubgraphModule = {
  agency: Agency.POLICE,
  schema: policeSchema,
  entities,
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
};
export default policeSubgraph;
