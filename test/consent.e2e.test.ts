import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorRole, Agency, type Actor } from '@sig/platform/access';
import { expectNoErrors, daysFromToday, GUARDIAN_PERSONAL_NUMBER as GUARDIAN, personalNumberAged, today } from './support/cases';
import { freePort, startTestPlatform, type GraphQLBody, type TestPlatform } from './support/platform';
import { LogExtractDocument, WithdrawConsentDocument } from './generated/operations';

/**
 * The access model (docs/access-model.md), through the real gateway over HTTP: for each actor agency
 * × source agency × consent state × membership, the datum is served or denied with the right reason.
 */

const AGENCIES = [Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.SCHOOL, Agency.LEISURE] as const;
type SubgraphAgency = (typeof AGENCIES)[number];
const CONSENT_STATES = ['NONE', 'PENDING', 'ACTIVE', 'EXPIRED', 'WITHDRAWN', 'PARTIALLY_WITHDRAWN'] as const;
type ConsentCase = (typeof CONSENT_STATES)[number];
const MEMBERSHIPS = ['member', 'removed', 'never'] as const;
type Membership = (typeof MEMBERSHIPS)[number];

/** Per source agency: a category the consent covers (C1) and one it does not (C2), with their paths in MATRIX. */
const CATEGORIES: Record<SubgraphAgency, { covered: [string, string]; notCovered: [string, string] }> = {
  SOCIAL_SERVICES: { covered: ['IDENTITY', 'case.youngPerson'], notCovered: ['MEETINGS', 'case.meetings'] },
  POLICE: { covered: ['INCIDENTS', 'case.police.incidents'], notCovered: ['CONTACTS', 'case.police.contacts'] },
  SCHOOL: { covered: ['ATTENDANCE', 'case.school.attendance'], notCovered: ['SUPPORT', 'case.school.supportMeasures'] },
  LEISURE: { covered: ['ACTIVITIES', 'case.leisure.activities'], notCovered: ['CONTACTS', 'case.leisure.contacts'] },
};

const MATRIX = `query Matrix($id: ID!) {
  case(id: $id) {
    id
    youngPerson { givenName }
    meetings { id }
    police { incidents { id } contacts { id } }
    school { attendance { id } supportMeasures { id } }
    leisure { activities { id } contacts { id } }
  }
}`;

/** The rule, restated for the table: what a member of `actorAgency` gets for one datum. */
function expected(actorAgency: SubgraphAgency, source: SubgraphAgency, state: ConsentCase, membership: Membership, covered: boolean): string {
  if (membership !== 'member') return 'NOT_A_MEMBER';
  if (actorAgency === source) return 'SERVED';
  switch (state) {
    case 'NONE':
      return 'NO_CONSENT';
    case 'PENDING':
      return 'CONSENT_PENDING';
    case 'EXPIRED':
      return 'CONSENT_EXPIRED';
    case 'WITHDRAWN':
      return 'CONSENT_WITHDRAWN';
    case 'PARTIALLY_WITHDRAWN':
      if (source === Agency.POLICE) return 'CONSENT_WITHDRAWN';
      return covered ? 'SERVED' : 'CATEGORY_NOT_COVERED';
    case 'ACTIVE':
      return covered ? 'SERVED' : 'CATEGORY_NOT_COVERED';
  }
}

const actorFor = (agency: SubgraphAgency, membership: Membership): Actor => ({
  id: `matrix-${agency.toLowerCase()}-${membership}`,
  name: `Matrix ${agency} ${membership}`,
  agency,
  unit: `${agency} test unit`,
  // Another district than the cases', so no district role can stand in for membership.
  district: 'skarholmen',
  roles: [ActorRole.CASE_WORKER],
});

let platform: TestPlatform;
const cases = {} as Record<ConsentCase, string>;

async function ok<T = any>(actor: Actor | 'social-worker', query: string, variables: Record<string, unknown>): Promise<T> {
  return expectNoErrors<T>(await platform.query(actor, query, variables));
}

