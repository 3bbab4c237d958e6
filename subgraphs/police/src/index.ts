import { Agency } from '@sig/platform/access';
import type { SubgraphModule } from '@sig/platform/subgraph';
import { migrations } from './migrations';
import { entities } from './model';
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
