import pg from 'pg';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Agency, SUBGRAPH_AGENCIES, SUBGRAPH_NAME, type SubgraphAgency } from '@sig/platform/access';
import { appendAccessLog, type AccessLogRow, accessLogCanonical, accessLogRowHash, describeChainReport, verifyAccessLogChain, type ChainedRow, ACCESS_LOG_CHAIN_AT_FORMAT } from '@sig/platform/access-log';
import { openOrm } from '@sig/platform/subgraph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SUBGRAPH_MODULES, dropDatabases, migrateAll, provisionDatabases, type PlatformDatabases } from '@sig/dev-kit';
import { createTestDatabases } from './support/platform';

/**
 * Issue 14, hole 4: the subgraph's own database login (the application login) may read the access
 * log and append to it, nothing else; every row is linked into a hash chain by the database, whatever
 * the inserter supplies; and a change made behind the chain's back (by a superuser) is found by the
 * verifier, which names the first broken row.
 */
let databases: PlatformDatabases;
let adminUrl: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ databases, adminUrl, drop } = await createTestDatabases({ seed: false }));
});

afterAll(async () => {
  await drop?.();
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The superuser, in one agency's database. */
function adminIn(agency: SubgraphAgency): string {
  const url = new URL(databases.subgraphs[agency]);
  const admin = new URL(adminUrl);
  url.username = admin.username;
  url.password = admin.password;
  return url.toString();
}

const INSERT = `INSERT INTO access_log (actor_id, actor_name, actor_agency, actor_unit, case_ids, source_agency, categories, operation_name, purpose, decision, reason, legal_basis)
  VALUES ($1, 'Tess Tester', 'POLICE', 'Unit {7}', $2::uuid[], 'POLICE', '{INCIDENTS,CONTACTS}', 'TamperTest', $3, 'PERMIT', 'OWN_AGENCY_MEMBER', 'OWN_AGENCY')`;

async function insertRows(client: pg.Client, n: number, actor = 'actor-tamper') {
  for (let i = 0; i < n; i++) await client.query(INSERT, [`${actor}-${i}`, [randomUUID(), randomUUID()], i % 2 ? `Uppföljning "${i}" – ärende` : null]);
}

describe.each(SUBGRAPH_AGENCIES)('the access log of %s, as the application login', (agency) => {
  let app: pg.Client;
  beforeAll(async () => {
    app = await connect(databases.subgraphs[agency]);
    await insertRows(app, 3);
  });
  afterAll(async () => {
    await app?.end();
  });

  it('connects as the application login, not as the owner', async () => {
    const { rows } = await app.query(`SELECT current_user AS me, (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) AS owner, (SELECT tableowner FROM pg_tables WHERE tablename = 'access_log') AS table_owner`);
    expect(rows[0].me).toBe(databases.appRoles[agency]);
    expect(rows[0].owner).not.toBe(rows[0].me);
    expect(rows[0].table_owner).toBe(rows[0].owner);
  });

  it.each([
    ['UPDATE', `UPDATE access_log SET reason = 'EDITED'`],
    ['DELETE', 'DELETE FROM access_log'],
    ['TRUNCATE', 'TRUNCATE access_log'],
    ['ALTER TABLE', 'ALTER TABLE access_log ADD COLUMN note text'],
    ['DISABLE TRIGGER', 'ALTER TABLE access_log DISABLE TRIGGER access_log_no_update'],
    ['DISABLE TRIGGER (the chain)', 'ALTER TABLE access_log DISABLE TRIGGER access_log_chain_link'],
    ['DISABLE TRIGGER ALL', 'ALTER TABLE access_log DISABLE TRIGGER ALL'],
    ['DROP TABLE', 'DROP TABLE access_log'],
    ['CREATE TRIGGER', 'CREATE TRIGGER sneak BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()'],
    ['the chain head: UPDATE', `UPDATE access_log_chain_head SET seq = 0, hash = '\\x00'`],
    ['the chain head: INSERT', `INSERT INTO access_log_chain_head (id, seq, prev_hash, hash) VALUES (false, 0, '\\x00', '\\x00')`],
    ['the chain head: DELETE', 'DELETE FROM access_log_chain_head'],
    ['the chain head: TRUNCATE', 'TRUNCATE access_log_chain_head'],
    ['the chain head: DROP', 'DROP TABLE access_log_chain_head'],
    ['the chain function: replace', `CREATE OR REPLACE FUNCTION access_log_chain_link() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN new; END $$`],
    ['the sequence: setval', `SELECT setval(pg_get_serial_sequence('access_log', 'id'), 1)`],
    ['the replication role', `SET session_replication_role = replica`],
    ['the migrations table: DELETE', 'DELETE FROM mikro_orm_migrations'],
    ['a table of its own', 'CREATE TABLE access_log_copy (id bigint)'],
  ])('refuses %s', async (_what, statement) => {
    const before = await app.query('SELECT count(*)::int AS n, max(chain_seq)::text AS seq FROM access_log');
    await expect(app.query(statement)).rejects.toThrow(/permission denied|must be owner|append-only/);
    const after = await app.query(`SELECT count(*)::int AS n, max(chain_seq)::text AS seq, count(*) FILTER (WHERE reason = 'EDITED')::int AS edited FROM access_log`);
    expect(after.rows[0]).toEqual({ ...before.rows[0], edited: 0 });
  });

  it('may read and append, and each row it appends gets a valid link whatever it supplies', async () => {
    const { rows: head } = await app.query('SELECT seq::text AS seq, hash FROM access_log_chain_head');
    const { rows: inserted } = await app.query(
      `INSERT INTO access_log (actor_id, actor_name, actor_agency, actor_unit, case_id, source_agency, categories, decision, reason, legal_basis, chain_seq, prev_hash, row_hash)
       VALUES ('forger', 'F', 'POLICE', 'U', $1, 'POLICE', '{INCIDENTS}', 'DENY', 'NOT_MEMBER', 'NONE', 1, '\\xdeadbeef', '\\xdeadbeef')
       RETURNING chain_seq::text AS chain_seq, prev_hash, row_hash`,
      [randomUUID()],
    );
    expect(inserted[0].chain_seq).toBe(String(BigInt(head[0].seq) + 1n));
    expect(inserted[0].prev_hash.equals(head[0].hash)).toBe(true);
    expect(inserted[0].row_hash).toHaveLength(32);
    const { rows: after } = await app.query('SELECT seq::text AS seq, hash FROM access_log_chain_head');
    expect(after[0].seq).toBe(inserted[0].chain_seq);
    expect(after[0].hash.equals(inserted[0].row_hash)).toBe(true);
    const report = await verifyAccessLogChain(app);
    expect(report, describeChainReport(report)).toMatchObject({ ok: true, rowsChecked: 4 });
  });

  it('the subgraph can still start with it: reads the migrations table and listens for changes', async () => {
    const module = await SUBGRAPH_MODULES[agency]();
    const orm = await openOrm({ clientUrl: databases.subgraphs[agency], entities: module.entities, migrations: module.migrations, poolMax: 1 });
    try {
      expect(await orm.migrator.getPending()).toEqual([]);
    } finally {
      await orm.close();
    }
    await app.query('LISTEN sig_statistics_changed');
    await app.query('UNLISTEN *');
  });
});

describe('appendAccessLog as the application login', () => {
  it('writes purpose and is chained: the verifier passes on the untouched chain', async () => {
    const module = await SUBGRAPH_MODULES[Agency.SCHOOL]();
    const orm = await openOrm({ clientUrl: databases.subgraphs[Agency.SCHOOL], entities: module.entities, migrations: module.migrations, poolMax: 2 });
    try {
      const row = (i: number): AccessLogRow => ({
        actorId: `a-${i}`,
        actorName: "Åsa O'Brien",
        actorAgency: Agency.SOCIAL_SERVICES,
        actorUnit: 'Enhet {Järva}',
        caseIds: [randomUUID()],
        sourceAgency: Agency.SCHOOL,
        categories: ['ATTENDANCE'],
        operationName: i ? `Op${i}` : null,
        purpose: i % 2 ? 'CASE_WORK' : undefined,
        decision: 'PERMIT',
        reason: 'CONSENT',
        legalBasis: 'CONSENT',
      });
      await Promise.all([appendAccessLog(orm.em.fork(), [row(1), row(2)]), appendAccessLog(orm.em.fork(), [row(3)]), appendAccessLog(orm.em.fork(), [row(4), row(5), row(6)])]);
      const [stored] = await orm.em.getConnection().execute<{ purpose: string | null }[]>(`select purpose from access_log where actor_id = 'a-3'`);
      expect(stored.purpose).toBe('CASE_WORK');
    } finally {
      await orm.close();
    }
    for (const agency of SUBGRAPH_AGENCIES) {
      const report = await verifyAccessLogChain(databases.subgraphs[agency]);
      expect(report.ok, `${SUBGRAPH_NAME[agency]}: ${describeChainReport(report)}`).toBe(true);
    }
    // Read in batches of 3 (10 rows: the tenth after the ninth, not after the first).
    expect(await verifyAccessLogChain(databases.subgraphs[Agency.SCHOOL], { batch: 3 })).toMatchObject({ ok: true, rowsChecked: 10 });
  });

  it('stays one chain under concurrent inserts from many connections (the head lock orders them)', async () => {
    const clients = await Promise.all(Array.from({ length: 6 }, () => connect(databases.subgraphs[Agency.LEISURE])));
    try {
      const { rows: before } = await clients[0].query('SELECT seq::text AS seq FROM access_log_chain_head');
      await Promise.all(clients.map((c, i) => insertRows(c, 15, `concurrent-${i}`)));
      const report = await verifyAccessLogChain(clients[0], { batch: 7 });
      expect(report, describeChainReport(report)).toMatchObject({ ok: true, rowsChecked: Number(before[0].seq) + 90 });
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it('the TypeScript encoding is the database trigger`s, byte for byte', async () => {
    const client = await connect(adminIn(Agency.SCHOOL));
    try {
      const { rows } = await client.query<ChainedRow & { sql: Buffer }>(
        `SELECT chain_seq::text AS chain_seq, id::text AS id, to_char(at AT TIME ZONE 'UTC', '${ACCESS_LOG_CHAIN_AT_FORMAT}') AS at, actor_id, actor_name, actor_agency::text, actor_unit,
           case_id::text, case_ids::text[], source_agency::text, categories::text[], operation_name, purpose, decision::text, reason, legal_basis, prev_hash, row_hash,
           access_log_chain_canonical(chain_seq, l) AS sql
         FROM access_log l ORDER BY chain_seq`,
      );
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) {
        expect(accessLogCanonical(row).equals(row.sql)).toBe(true);
        expect(accessLogRowHash(row.prev_hash!, row).equals(row.row_hash!)).toBe(true);
      }
    } finally {
      await client.end();
    }
  });
});

describe('the verifier, when a superuser changes the log behind the chain', () => {
  let own: PlatformDatabases;
  let ownAdminUrl: string;
  let dropOwn: () => Promise<void>;
  beforeAll(async () => {
    ({ databases: own, adminUrl: ownAdminUrl, drop: dropOwn } = await createTestDatabases({ seed: false }));
  });
  afterAll(async () => {
    await dropOwn?.();
  });

  /** A fresh chain of 6 rows in the police database of `own` (each case below breaks one). */
  async function freshChain(): Promise<{ admin: pg.Client; ids: string[]; own: PlatformDatabases; done: () => Promise<void> }> {
    const url = new URL(own.subgraphs[Agency.POLICE]);
    const superuser = new URL(ownAdminUrl);
    url.username = superuser.username;
    url.password = superuser.password;
    const client = await connect(url.toString());
    // Back to an empty chain (with the triggers off: only a superuser can).
    await client.query('SET session_replication_role = replica');
    await client.query('DELETE FROM access_log');
    await client.query(`UPDATE access_log_chain_head SET seq = 0, prev_hash = '\\x${'00'.repeat(32)}', hash = '\\x${'00'.repeat(32)}'`);
    await client.query('SET session_replication_role = origin');
    await client.query('ALTER TABLE access_log ENABLE TRIGGER ALL');
    const app = await connect(own.subgraphs[Agency.POLICE]);
    await insertRows(app, 6);
    await app.end();
    const { rows } = await client.query<{ id: string }>('SELECT id::text AS id FROM access_log ORDER BY chain_seq');
    expect((await verifyAccessLogChain(client)).ok).toBe(true);
    return { admin: client, ids: rows.map((r) => r.id), own, done: () => client.end() };
  }

  /** `npm run audit:verify` over one platform's databases, as the application logins. */
  function auditVerify(dbs: PlatformDatabases): Promise<{ code: number; output: string }> {
    const env = { ...process.env, ...Object.fromEntries(SUBGRAPH_AGENCIES.map((a) => [`${a}_DATABASE_URL`, dbs.subgraphs[a]])) };
    return new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { cwd: path.resolve(import.meta.dirname, '..'), env }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
      });
    });
  }

  it('names the row whose content was edited (triggers off through session_replication_role)', async () => {
    const { admin, ids, own, done } = await freshChain();
    try {
      const intact = await auditVerify(own);
      expect(intact.output).toMatch(/police: 6 rows, chain OK \(head seq 6, hash [0-9a-f]{64}\)/);
      expect(intact.output).toContain('all 4 access logs are intact');
      expect(intact.code).toBe(0);
      await admin.query('SET session_replication_role = replica');
      await admin.query(`UPDATE access_log SET actor_name = 'Someone Else' WHERE id = $1`, [ids[2]]);
      await admin.query('SET session_replication_role = origin');
      const report = await verifyAccessLogChain(admin);
      expect(report).toMatchObject({ ok: false, rowsChecked: 3, broken: { problem: 'content', id: ids[2], chainSeq: '3' } });
      expect(describeChainReport(report)).toContain(`row id ${ids[2]} (chain_seq 3)`);
      const audit = await auditVerify(own);
      expect(audit.output).toContain(`police: BROKEN at row id ${ids[2]} (chain_seq 3): content: row_hash`);
      expect(audit.output).toMatch(/social-services: 0 rows, chain OK/);
      expect(audit.code).toBe(1);
    } finally {
      await done();
    }
  });

  it('names the row after one that was deleted (a gap), and a head left beyond a deleted last row', async () => {
    const { admin, ids, done } = await freshChain();
    try {
      await admin.query('ALTER TABLE access_log DISABLE TRIGGER access_log_no_update');
      await admin.query('DELETE FROM access_log WHERE id = $1', [ids[3]]);
      expect(await verifyAccessLogChain(admin)).toMatchObject({ ok: false, broken: { problem: 'gap', id: ids[4], chainSeq: '5' } });
      // Renumbered to hide the gap: the link to the row before still does not hold.
      for (const seq of [5, 6]) await admin.query('UPDATE access_log SET chain_seq = chain_seq - 1 WHERE chain_seq = $1', [seq]);
      expect(await verifyAccessLogChain(admin)).toMatchObject({ ok: false, broken: { problem: 'prev-link', id: ids[4], chainSeq: '4' } });
      await admin.query('ALTER TABLE access_log ENABLE TRIGGER access_log_no_update');
    } finally {
      await done();
    }
    const second = await freshChain();
    try {
      await second.admin.query('SET session_replication_role = replica');
      await second.admin.query('DELETE FROM access_log WHERE id = $1', [second.ids[5]]);
      const report = await verifyAccessLogChain(second.admin);
      expect(report).toMatchObject({ ok: false, rowsChecked: 5, broken: { problem: 'head', id: null, chainSeq: '6' } });
      expect(report.broken!.detail).toMatch(/rows after it are missing/);
    } finally {
      await second.done();
    }
  });

  it('names a forged row: one written with the chain trigger off, or one with made-up links', async () => {
    const { admin, ids, done } = await freshChain();
    try {
      const { rows: last } = await admin.query<{ row_hash: Buffer }>('SELECT row_hash FROM access_log ORDER BY chain_seq DESC LIMIT 1');
      await admin.query('SET session_replication_role = replica');
      // The right place and the right link, but a hash it could not compute correctly.
      const { rows: forged } = await admin.query<{ id: string }>(
        `INSERT INTO access_log (actor_id, actor_name, actor_agency, actor_unit, case_id, source_agency, categories, decision, reason, legal_basis, chain_seq, prev_hash, row_hash)
         VALUES ('forger', 'F', 'POLICE', 'U', $1, 'POLICE', '{INCIDENTS}', 'PERMIT', 'OWN_AGENCY_MEMBER', 'OWN_AGENCY', 7, $2, sha256('forged'::bytea)) RETURNING id::text AS id`,
        [randomUUID(), last[0].row_hash],
      );
      await admin.query('SET session_replication_role = origin');
      expect(await verifyAccessLogChain(admin)).toMatchObject({ ok: false, rowsChecked: 7, broken: { problem: 'content', id: forged[0].id, chainSeq: '7' } });
      expect(ids).toHaveLength(6);
    } finally {
      await done();
    }
  });

  it('names a forged row copied from a valid one (its hash belongs to another place)', async () => {
    const { admin, ids, done } = await freshChain();
    try {
      // The head is advanced too: everything the trigger does, except computing the hash of this row.
      await admin.query('SET session_replication_role = replica');
      const { rows } = await admin.query<{ id: string }>(
        `INSERT INTO access_log (actor_id, actor_name, actor_agency, actor_unit, case_ids, source_agency, categories, operation_name, decision, reason, legal_basis, chain_seq, prev_hash, row_hash)
         SELECT actor_id, actor_name, actor_agency, actor_unit, case_ids, source_agency, categories, operation_name, decision, reason, legal_basis, 7, (SELECT hash FROM access_log_chain_head), row_hash
         FROM access_log WHERE id = $1 RETURNING id::text AS id`,
        [ids[0]],
      );
      await admin.query(`UPDATE access_log_chain_head SET seq = 7, prev_hash = hash, hash = (SELECT row_hash FROM access_log WHERE id = $1)`, [rows[0].id]);
      await admin.query('SET session_replication_role = origin');
      expect(await verifyAccessLogChain(admin)).toMatchObject({ ok: false, broken: { problem: 'content', id: rows[0].id, chainSeq: '7' } });
    } finally {
      await done();
    }
  });
});