/** One case in the given consent state, with a member, a removed member and data in every category of every agency. */
async function createMatrixCase(state: ConsentCase): Promise<string> {
  const youngName = `Matris ${state}`;
  const { proposeCase } = await ok('social-worker', `mutation($input: ProposeCaseInput!) { proposeCase(input: $input) { id } }`, {
    input: { personalNumber: personalNumberAged(16), givenName: 'Matris', familyName: state, district: 'spanga-tensta', targetGroup: 'SIG_UNGA', referralSource: 'SOCIAL_SERVICES', reason: 'access-model test' },
  });
  const id = proposeCase.id as string;
  await ok('social-worker', `mutation($id: ID!) { startAssessment(caseId: $id) { id } }`, { id });
  for (const agency of AGENCIES) {
    for (const membership of ['member', 'removed'] as const) {
      const actor = actorFor(agency, membership);
      const { addGroupMember } = await ok('social-worker', `mutation($id: ID!, $input: GroupMemberInput!) { addGroupMember(caseId: $id, input: $input) { id } }`, {
        id,
        input: { agency, personId: actor.id, personName: actor.name, role: 'MEMBER', fromDate: daysFromToday(-30), reason: 'E2E test member' },
      });
      // Each member records its agency's data while still a member.
      await recordAgencyData(agency, actorFor(agency, 'member'), id, membership === 'member');
      if (membership === 'removed') {
        await ok('social-worker', `mutation($id: ID!, $m: ID!) { removeGroupMember(caseId: $id, memberId: $m, untilDate: "${today()}", reason: "E2E test removal") { id } }`, { id, m: addGroupMember.id });
      }
    }
  }
  if (state === 'NONE') return id;
  // An expired consent: signed today (never before it is recorded), valid for a period already over.
  const signed = today();
  const guardianTwo = personalNumberAged(44);
  await ok('social-worker', `mutation($id: ID!, $input: ConsentInput!) { recordConsent(caseId: $id, input: $input) { id } }`, {
    id,
    input: {
      validFrom: state === 'EXPIRED' ? daysFromToday(-30) : signed,
      validUntil: state === 'EXPIRED' ? daysFromToday(-1) : daysFromToday(365),
      formReference: `MATRIX-${state}`,
      signatories: [
        { party: 'YOUNG_PERSON', name: youngName, signedOn: signed },
        { party: 'GUARDIAN', name: 'Vårdnadshavare Ett', personalNumber: personalNumberAged(45), signedOn: signed },
        { party: 'GUARDIAN', name: 'Vårdnadshavare Två', personalNumber: guardianTwo, signedOn: state === 'PENDING' ? null : signed },
      ],
      provisions: AGENCIES.map((source) => ({ source, categories: [CATEGORIES[source].covered[0]] })),
    },
  });
  // Consent shares only while the group runs: the case is activated while its consent is in force
  // (a withdrawal afterwards pauses it). Cases whose consent never came into force cannot start.
  if (state === 'ACTIVE' || state === 'WITHDRAWN' || state === 'PARTIALLY_WITHDRAWN') {
    await ok('social-worker', `mutation($id: ID!) { activateCase(caseId: $id, grounds: "Matrisfall: samtycke i kraft") { id } }`, { id });
  }
  if (state === 'WITHDRAWN') await ok('social-worker', `mutation($id: ID!) { withdrawConsent(caseId: $id, personalNumber: "${guardianTwo}") { id } }`, { id });
  if (state === 'PARTIALLY_WITHDRAWN') await ok('social-worker', `mutation($id: ID!) { withdrawConsent(caseId: $id, personalNumber: "${guardianTwo}", sources: [POLICE]) { id } }`, { id });
  return id;
}

