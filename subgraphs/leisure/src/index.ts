import { Agency } from '@sig/platform/access';
import type { SubgraphModule } from '@sig/platform/subgraph';
import { migrations } from './migrations';
import { entities } from './model';
import { leisureSchema } from './schema';
import { seedDemoData } from './seed';

export const leisureSubgraph: SubgraphModule = {
  agency: Agency.LEISURE,
  schema: leisureSchema,
  entities,
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seedDemoData,
};
export default leisureSubgraph;
