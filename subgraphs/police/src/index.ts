import { Agency } from '@sig/platform';
import type { SubgraphModule } from '@sig/platform/subgraph-module';
import { migrations } from './migrations';
import { entities } from './model';
import { policeSchema } from './schema';

export const policeSubgraph: SubgraphModule = {
  agency: Agency.POLICE,
  schema: policeSchema,
  entities,
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
};
export default policeSubgraph;