async function recordAgencyData(agency: SubgraphAgency, member: Actor, id: string, first: boolean) {
  if (!first) return;
  const at = '2026-01-05T10:00:00Z';
  const mutations: Record<SubgraphAgency, string[]> = {
    SOCIAL_SERVICES: [`mutation($id: ID!) { scheduleMeeting(caseId: $id, plannedFor: "${at}") { id } }`],
    POLICE: [
      `mutation($id: ID!) { recordPoliceIncident(caseId: $id, input: { kind: VICTIM, occurredAt: "${at}", description: "Rån" }) { id } }`,
      `mutation($id: ID!) { recordPoliceContact(caseId: $id, input: { kind: CONVERSATION, occurredAt: "${at}", note: "Samtal" }) { id } }`,
    ],
    SCHOOL: [
      `mutation($id: ID!) { recordAttendance(caseId: $id, input: { periodStart: "2026-01-01", periodEnd: "2026-01-31", attendancePercent: 70, unexcusedAbsencePercent: 10 }) { id } }`,
      `mutation($id: ID!) { recordSupportMeasure(caseId: $id, input: { kind: SPECIAL_SUPPORT, description: "Åtgärdsprogram", fromDate: "2026-01-01" }) { id } }`,
    ],
    LEISURE: [
      `mutation($id: ID!) { recordLeisureActivity(caseId: $id, input: { activity: "Fotboll", venue: "Tensta IF", fromDate: "2026-01-01" }) { id } }`,
      `mutation($id: ID!) { recordLeisureContact(caseId: $id, input: { kind: FIELD_ASSISTANT, occurredAt: "${at}", note: "Träffad i centrum" }) { id } }`,
    ],
  };
  // Social services' own data is written by the coordinator; the others by their member.
  for (const m of mutations[agency]) await ok(agency === Agency.SOCIAL_SERVICES ? 'social-worker' : member, m, { id });
}