describe('the migration', () => {
  it('chains the rows logged before it, in id order, as one chain the trigger then continues', async () => {
    const admin = inject('postgresAdminUrl');
    const prefix = `sigt_${randomUUID().slice(0, 8)}`;
    const dbs = await provisionDatabases(admin, prefix);
    try {
      const module = await SUBGRAPH_MODULES[Agency.POLICE]();
      const orm = await openOrm({ clientUrl: dbs.owners[Agency.POLICE], entities: module.entities, migrations: module.migrations, poolMax: 1 });
      try {
        await orm.migrator.up({ to: 'Migration20261125063257' });
      } finally {
        await orm.close();
      }
      const owner = await connect(dbs.owners[Agency.POLICE]);
      try {
        for (let i = 0; i < 5; i++) {
          await owner.query(
            `insert into access_log (actor_id, actor_name, actor_agency, actor_unit, ${i % 2 ? 'case_id' : 'case_ids'}, source_agency, categories, operation_name, decision, reason, legal_basis)
             values ($1, 'Före Kedjan', 'POLICE', 'Unit', ${i % 2 ? '$2::uuid' : '$2::uuid[]'}, 'POLICE', '{INCIDENTS}', null, 'PERMIT', 'OWN_AGENCY_MEMBER', 'OWN_AGENCY')`,
            [`old-${i}`, i % 2 ? randomUUID() : [randomUUID(), randomUUID()]],
          );
        }
      } finally {
        await owner.end();
      }
      await migrateAll(dbs);
      const app = await connect(dbs.subgraphs[Agency.POLICE]);
      try {
        await insertRows(app, 2, 'new');
        const { rows } = await app.query<{ actor_id: string; chain_seq: string }>('SELECT actor_id, chain_seq::text AS chain_seq FROM access_log ORDER BY id');
        expect(rows.map((r) => [r.actor_id, r.chain_seq])).toEqual([...[0, 1, 2, 3, 4].map((i) => [`old-${i}`, String(i + 1)]), ['new-0', '6'], ['new-1', '7']]);
        expect(await verifyAccessLogChain(app)).toMatchObject({ ok: true, rowsChecked: 7, head: { seq: '7' } });
      } finally {
        await app.end();
      }
    } finally {
      await dropDatabases(admin, prefix);
    }
  });
});
