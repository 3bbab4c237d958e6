import { randomUUID } from 'node:crypto';
import { Agency } from '@sig/platform/access';
import { AccessLogWriter, appendAccessLog, accessLogEntries, type AccessLogRow } from '@sig/platform/access-log';
import { RequestLoaders } from '@sig/platform/request';
import { openOrm } from '@sig/platform/subgraph';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_MODULES } from '@sig/dev-kit';
import { createTestDatabases } from './support/platform';

/**
 * `appendAccessLog` writes what it is given, all of it: every column, every case of a row, however
 * many rows (more than one statement holds), on real PostgreSQL with the police subgraph's schema.
 */
let orm: MikroORM;
let drop: () => Promise<void>;

beforeAll(async () => {
  const created = await createTestDatabases({ seed: false });
  drop = created.drop;
  const module = await SUBGRAPH_MODULES[Agency.POLICE]();
  orm = await openOrm({ clientUrl: created.databases.subgraphs[Agency.POLICE], entities: module.entities, migrations: module.migrations });
});

afterAll(async () => {
  await orm?.close();
  await drop?.();
});

const row = (caseIds: string[], i: number): AccessLogRow => ({
  actorId: 'actor-1',
  actorName: "Åsa O'Brien, \"handläggare\"",
  actorAgency: Agency.SOCIAL_SERVICES,
  actorUnit: 'Enhet {Järva}',
  caseIds,
  sourceAgency: Agency.POLICE,
  categories: i % 2 ? ['INCIDENTS', 'CONTACTS'] : ['INCIDENTS'],
  operationName: i % 3 ? `List${i}` : null,
  decision: i % 2 ? 'PERMIT' : 'DENY',
  reason: i % 2 ? 'CONSENT' : 'CONSENT_WITHDRAWN',
  legalBasis: i % 2 ? 'CONSENT' : 'NONE',
});

const count = async () => Number((await orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from access_log'))[0].n);

describe('appendAccessLog', () => {
  it('appends 2,500 rows (three statements) with every column as given', async () => {
    const before = await count();
    const rows = Array.from({ length: 2500 }, (_, i) => row([randomUUID(), randomUUID()], i));
    await appendAccessLog(orm.em.fork(), rows);
    expect(await count()).toBe(before + 2500);
    const stored = await orm.em.getConnection().execute<Record<string, unknown>[]>(
      `select actor_id, actor_name, actor_agency, actor_unit, case_id, case_ids, source_agency, categories, operation_name, decision, reason, legal_basis from access_log where ?::uuid = any(case_ids)`,
      [rows[1234].caseIds[1]],
    );
    expect(stored).toEqual([
      {
        actor_id: 'actor-1',
        actor_name: "Åsa O'Brien, \"handläggare\"",
        actor_agency: 'SOCIAL_SERVICES',
        actor_unit: 'Enhet {Järva}',
        case_id: null,
        case_ids: rows[1234].caseIds,
        source_agency: 'POLICE',
        categories: ['INCIDENTS'],
        operation_name: 'List1234',
        decision: 'DENY',
        reason: 'CONSENT_WITHDRAWN',
        legal_basis: 'NONE',
      },
    ]);
  });

  it('a row of 100 cases is read back in the extract of each of them', async () => {
    const caseIds = Array.from({ length: 100 }, () => randomUUID());
    await appendAccessLog(orm.em.fork(), [row(caseIds, 1)]);
    const ctx = { em: orm.em.fork(), loaders: new RequestLoaders() };
    const [first, last] = await Promise.all([accessLogEntries(ctx, caseIds[0]), accessLogEntries(ctx, caseIds[99])]);
    expect(first).toEqual([expect.objectContaining({ caseId: caseIds[0], categories: ['INCIDENTS', 'CONTACTS'], decision: 'PERMIT' })]);
    expect(last).toEqual([expect.objectContaining({ caseId: caseIds[99], operationName: 'List1' })]);
  });

  it('appends nothing for no rows, and refuses a row whose case is not a uuid, writing none of its statement', async () => {
    const before = await count();
    await appendAccessLog(orm.em.fork(), []);
    await expect(appendAccessLog(orm.em.fork(), [row([randomUUID()], 1), row(['not-a-case'], 2)])).rejects.toThrow(/uuid/);
    expect(await count()).toBe(before);
  });
});

describe('appendAccessLog statements', () => {
  it('are prepared once per connection for the usual sizes, and sent unprepared above 32 rows', async () => {
    const module = await SUBGRAPH_MODULES[Agency.POLICE]();
    // One connection, so that the statements it holds can be listed through it.
    const single = await openOrm({ clientUrl: orm.config.get('clientUrl')!, entities: module.entities, migrations: module.migrations, poolMax: 1 });
    try {
      await appendAccessLog(single.em.fork(), [row([randomUUID()], 1)]);
      await appendAccessLog(single.em.fork(), [row([randomUUID()], 2)]);
      await appendAccessLog(single.em.fork(), [row([randomUUID()], 3), row([randomUUID()], 4)]);
      await appendAccessLog(single.em.fork(), Array.from({ length: 33 }, (_, i) => row([randomUUID()], i)));
      const prepared = await single.em.getConnection().execute<{ name: string }[]>(`select name from pg_prepared_statements order by name`);
      expect(prepared.map((p) => p.name)).toEqual(['access_log_append_1', 'access_log_append_2']);
    } finally {
      await single.close();
    }
  });
});

describe('AccessLogWriter', () => {
  const rowsOfCase = async (caseId: string) =>
    Number((await orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from access_log where ?::uuid = any(case_ids)', [caseId]))[0].n);

  it('appends the rows of concurrent requests together, each request settled once its rows are in', async () => {
    const writer = new AccessLogWriter(orm.em);
    const requests = Array.from({ length: 20 }, (_, i) => [row([randomUUID()], i), row([randomUUID(), randomUUID()], i + 1)]);
    await Promise.all(requests.map((rows) => writer.append(rows)));
    // The first request's rows go at once; the other 19 waited for that insert and went in the next.
    expect(writer.statements).toBe(2);
    for (const rows of requests) for (const r of rows) expect(await rowsOfCase(r.caseIds[0])).toBe(1);
  });

  it('a request alone is appended at once, and one with no rows costs nothing', async () => {
    const writer = new AccessLogWriter(orm.em);
    const caseId = randomUUID();
    await writer.append([]);
    await writer.append([row([caseId], 1)]);
    expect(writer.statements).toBe(1);
    expect(await rowsOfCase(caseId)).toBe(1);
  });

  it('when a shared insert fails, only the request at fault is refused, and the others are written once', async () => {
    const writer = new AccessLogWriter(orm.em);
    const good = Array.from({ length: 5 }, () => randomUUID());
    const first = writer.append([row([randomUUID()], 0)]);
    // These wait for the first insert and go together; one of them cannot be written.
    const waiting = [...good.map((id, i) => writer.append([row([id], i)])), writer.append([row(['not-a-case'], 9)])];
    const settled = await Promise.allSettled([first, ...waiting]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    for (const id of good) expect(await rowsOfCase(id)).toBe(1);
  });
});