async function accessLogRows(agency: SubgraphAgency, where: string, params: unknown[]): Promise<any[]> {
  const client = new pg.Client({ connectionString: platform.databases.subgraphs[agency] });
  await client.connect();
  try {
    // Per case: a row of many cases (a list) counts for each of them.
    const perCase = `SELECT l.id, l.at, l.actor_id, l.actor_name, l.actor_agency, l.actor_unit, c.case_id, l.source_agency, l.categories, l.operation_name, l.decision, l.reason, l.legal_basis
      FROM access_log l CROSS JOIN LATERAL unnest(COALESCE(l.case_ids, ARRAY[l.case_id])) AS c(case_id)`;
    return (await client.query(`SELECT * FROM (${perCase}) AS log WHERE ${where}`, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  platform = await startTestPlatform();
  for (const state of CONSENT_STATES) cases[state] = await createMatrixCase(state);
});

afterAll(async () => {
  await platform?.stop();
});

const at = (body: GraphQLBody<any>, path: string) => path.split('.').reduce((o: any, k) => o?.[k], body.data);

describe('the access matrix: actor agency × source agency × consent state × membership', () => {
  const rows = AGENCIES.flatMap((actorAgency) => CONSENT_STATES.flatMap((state) => MEMBERSHIPS.map((membership) => [actorAgency, state, membership] as const)));

  it.each(rows)('%s actor, consent %s, %s', async (actorAgency, state, membership) => {
    const res = await platform.query(actorFor(actorAgency, membership), MATRIX, { id: cases[state] });
    expect(res.status).toBe(200);
    const errorAt = new Map(res.body.errors?.map((e) => [e.path?.join('.'), e.extensions]) ?? []);
    if (membership !== 'member') {
      // Not a current member: the case itself is withheld, every datum with it.
      expect(res.body.data?.case).toBeNull();
      expect(errorAt.get('case')).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER', caseId: cases[state] });
      expect(res.body.errors).toHaveLength(1);
      for (const source of AGENCIES) for (const covered of [true, false]) expect(expected(actorAgency, source, state, membership, covered)).toBe('NOT_A_MEMBER');
      return;
    }
    for (const source of AGENCIES) {
      for (const covered of [true, false]) {
        const [category, path] = covered ? CATEGORIES[source].covered : CATEGORIES[source].notCovered;
        const outcome = expected(actorAgency, source, state, membership, covered);
        if (outcome === 'SERVED') {
          expect(errorAt.has(path), `${path} should be served`).toBe(false);
          expect(at(res.body, path), `${path} should hold data`).not.toBeNull();
        } else {
          expect(at(res.body, path), `${path} should be null`).toBeNull();
          expect(errorAt.get(path), `${path} should be denied with ${outcome}`).toMatchObject({ code: 'FORBIDDEN', reason: outcome, caseId: cases[state], source, category });
        }
      }
    }
  });

  it('logged one access-log row per decision, in the database of the agency whose data it was', async () => {
    const caseIds = Object.values(cases);
    for (const source of AGENCIES) {
      const logged = await accessLogRows(source, `operation_name = 'Matrix' AND case_id = ANY($1)`, [caseIds]);
      // The decisions the matrix made on this source's data, grouped as the log groups them.
      const expectedRows = new Set<string>();
      for (const [actorAgency, state, membership] of rows) {
        const actor = actorFor(actorAgency, membership);
        if (membership !== 'member') {
          if (source === Agency.SOCIAL_SERVICES) expectedRows.add(`${actor.id}|${cases[state]}|DENY|NOT_A_MEMBER|CASE`);
          continue;
        }
        const groups = new Map<string, string[]>();
        for (const covered of [true, false]) {
          const outcome = expected(actorAgency, source, state, membership, covered);
          const key = outcome === 'SERVED' ? `PERMIT|${actorAgency === source ? 'OWN_AGENCY_MEMBER' : 'CONSENT'}` : `DENY|${outcome}`;
          groups.set(key, [...(groups.get(key) ?? []), (covered ? CATEGORIES[source].covered : CATEGORIES[source].notCovered)[0]]);
        }
        // The entry point, `case(id)`: that the case exists is shown to its group members (social services' CASE).
        if (source === Agency.SOCIAL_SERVICES) groups.set('PERMIT|GROUP_MEMBER', ['CASE']);
        for (const [key, categories] of groups) expectedRows.add(`${actor.id}|${cases[state]}|${key}|${categories.sort().join(',')}`);
      }
      const actual = logged.map((r) => `${r.actor_id}|${r.case_id}|${r.decision}|${r.reason}|${[...r.categories].sort().join(',')}`);
      expect(actual.length, `${source}: one row per decision`).toBe(expectedRows.size);
      expect(new Set(actual)).toEqual(expectedRows);
      for (const r of logged) {
        expect(r.legal_basis).toBe({ DENY: 'NONE', CONSENT: 'CONSENT', OWN_AGENCY_MEMBER: 'OWN_AGENCY', GROUP_MEMBER: 'GROUP_MEMBERSHIP' }[r.decision === 'DENY' ? 'DENY' : r.reason as string]);
        expect(r.actor_agency).toBe(r.actor_id.split('-')[1].toUpperCase());
      }
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the access log as the application role', async () => {
    for (const source of AGENCIES) {
      const client = new pg.Client({ connectionString: platform.databases.subgraphs[source] });
      await client.connect();
      try {
        const { rows: before } = await client.query('SELECT count(*)::int AS n FROM access_log');
        expect(before[0].n).toBeGreaterThan(0);
        // The application login holds no right to change the log at all (its triggers refuse the owner too).
        await expect(client.query(`UPDATE access_log SET reason = 'EDITED'`)).rejects.toThrow(/permission denied/);
        await expect(client.query('DELETE FROM access_log')).rejects.toThrow(/permission denied/);
        await expect(client.query('TRUNCATE access_log')).rejects.toThrow(/permission denied/);
        const { rows: after } = await client.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE reason = 'EDITED')::int AS edited FROM access_log`);
        expect(after[0]).toEqual({ n: before[0].n, edited: 0 });
      } finally {
        await client.end();
      }
    }
  });

  it('writes one row per decision on a list, holding every case, and gives it back per case in the log extract', async () => {
    const listed = await platform.query('social-worker', `query LogList { cases(limit: 500) { id status } }`);
    expect(listed.body.errors).toBeUndefined();
    const ids: string[] = listed.body.data.cases.map((c: { id: string }) => c.id);
    expect(ids.length).toBeGreaterThan(5);
    const client = new pg.Client({ connectionString: platform.databases.subgraphs[Agency.SOCIAL_SERVICES] });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT case_id, case_ids, categories, decision FROM access_log WHERE operation_name = 'LogList'`);
      // One decision (CASE permitted as a member) on every listed case: one row, not one per case.
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ case_id: null, categories: ['CASE'], decision: 'PERMIT' });
      expect([...rows[0].case_ids].sort()).toEqual([...ids].sort());
    } finally {
      await client.end();
    }
    // The extract of one listed case shows that read, as a row of that case.
    const extract = await platform.query('social-worker', `query($id: ID!) { case(id: $id) { accessLog { caseId operationName categories decision } } }`, { id: ids[0] });
    expect(extract.body.data.case.accessLog).toEqual(expect.arrayContaining([{ caseId: ids[0], operationName: 'LogList', categories: ['CASE'], decision: 'PERMIT' }]));
    expect(extract.body.data.case.accessLog.every((e: { caseId: string }) => e.caseId === ids[0])).toBe(true);
  });

  it('gives back rows written before lists shared a row (one case in case_id) in the extract too', async () => {
    const caseId = cases.ACTIVE;
    const client = new pg.Client({ connectionString: platform.databases.subgraphs[Agency.POLICE] });
    await client.connect();
    try {
      // A row in the form every row had until 2026-11-25 (the table is append-only: it stays).
      await client.query(
        `INSERT INTO access_log (actor_id, actor_name, actor_agency, actor_unit, case_id, source_agency, categories, operation_name, decision, reason, legal_basis)
         VALUES ('legacy-actor', 'Legacy Reader', 'POLICE', 'Old unit', $1, 'POLICE', '{INCIDENTS}', 'LegacyRow', 'PERMIT', 'OWN_AGENCY_MEMBER', 'OWN_AGENCY')`,
        [caseId],
      );
    } finally {
      await client.end();
    }
    const extract = await platform.query('social-worker', `query($id: ID!) { case(id: $id) { police { accessLog { caseId actorName operationName categories } } } }`, { id: caseId });
    expect(extract.body.errors).toBeUndefined();
    const entries = extract.body.data.case.police.accessLog as { caseId: string; actorName: string; operationName: string }[];
    expect(entries).toEqual(expect.arrayContaining([{ caseId, actorName: 'Legacy Reader', operationName: 'LegacyRow', categories: ['INCIDENTS'] }]));
    expect(entries.every((e) => e.caseId === caseId)).toBe(true);
  });

  it('fails closed: when the access log cannot be written, the data it would have logged are withheld', async () => {
    // The police database refuses log rows of one operation name only, so nothing else is disturbed
    // (a trigger: its owner's login, the application login may not add one).
    const client = new pg.Client({ connectionString: platform.databases.owners[Agency.POLICE] });
    await client.connect();
    const query = (name: string) => `query ${name}($id: ID!) { case(id: $id) { id police { incidents { id kind } } } }`;
    const member = actorFor(Agency.POLICE, 'member');
    try {
      await client.query(`CREATE FUNCTION test_refuse_log() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.operation_name = 'LogRefused' THEN RAISE EXCEPTION 'log store unavailable (test)'; END IF; RETURN NEW; END $$`);
      await client.query('CREATE TRIGGER test_refuse_log BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION test_refuse_log()');

      // Permitted, and logged: the member sees its own agency's incidents.
      const logged = await platform.query(member, query('LogWritten'), { id: cases.ACTIVE });
      expect(logged.body.errors).toBeUndefined();
      expect(logged.body.data.case.police.incidents.length).toBeGreaterThan(0);

      // The same request when its log rows cannot be written: no incident reaches the client.
      const refused = await platform.query(member, query('LogRefused'), { id: cases.ACTIVE });
      expect(refused.status).toBe(200);
      expect(refused.body.data?.case?.police ?? null).toBeNull();
      expect(JSON.stringify(refused.body.data)).not.toContain('"kind"');
      expect(refused.body.errors?.map((e) => e.extensions?.code)).toContain('ACCESS_LOG_UNAVAILABLE');
      expect((await accessLogRows(Agency.POLICE, `operation_name = 'LogRefused'`, [])).length).toBe(0);
    } finally {
      await client.query('DROP TRIGGER IF EXISTS test_refuse_log ON access_log');
      await client.query('DROP FUNCTION IF EXISTS test_refuse_log()');
      await client.end();
    }
  });
});

