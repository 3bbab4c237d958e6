import type { TestProject } from 'vitest/node';
import './provided';
import { startPostgresServer, type PostgresServer } from '@sig/dev-kit/postgres';

let server: PostgresServer | undefined;

/**
 * One PostgreSQL server for the whole run: the one DATABASE_URL names, or an embedded one in a
 * temporary folder. Each test file makes its own databases on it (unique prefix) and drops them.
 */
export async function setup(project: TestProject) {
  const port = Number(process.env.TEST_PG_PORT ?? 55432 + (process.pid % 1000));
  server = await startPostgresServer({ port, persistent: false });
  project.provide('postgresAdminUrl', server.adminUrl);
}

export async function teardown() {
  await server?.stop();
}
