import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Agency, SUBGRAPH_AGENCIES, SUBGRAPH_NAME, seededRandom, type SubgraphAgency } from '@sig/platform';
import { migrate, openOrm } from '@sig/platform/database';
import type { SubgraphModule } from '@sig/platform/subgraph-module';
import { makeDemoScenario } from './scenario';
import { SUBGRAPH_MODULES } from '../subgraphs';

/** Connection URLs of one provisioned platform: a login and database per agency, plus the gateway's read-only login. */
export interface PlatformDatabases {
  prefix: string;
  subgraphs: Record<SubgraphAgency, string>;
  gatewayGrants: string;
  gatewayRole: string;
}

const ident = (name: string) => {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return `"${name}"`;
};

function urlFor(adminUrl: string, user: string, password: string, database: string): string {
  const url = new URL(adminUrl);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

export function roleName(prefix: string, agency: SubgraphAgency): string {
  return `${prefix}_${SUBGRAPH_NAME[agency].replace(/-/g, '_')}`;
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates (or updates) one login role and one database per agency, owned by that role and closed
 * to every other role, plus the gateway's login, which may connect to social services' database
 * only. Passwords are new on every call.
 */
export async function provisionDatabases(adminUrl: string, prefix: string): Promise<PlatformDatabases> {
  return withAdmin(adminUrl, async (admin) => {
    const ensureRole = async (role: string, password: string) => {
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await admin.query(`${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
    };
    const subgraphs = {} as Record<SubgraphAgency, string>;
    for (const agency of SUBGRAPH_AGENCIES) {
      const role = roleName(prefix, agency);
      const password = randomBytes(18).toString('hex');
      await ensureRole(role, password);
      const db = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [role]);
      if (!db.rowCount) await admin.query(`CREATE DATABASE ${ident(role)} OWNER ${ident(role)}`);
      await admin.query(`REVOKE ALL ON DATABASE ${ident(role)} FROM PUBLIC`);
      subgraphs[agency] = urlFor(adminUrl, role, password, role);
    }
    const gatewayRole = `${prefix}_gateway`;
    const gatewayPassword = randomBytes(18).toString('hex');
    await ensureRole(gatewayRole, gatewayPassword);
    const socialDb = roleName(prefix, Agency.SOCIAL_SERVICES);
    await admin.query(`GRANT CONNECT ON DATABASE ${ident(socialDb)} TO ${ident(gatewayRole)}`);
    return { prefix, subgraphs, gatewayGrants: urlFor(adminUrl, gatewayRole, gatewayPassword, socialDb), gatewayRole };
  });
}

/** Drops everything `provisionDatabases` made for a prefix (tests clean up with it). */
export async function dropDatabases(adminUrl: string, prefix: string): Promise<void> {
  await withAdmin(adminUrl, async (admin) => {
    for (const agency of SUBGRAPH_AGENCIES) {
      await admin.query(`DROP DATABASE IF EXISTS ${ident(roleName(prefix, agency))} WITH (FORCE)`);
    }
    for (const agency of SUBGRAPH_AGENCIES) await admin.query(`DROP ROLE IF EXISTS ${ident(roleName(prefix, agency))}`);
    await admin.query(`DROP ROLE IF EXISTS ${ident(`${prefix}_gateway`)}`);
  });
}

async function withOrm<T>(module: SubgraphModule, url: string, work: (orm: Awaited<ReturnType<typeof openOrm>>) => Promise<T>): Promise<T> {
  const orm = await openOrm({ clientUrl: url, entities: module.entities, migrations: module.migrations, poolMax: 2 });
  try {
    return await work(orm);
  } finally {
    await orm.close();
  }
}

/** Runs every subgraph's pending migrations as its own role, then lets the gateway's login read group membership. */
export async function migrateAll(dbs: Pick<PlatformDatabases, 'subgraphs' | 'gatewayRole'>, log: (line: string) => void = () => {}) {
  for (const agency of SUBGRAPH_AGENCIES) {
    const module = await SUBGRAPH_MODULES[agency]();
    const applied = await withOrm(module, dbs.subgraphs[agency], async (orm) => {
      const names = await migrate(orm);
      if (agency === Agency.SOCIAL_SERVICES) {
        await orm.em.getConnection().execute(`GRANT SELECT ON gateway_membership TO ${ident(dbs.gatewayRole)}`);
      }
      return names;
    });
    log(`${SUBGRAPH_NAME[agency]}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);
  }
}

/** Seeds the demo scenario into every subgraph, unless social services already holds cases. */
export async function seedDemoIfEmpty(dbs: Pick<PlatformDatabases, 'subgraphs'>, options: { cases?: number; seed?: number; log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const social = await SUBGRAPH_MODULES[Agency.SOCIAL_SERVICES]();
  const existing = await withOrm(social, dbs.subgraphs[Agency.SOCIAL_SERVICES], async (orm) => {
    const [row] = await orm.em.getConnection().execute<{ n: string }[]>('SELECT count(*) AS n FROM sig_case');
    return Number(row.n);
  });
  if (existing > 0) {
    log(`demo data: already present (${existing} cases), left as it is`);
    return { seeded: false, cases: existing };
  }
  const scenario = makeDemoScenario(options.cases ?? 28, options.seed ?? 2026);
  // In chunks, so that a large scenario (the benchmarks' 50,000 cases) never sits in one unit of work.
  const CHUNK = 500;
  for (const agency of SUBGRAPH_AGENCIES) {
    const module = await SUBGRAPH_MODULES[agency]();
    const rng = seededRandom((options.seed ?? 2026) + agency.length);
    const rows = await withOrm(module, dbs.subgraphs[agency], async (orm) => {
      let written = 0;
      for (let start = 0; start < scenario.length; start += CHUNK) {
        written += await module.seedDemoData(orm.em.fork(), scenario.slice(start, start + CHUNK), rng);
      }
      // Fresh planner statistics: right after a bulk load, autovacuum has not analysed the tables yet.
      await orm.em.getConnection().execute('analyze');
      return written;
    });
    log(`demo data: ${SUBGRAPH_NAME[agency]} ${rows} rows`);
  }
  return { seeded: true, cases: scenario.length };
}
