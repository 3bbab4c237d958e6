import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import type { EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import type { SubgraphAgency } from '../access/agency';
import type { CaseFactsLoader } from '../request/context';
import type { SubgraphSchemaDefinition } from './schema';
import type { DemoCase, SeededRandom } from './seed';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Everything the tooling (launcher, composer, tests) needs to know about one agency subgraph. */
export interface SubgraphModule {
  agency: SubgraphAgency;
  schema: SubgraphSchemaDefinition;
  entities: EntitySchema<any, any>[];
  migrations: Constructor<Migration>[];
  /** Absolute path of the folder that holds the migrations (for the migration generator). */
  migrationsPath: string;
  /** Writes demo data for the scenario's cases; returns the number of rows written. */
  seedDemoData(em: EntityManager, cases: DemoCase[], rng: SeededRandom): Promise<number>;
  /** What the subgraph knows about a case, for district roles; loaded in batches per request. */
  loadCaseFacts?: CaseFactsLoader;
}

export type { MikroORM };
