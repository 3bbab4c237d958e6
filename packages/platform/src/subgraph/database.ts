import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type EntitySchema, type Options } from '@mikro-orm/postgresql';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { subgraphEntry, type SubgraphAgency } from '../access/subgraphs';

/** Each subgraph reads its own connection URL from its registry setting, e.g. POLICE_DATABASE_URL. */
export function databaseUrlEnvName(agency: SubgraphAgency): string {
  return subgraphEntry(agency).databaseUrlEnv;
}

export function databaseUrlFromEnv(agency: SubgraphAgency, env: NodeJS.ProcessEnv = process.env): string {
  const url = env[databaseUrlEnvName(agency)];
  if (!url) throw new Error(`${databaseUrlEnvName(agency)} is not set (the ${subgraphEntry(agency).name} subgraph's database)`);
  return url;
}

export interface OrmOptions {
  clientUrl: string;
  entities: EntitySchema<any, any>[];
  migrations: Constructor<Migration>[];
  /** Connection pool size per process; the platform's processes share one machine in development. */
  poolMax?: number;
  /** Called with every SQL statement MikroORM runs (used by tests that count queries). */
  onQuery?: (sql: string) => void;
}

/**
 * How long an idle pooled connection is kept: `DB_POOL_IDLE_SECONDS`, 60 by default (pg's own is
 * 10). A new PostgreSQL backend costs a process start and cold caches; with 10 s, the benchmark's
 * pools were all replaced between one variant's rounds and the next (32 new backends a round), and
 * a platform that is idle for ten seconds between bursts would pay that each time.
 */
export function poolIdleSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DB_POOL_IDLE_SECONDS;
  if (raw === undefined || raw === '') return 60;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`DB_POOL_IDLE_SECONDS must be a positive whole number of seconds, got "${raw}"`);
  return value;
}

export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  const config: Options = {
    clientUrl: options.clientUrl,
    entities: options.entities,
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolMax ?? Number(process.env.DB_POOL_MAX ?? 8), idleTimeoutMillis: poolIdleSeconds() * 1000 },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery ? (message: string) => options.onQuery!(message) : () => {},
    // The schema is only ever changed by migrations, never synchronised from the entities.
    ensureDatabase: false,
    allowGlobalContext: false,
  };
  return MikroORM.init(config);
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}
