import { Agency } from '@sig/platform/access';
import type { SubgraphModule } from '@sig/platform/subgraph';
import { migrations } from './migrations';
import { entities } from './model';
import { schoolSchema } from './schema';
import { seedDemoData } from './seed';

export const schoolSubgraph: SubgraphModule = {
  agency: Agency.SCHOOL,
  schema: schoolSchema,
  entities,
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seedDemoData,
};
export default schoolSubgraph;
