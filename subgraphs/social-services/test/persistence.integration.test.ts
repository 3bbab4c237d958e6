import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Agency } from '@sig/platform/access';
import { migrate, openOrm } from '@sig/platform/subgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabases } from '@sig/dev-kit/testkit';
import { socialServicesSubgraph } from '../src/index';
import { GroupRole as GroupRoleValue } from '../src/enums';
import { Case, Consent, GroupMember, YoungPerson } from '../src/model';

let orm: MikroORM;
let drop: () => Promise<void>;
const queries: string[] = [];

beforeAll(async () => {
  const created = await createTestDatabases();
  drop = created.drop;
  orm = await openOrm({
    clientUrl: created.databases.subgraphs[Agency.SOCIAL_SERVICES],
    entities: socialServicesSubgraph.entities,
    migrations: socialServicesSubgraph.migrations,
    onQuery: (sql) => queries.push(sql),
  });
});

afterAll(async () => {
  await orm?.close();
  await drop?.();
});

function newCase(em = orm.em.fork()) {
  const person = em.create(YoungPerson, { id: crypto.randomUUID(), personalNumber: `2010${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, givenName: 'A', familyName: 'B', dateOfBirth: '2010-01-01', district: 'bromma' });
  const c = em.create(Case, {
    id: crypto.randomUUID(),
    youngPersonId: person.id,
    district: 'bromma',
    status: 'PROPOSED',
    targetGroup: 'SIG_UNGA',
    proposalReason: 'r',
    proposedByAgency: Agency.POLICE,
    proposedByName: 'P',
    proposedOn: '2026-01-01',
  } as any);
  return { em, person, c };
}

describe('social-services persistence on real PostgreSQL', () => {
  it('has applied every migration, and a second run applies none', async () => {
    expect(await orm.migrator.getPending()).toEqual([]);
    expect(await migrate(orm)).toEqual([]);
    const executed = await orm.migrator.getExecuted();
    expect(executed.map((m) => m.name)).toEqual(socialServicesSubgraph.migrations.map((m) => m.name));
  });

  it('stores and reads back a case with its version starting at 1', async () => {
    const { em, c } = newCase();
    await em.flush();
    const read = await orm.em.fork().findOneOrFail(Case, { id: c.id });
    expect(read).toMatchObject({ status: 'PROPOSED', district: 'bromma', proposedOn: '2026-01-01', version: 1 });
  });

  it('refuses a stale write (optimistic locking): no update is lost', async () => {
    const { em, c } = newCase();
    await em.flush();
    const first = orm.em.fork();
    const second = orm.em.fork();
    const a = await first.findOneOrFail(Case, { id: c.id });
    const b = await second.findOneOrFail(Case, { id: c.id });
    a.status = 'ASSESSMENT' as any;
    await first.flush();
    b.status = 'CLOSED' as any;
    await expect(second.flush()).rejects.toBeInstanceOf(OptimisticLockError);
    const stored = await orm.em.fork().findOneOrFail(Case, { id: c.id });
    expect(stored).toMatchObject({ status: 'ASSESSMENT', version: 2 });
  });

  it('keeps one open-ended membership per person and case (the backstop of the one-membership rule)', async () => {
    const { em, c } = newCase();
    const membership = { caseId: c.id, agency: Agency.POLICE, personId: 'p-1', personName: 'P', role: GroupRoleValue.MEMBER, fromDate: '2026-01-01' };
    em.create(GroupMember, { id: crypto.randomUUID(), ...membership });
    await em.flush();
    const again = orm.em.fork();
    again.create(GroupMember, { id: crypto.randomUUID(), ...membership, role: GroupRoleValue.COORDINATOR });
    await expect(again.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    // An ended membership does not count: the person may be added again after it.
    const ended = orm.em.fork();
    ended.create(GroupMember, { id: crypto.randomUUID(), ...membership, fromDate: '2025-01-01', untilDate: '2025-06-01' });
    await ended.flush();
  });

  it('records the young person per case: the same personal number may stand in two cases', async () => {
    const first = newCase();
    await first.em.flush();
    const again = orm.em.fork();
    again.create(YoungPerson, { ...first.person, id: crypto.randomUUID() });
    await again.flush();
  });

  it('keeps consent versions unique per case', async () => {
    const { em, c } = newCase();
    const consent = { caseId: c.id, consentVersion: 1, validFrom: '2026-01-01', validUntil: '2026-12-31', formReference: 'F', signatories: [], provisions: [], withdrawals: [], recordedAt: new Date(), recordedBy: 'x' };
    em.create(Consent, { id: crypto.randomUUID(), ...consent });
    await em.flush();
    const again = orm.em.fork();
    again.create(Consent, { id: crypto.randomUUID(), ...consent });
    await expect(again.flush()).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });

  it('rejects a status the schema does not know at the database level', async () => {
    const { em, c } = newCase();
    await em.flush();
    await expect(orm.em.getConnection().execute(`UPDATE sig_case SET status = 'PAUSED' WHERE id = '${c.id}'`)).rejects.toThrow(/check constraint/);
  });
});
