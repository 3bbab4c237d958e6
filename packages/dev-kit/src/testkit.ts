import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { dropDatabases, migrateAll, provisionDatabases, seedDemoIfEmpty } from './provision';

/** What the test run's global set-up hands every test file (test/support/global-setup.ts provides it). */
declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/** Fresh databases for one test file (a unique prefix), migrated; drop them with `drop()`. */
export async function createTestDatabases(options: { seed?: boolean; adminUrl?: string } = {}) {
  const adminUrl = options.adminUrl ?? inject('postgresAdminUrl');
  const prefix = `sigt_${randomBytes(4).toString('hex')}`;
  const databases = await provisionDatabases(adminUrl, prefix);
  await migrateAll(databases);
  if (options.seed) await seedDemoIfEmpty(databases, { cases: 28, seed: 2026 });
  return { adminUrl, databases, drop: () => dropDatabases(adminUrl, prefix) };
}
