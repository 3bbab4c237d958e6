import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Agency, SUBGRAPH_AGENCIES, SUBGRAPH_NAME, subgraphEntry, type SubgraphAgency } from '@sig/platform/access';
import { seededRandom } from '@sig/platform/dev';
import { migrate, openOrm, type SubgraphModule } from '@sig/platform/subgraph';
import { loadDemoSeeder } from './demo-seeders';
import { makeDemoScenario } from './scenario';
import { SUBGRAPH_MODULES } from './subgraphs';

/**
 * Connection URLs of one provisioned platform: per agency a database, its owner's login (migrations
 * only) and the application's login (the subgraph process), plus the gateway's read-only login.
 */
export interface PlatformDatabases {
  prefix: string;
  /** The application logins, one per agency: what each subgraph process connects as. */
  subgraphs: Record<SubgraphAgency, string>;
  /** The owners' logins: own the database and every object in it; used to migrate (and seed) only. */
  owners: Record<SubgraphAgency, string>;
  /** The application logins' role names (those of `subgraphs`), which migrations grant to. */
  appRoles: Record<SubgraphAgency, string>;
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

/** The owner role of an agency's database, and the database's name: `<prefix>_<registry's databasePart>`. */
export function roleName(prefix: string, agency: SubgraphAgency): string {
  return `${prefix}_${subgraphEntry(agency).databasePart}`;
}

/** Where scripts/migrate.ts and scripts/seed.ts read an agency database's owner login: `<AGENCY>_OWNER_DATABASE_URL`. */
export function ownerDatabaseUrlEnvName(agency: SubgraphAgency): string {
  return subgraphEntry(agency).ownerDatabaseUrlEnv;
}

/** The application login of an agency's database (the owner's name and `_app`). */
export function appRoleName(prefix: string, agency: SubgraphAgency): string {
  return `${roleName(prefix, agency)}_app`;
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
 * Creates (or updates) per agency a database, its owner role and the application's login, the
 * database closed to every other role, plus the gateway's login, which may connect to social
 * services' database only. The application login gets its rights on the tables from `migrateAll`.
 * Passwords are new on every call.
 */
export async function provisionDatabases(adminUrl: string, prefix: string): Promise<PlatformDatabases> {
  return withAdmin(adminUrl, async (admin) => {
    const ensureRole = async (role: string, password: string) => {
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await admin.query(`${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
    };
    const subgraphs = {} as Record<SubgraphAgency, string>;
    const owners = {} as Record<SubgraphAgency, string>;
    const appRoles = {} as Record<SubgraphAgency, string>;
    for (const agency of SUBGRAPH_AGENCIES) {
      const owner = roleName(prefix, agency);
      const app = appRoleName(prefix, agency);
      const ownerPassword = randomBytes(18).toString('hex');
      const appPassword = randomBytes(18).toString('hex');
      await ensureRole(owner, ownerPassword);
      await ensureRole(app, appPassword);
      const db = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [owner]);
      if (!db.rowCount) await admin.query(`CREATE DATABASE ${ident(owner)} OWNER ${ident(owner)}`);
      await admin.query(`REVOKE ALL ON DATABASE ${ident(owner)} FROM PUBLIC`);
      await admin.query(`GRANT CONNECT ON DATABASE ${ident(owner)} TO ${ident(app)}`);
      owners[agency] = urlFor(adminUrl, owner, ownerPassword, owner);
      subgraphs[agency] = urlFor(adminUrl, app, appPassword, owner);
      appRoles[agency] = app;
    }
    const gatewayRole = `${prefix}_gateway`;
    const gatewayPassword = randomBytes(18).toString('hex');
    await ensureRole(gatewayRole, gatewayPassword);
    const socialDb = roleName(prefix, Agency.SOCIAL_SERVICES);
    await admin.query(`GRANT CONNECT ON DATABASE ${ident(socialDb)} TO ${ident(gatewayRole)}`);
    return { prefix, subgraphs, owners, appRoles, gatewayGrants: urlFor(adminUrl, gatewayRole, gatewayPassword, socialDb), gatewayRole };
  });
}

/** Drops everything `provisionDatabases` made for a prefix (tests clean up with it). */
export async function dropDatabases(adminUrl: string, prefix: string): Promise<void> {
  await withAdmin(adminUrl, async (admin) => {
    for (const agency of SUBGRAPH_AGENCIES) {
      await admin.query(`DROP DATABASE IF EXISTS ${ident(roleName(prefix, agency))} WITH (FORCE)`);
    }
    for (const agency of SUBGRAPH_AGENCIES) {
      await admin.query(`DROP ROLE IF EXISTS ${ident(appRoleName(prefix, agency))}`);
      await admin.query(`DROP ROLE IF EXISTS ${ident(roleName(prefix, agency))}`);
    }
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

/**
 * Tables the application login may only read and append to (logs: their triggers refuse changes
 * even to the owner, and the login has no right to change them or switch the triggers off), and
 * tables it may only read (the access log's chain head, advanced only by the owner's trigger; the
 * migrations table, which `runSubgraph` reads to refuse a database with pending migrations).
 * Every other table is the application's to read and write; views it may read.
 */
export const APPEND_ONLY_TABLES: readonly string[] = Object.freeze(['access_log', 'personal_number_lookup']);
export const APPLICATION_READ_ONLY_TABLES: readonly string[] = Object.freeze(['access_log_chain_head', 'mikro_orm_migrations']);

/**
 * The application login's rights in one agency database, granted by its owner after every
 * migration (so tables a migration adds are covered): CONNECT; USAGE on schema public; on every
 * table SELECT, INSERT, UPDATE, DELETE, but on the append-only tables SELECT and INSERT and on the
 * read-only ones SELECT; SELECT on views; USAGE and SELECT on sequences (never UPDATE: no
 * `setval`). Never ownership, TRUNCATE, REFERENCES or TRIGGER. Rights granted before are revoked
 * first, all in one transaction, so a table moved onto a stricter list loses what it had.
 */
export async function grantApplicationAccess(ownerUrl: string, appRole: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; kind: string }>(
      `SELECT c.relname AS name, c.relkind::text AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') ORDER BY c.relname`,
    );
    const role = ident(appRole);
    const statements = [
      'BEGIN',
      `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${appRole}'); END $$`,
      `GRANT USAGE ON SCHEMA public TO ${role}`,
      `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`,
      `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`,
    ];
    for (const { name, kind } of rows) {
      const table = `public.${ident(name)}`;
      if (kind === 'S') statements.push(`GRANT USAGE, SELECT ON SEQUENCE ${table} TO ${role}`);
      else if (kind === 'v' || kind === 'm' || APPLICATION_READ_ONLY_TABLES.includes(name)) statements.push(`GRANT SELECT ON ${table} TO ${role}`);
      else if (APPEND_ONLY_TABLES.includes(name)) statements.push(`GRANT SELECT, INSERT ON ${table} TO ${role}`);
      else statements.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${role}`);
    }
    statements.push('COMMIT');
    await client.query(statements.join(';\n'));
  } finally {
    await client.end();
  }
}

/**
 * Runs every subgraph's pending migrations as its database's owner, then grants the application
 * login its rights (`grantApplicationAccess`) and the gateway's login SELECT on group membership.
 */
export async function migrateAll(dbs: Pick<PlatformDatabases, 'owners' | 'appRoles' | 'gatewayRole'>, log: (line: string) => void = () => {}) {
  for (const agency of SUBGRAPH_AGENCIES) {
    const module = await SUBGRAPH_MODULES[agency]();
    const applied = await withOrm(module, dbs.owners[agency], async (orm) => {
      const names = await migrate(orm);
      if (agency === Agency.SOCIAL_SERVICES) {
        await orm.em.getConnection().execute(`GRANT SELECT ON gateway_membership TO ${ident(dbs.gatewayRole)}`);
      }
      return names;
    });
    await grantApplicationAccess(dbs.owners[agency], dbs.appRoles[agency]);
    log(`${SUBGRAPH_NAME[agency]}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}; ${dbs.appRoles[agency]} may read and write its tables, and only read and append to its logs`);
  }
}

/**
 * Seeds the demo scenario into every subgraph, unless social services already holds cases: as the
 * owners where their logins are given (the ANALYZE after loading needs the owner), else as `subgraphs`.
 */
export async function seedDemoIfEmpty(dbs: Pick<PlatformDatabases, 'subgraphs'> & Partial<Pick<PlatformDatabases, 'owners'>>, options: { cases?: number; seed?: number; log?: (line: string) => void } = {}) {
  const urls = dbs.owners ?? dbs.subgraphs;
  const log = options.log ?? (() => {});
  const social = await SUBGRAPH_MODULES[Agency.SOCIAL_SERVICES]();
  const existing = await withOrm(social, urls[Agency.SOCIAL_SERVICES], async (orm) => {
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
    const seedDemoData = await loadDemoSeeder(agency);
    const rng = seededRandom((options.seed ?? 2026) + agency.length);
    const rows = await withOrm(module, urls[agency], async (orm) => {
      let written = 0;
      for (let start = 0; start < scenario.length; start += CHUNK) {
        written += await seedDemoData(orm.em.fork(), scenario.slice(start, start + CHUNK), rng);
      }
      // Fresh planner statistics: right after a bulk load, autovacuum has not analysed the tables yet.
      await orm.em.getConnection().execute('analyze');
      return written;
    });
    log(`demo data: ${SUBGRAPH_NAME[agency]} ${rows} rows`);
  }
  return { seeded: true, cases: scenario.length };
}