describe('withdrawal', () => {
  const PROBE = `query Probe($id: ID!) { case(id: $id) { school { attendance { id } } police { incidents { id } } } }`;

  async function sharedCase(): Promise<string> {
    const id = (await ok('social-worker', `mutation($input: ProposeCaseInput!) { proposeCase(input: $input) { id } }`, {
      input: { personalNumber: personalNumberAged(17), givenName: 'Delad', familyName: 'Information', district: 'spanga-tensta', targetGroup: 'SIG_UNGA', referralSource: 'SOCIAL_SERVICES', reason: 'withdrawal test' },
    })).proposeCase.id as string;
    await ok('social-worker', `mutation($id: ID!) { startAssessment(caseId: $id) { id } }`, { id });
    for (const agency of [Agency.POLICE, Agency.SCHOOL] as const) {
      const actor = actorFor(agency, 'member');
      await ok('social-worker', `mutation($id: ID!, $input: GroupMemberInput!) { addGroupMember(caseId: $id, input: $input) { id } }`, {
        id,
        input: { agency, personId: actor.id, personName: actor.name, role: 'MEMBER', fromDate: today(), reason: 'E2E test member' },
      });
      await recordAgencyData(agency, actor, id, true);
    }
    await ok('social-worker', `mutation($id: ID!, $input: ConsentInput!) { recordConsent(caseId: $id, input: $input) { id } }`, {
      id,
      input: {
        validFrom: today(),
        validUntil: daysFromToday(180),
        formReference: 'WITHDRAWAL',
        signatories: [
          { party: 'YOUNG_PERSON', name: 'Delad Information', signedOn: today() },
          { party: 'GUARDIAN', name: 'Förälder', personalNumber: GUARDIAN, signedOn: today() },
        ],
        provisions: [{ source: 'SCHOOL', categories: ['ATTENDANCE'] }],
      },
    });
    await ok('social-worker', `mutation($id: ID!) { activateCase(caseId: $id, grounds: "E2E test decision") { id } }`, { id });
    return id;
  }

  it('denies the very next request of a non-owner member with CONSENT_WITHDRAWN; the owner still sees its own data', async () => {
    const id = await sharedCase();
    const police = actorFor(Agency.POLICE, 'member');
    const before = await platform.query(police, PROBE, { id });
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.case.school.attendance).toHaveLength(1);

    const withdrawn = await platform.run('social-worker', WithdrawConsentDocument, { caseId: id, personalNumber: GUARDIAN });
    expect(withdrawn.body.data?.withdrawConsent).toEqual({ consentVersion: 1, status: 'WITHDRAWN', withdrawals: [{ withdrawnBy: 'Förälder', withdrawnOn: today(), sources: null }] });

    const after = await platform.query(police, PROBE, { id });
    expect(after.body.data.case.school.attendance).toBeNull();
    expect(after.body.errors).toEqual([expect.objectContaining({ path: ['case', 'school', 'attendance'], extensions: expect.objectContaining({ reason: 'CONSENT_WITHDRAWN' }) })]);
    expect(after.body.data.case.police.incidents).toHaveLength(1);
    const school = await platform.query(actorFor(Agency.SCHOOL, 'member'), PROBE, { id });
    expect(school.body.data.case.school.attendance).toHaveLength(1);

    // The case stays active but is paused: nothing is shared until a new consent is signed or it is closed.
    const status = await ok('social-worker', `query($id: ID!) { case(id: $id) { status sharing sharingPausedBecause } }`, { id });
    expect(status.case).toEqual({ status: 'ACTIVE', sharing: 'PAUSED', sharingPausedBecause: 'CONSENT_WITHDRAWN' });
  });

  it('reaches another gateway instance within one second', async () => {
    const id = await sharedCase();
    const police = actorFor(Agency.POLICE, 'member');
    const second = await platform.system.startGateway('gateway-2', await freePort());
    const viaSecond = async () => {
      const response = await fetch(second, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await platform.token(police)}` },
        body: JSON.stringify({ query: PROBE, variables: { id } }),
      });
      return (await response.json()) as GraphQLBody<any>;
    };
    // Warm the second instance's grants cache.
    for (let i = 0; i < 3; i++) expect((await viaSecond()).errors).toBeUndefined();

    await ok('social-worker', `mutation($id: ID!) { withdrawConsent(caseId: $id, personalNumber: "${GUARDIAN}") { id } }`, { id });
    const committed = performance.now();
    let delay = Number.POSITIVE_INFINITY;
    while (performance.now() - committed < 5000) {
      const body = await viaSecond();
      if (body.errors?.some((e) => e.extensions?.reason === 'CONSENT_WITHDRAWN')) {
        delay = performance.now() - committed;
        break;
      }
    }
    console.log(`withdrawal reached the second gateway instance after ${delay.toFixed(1)} ms`);
    expect(delay).toBeLessThan(1000);
  });
});

describe('the log extract for one young person', () => {
  it("gives the coordinator who saw which categories of the young person's data, in every agency, and no one else", async () => {
    const EXTRACT = `query Extract($pn: String!) {
      casesOfYoungPerson(personalNumber: $pn) {
        id
        accessLog { actorName actorAgency categories decision reason legalBasis at }
        police { accessLog { actorName actorAgency categories decision reason } }
        school { accessLog { actorName categories decision reason } }
        leisure { accessLog { actorName categories decision reason } }
      }
    }`;
    const pn = personalNumberAged(16);
    const id = (await ok('social-worker', `mutation($input: ProposeCaseInput!) { proposeCase(input: $input) { id } }`, {
      input: { personalNumber: pn, givenName: 'Utdrag', familyName: 'Testsson', district: 'spanga-tensta', targetGroup: 'SIG_UNGA', referralSource: 'SOCIAL_SERVICES', reason: 'extract' },
    })).proposeCase.id;
    const police = actorFor(Agency.POLICE, 'member');
    await ok('social-worker', `mutation($id: ID!, $input: GroupMemberInput!) { addGroupMember(caseId: $id, input: $input) { id } }`, {
      id,
      input: { agency: 'POLICE', personId: police.id, personName: police.name, role: 'MEMBER', fromDate: today(), reason: 'E2E test member' },
    });
    await platform.query(police, `query PoliceLooks($id: ID!) { case(id: $id) { police { incidents { id } } school { attendance { id } } } }`, { id });

    const extract = expectNoErrors(await platform.run('social-worker', LogExtractDocument, { personalNumber: pn }))!;
    const [c] = extract.casesOfYoungPerson;
    expect(c.id).toBe(id);
    expect(c.police?.accessLog).toEqual(expect.arrayContaining([expect.objectContaining({ actorName: police.name, actorAgency: 'POLICE', categories: ['INCIDENTS'], decision: 'PERMIT', reason: 'OWN_AGENCY_MEMBER' })]));
    expect(c.school?.accessLog).toEqual(expect.arrayContaining([expect.objectContaining({ actorName: police.name, categories: ['ATTENDANCE'], decision: 'DENY', reason: 'NO_CONSENT' })]));
    expect(c.accessLog?.some((r) => r.actorName === police.name && r.categories.includes('CASE'))).toBe(true);

    const denied = await platform.query(police, EXTRACT, { pn });
    expect(denied.body.data?.casesOfYoungPerson[0].police.accessLog).toBeNull();
    expect(denied.body.errors?.find((e) => e.path?.join('.') === 'casesOfYoungPerson.0.police.accessLog')?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
  });
});
