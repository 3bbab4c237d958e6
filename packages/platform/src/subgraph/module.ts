import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import type { EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import type { SubgraphAgency } from '../access/agency';
import type { CaseFactsLoader } from '../request/context';
import type { SubgraphSchemaDefinition } from './schema';

/**
 * Everything the subgraph process and the tooling (launcher, composer, tests) need to know about one
 * agency subgraph. Demo data is not part of it: each subgraph's `seed` entry holds its `DemoSeeder`
 * (`@sig/platform/dev`), so the process never loads seed code.
 */
export interface SubgraphModule {
  agency: SubgraphAgency;
  schema: SubgraphSchemaDefinition;
  entities: EntitySchema<any, any>[];
  migrations: Constructor<Migration>[];
  /** Absolute path of the folder that holds the migrations (for the migration generator). */
  migrationsPath: string;
  /** What the subgraph knows about a case, for district roles; loaded in batches per request. */
  loadCaseFacts?: CaseFactsLoader;
}

export type { MikroORM };
