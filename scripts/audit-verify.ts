/**
 * `npm run audit:verify`: checks the access log's hash chain in every agency database (from the
 * first row to the head, recomputed here: packages/platform/src/access-log/verify.ts) and prints,
 * per agency, the rows checked and OK with the head (note the head down: a later run that shows an
 * earlier head, or a different hash at the same seq, means the chain was rewritten whole), or the
 * first broken row: its id and chain_seq and what does not hold (content hash, link to the row
 * before, a gap in chain_seq, a row outside the chain, the head not naming the last row).
 * Exits 1 when any chain is broken, 2 when a database cannot be read.
 *
 * Which databases, in this order:
 *   - <AGENCY>_OWNER_DATABASE_URL, else <AGENCY>_DATABASE_URL, for every agency (as scripts/migrate.ts
 *     and the subgraphs read them; any login that may SELECT access_log will do), when any is set;
 *   - else the `npm start` set-up: the server in DATABASE_URL, or the embedded one whose data and
 *     admin password are kept in .local/postgres (on EMBEDDED_PG_PORT, started for the check if it is
 *     not running), and the databases named by SIG_DB_PREFIX (default sig), read as the admin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { portFromEnv } from '@sig/platform/runtime';
import { SUBGRAPH_AGENCIES, SUBGRAPH_NAME, type SubgraphAgency } from '@sig/platform/access';
import { databaseUrlEnvName } from '@sig/platform/subgraph';
import { describeChainReport, verifyAccessLogChain } from '@sig/platform/access-log';
import pg from 'pg';
import { startPostgresServer, type PostgresServer } from '@sig/dev-kit/postgres';
import { ownerDatabaseUrlEnvName, roleName, ROOT } from '@sig/dev-kit';

const say = (line: string) => console.log(`[audit] ${line}`);

function fromEnv(): Record<SubgraphAgency, string> | undefined {
  const urls = Object.fromEntries(SUBGRAPH_AGENCIES.map((a) => [a, process.env[ownerDatabaseUrlEnvName(a)] || process.env[databaseUrlEnvName(a)] || ''])) as Record<SubgraphAgency, string>;
  if (SUBGRAPH_AGENCIES.every((a) => !urls[a])) return undefined;
  const missing = SUBGRAPH_AGENCIES.filter((a) => !urls[a]);
  if (missing.length) {
    console.error(`[audit] ${missing.map((a) => `${ownerDatabaseUrlEnvName(a)} (or ${databaseUrlEnvName(a)})`).join(', ')} not set: set all four, or none for the npm start set-up`);
    process.exit(2);
  }
  return urls;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') return false;
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The `npm start` set-up's databases, read as its admin; the server started if it is not running. */
async function local(): Promise<{ urls: Record<SubgraphAgency, string>; stop(): Promise<void> }> {
  let server: PostgresServer | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const baseDir = path.join(ROOT, '.local', 'postgres');
    const secretFile = path.join(baseDir, 'admin-password');
    if (!fs.existsSync(secretFile)) {
      console.error(`[audit] nothing to check: no ${path.relative(ROOT, secretFile)} (run npm start once), and no <AGENCY>_DATABASE_URL set`);
      process.exit(2);
    }
    const port = portFromEnv('postgres');
    adminUrl = `postgres://postgres:${fs.readFileSync(secretFile, 'utf8').trim()}@127.0.0.1:${port}/postgres`;
    if (!(await reachable(adminUrl))) {
      say(`the embedded PostgreSQL is not running; starting it on 127.0.0.1:${port} for the check`);
      server = await startPostgresServer({ baseDir, port, persistent: true });
      adminUrl = server.adminUrl;
    }
  }
  const prefix = process.env.SIG_DB_PREFIX ?? 'sig';
  const urls = Object.fromEntries(
    SUBGRAPH_AGENCIES.map((agency) => {
      const url = new URL(adminUrl!);
      url.pathname = `/${roleName(prefix, agency)}`;
      return [agency, url.toString()];
    }),
  ) as Record<SubgraphAgency, string>;
  return { urls, stop: async () => void (await server?.stop()) };
}

const configured = fromEnv();
const target = configured ? { urls: configured, stop: async () => {} } : await local();
let broken = 0;
let failed = 0;
try {
  for (const agency of SUBGRAPH_AGENCIES) {
    const name = SUBGRAPH_NAME[agency];
    try {
      const report = await verifyAccessLogChain(target.urls[agency]);
      if (!report.ok) broken += 1;
      say(`${name}: ${describeChainReport(report)}`);
    } catch (error) {
      failed += 1;
      say(`${name}: could not be checked: ${(error as Error).message}`);
    }
  }
} finally {
  await target.stop();
}
if (broken) say(`${broken} of ${SUBGRAPH_AGENCIES.length} access logs are BROKEN`);
else if (!failed) say(`all ${SUBGRAPH_AGENCIES.length} access logs are intact`);
process.exitCode = broken ? 1 : failed ? 2 : 0;
