import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency, type SubgraphAgency } from '@sig/platform/access';
import { PERSONAS } from '@sig/platform/dev';
import { createActiveCase, daysFromToday, expectNoErrors, GUARDIAN_PERSONAL_NUMBER, personalNumberAged, today } from './support/cases';
import { startTestPlatform, type TestPlatform } from './support/platform';

/**
 * Secrecy on the write paths (issue 14): proposals answer alike whether or not the young person has
 * a case elsewhere; a mutation's payload is decided as the same data in a query; a write and its
 * access-log rows commit together; nobody changes their own membership.
 */

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ seed: true });
});

afterAll(async () => {
  await platform?.stop();
});

const count = async (agency: SubgraphAgency, sql: string, params: unknown[] = []) => Number((await platform.sql(agency, sql, params, { as: 'admin' }))[0].n);

const PROPOSE = `mutation Propose($input: ProposeCaseInput!) { proposeCase(input: $input) { id } }`;
const READ_BACK = `query ReadBack($id: ID!) { case(id: $id) { id status district youngPerson { givenName familyName district } } }`;
const proposal = (personalNumber: string, givenName: string, district = 'spanga-tensta') => ({
  input: { personalNumber, givenName, familyName: 'Förslag', district, targetGroup: 'SIG_UNGA', referralSource: 'SOCIAL_SERVICES', reason: 'Oro för rekrytering' },
});

describe('a proposal does not reveal whether the young person has a case elsewhere', () => {
  it('answers the same for a known and an unknown personal number, and routes the duplicate to the open case', async () => {
    const known = personalNumberAged(16);
    const openCase = expectNoErrors<any>(await platform.query('social-worker', PROPOSE, proposal(known, 'Riktig'))).proposeCase.id as string;

    for (const proposer of ['police-officer', 'social-worker-skarholmen'] as const) {
      const district = proposer === 'police-officer' ? 'spanga-tensta' : 'skarholmen';
      // Propose, then read the new case back: the whole exchange, errors included, is the same.
      const exchange = async (personalNumber: string) => {
        const proposed = await platform.query(proposer, PROPOSE, proposal(personalNumber, 'Påhittad', district));
        const id = proposed.body.data?.proposeCase?.id as string;
        const read = await platform.query(proposer, READ_BACK, { id });
        const anonymous = (text: string) => text.replaceAll(id, '<id>');
        return { id, status: [proposed.status, read.status], text: anonymous(JSON.stringify([proposed.body, read.body])), read: read.body };
      };
      const duplicate = await exchange(known);
      const fresh = await exchange(personalNumberAged(16));
      expect(duplicate.id).toBeTruthy();
      expect(duplicate.status).toEqual(fresh.status);
      expect(duplicate.text).toBe(fresh.text);
      if (proposer === 'social-worker-skarholmen') {
        // Read back exactly as proposed: not the name or district recorded in the other case.
        expect(duplicate.read.data.case.youngPerson).toEqual({ givenName: 'Påhittad', familyName: 'Förslag', district: 'skarholmen' });
      }
    }

    // The open case's social services see the routed proposals, with who proposed them.
    const routed = expectNoErrors<any>(
      await platform.query('social-worker', `query($id: ID!) { case(id: $id) { duplicateProposals { id proposalCaseId proposedByAgency proposedByName district resolvedAt } } }`, { id: openCase }),
    ).case.duplicateProposals as { id: string; proposalCaseId: string; proposedByAgency: string; proposedByName: string; district: string }[];
    expect(routed.map((r) => [r.proposedByAgency, r.proposedByName, r.district]).sort()).toEqual([
      ['POLICE', PERSONAS['police-officer'].name, 'spanga-tensta'],
      ['SOCIAL_SERVICES', PERSONAS['social-worker-skarholmen'].name, 'skarholmen'],
    ]);

    // Social services of the open case decide: the Skärholmen proposal is closed as a duplicate,
    // which its proposer (its coordinator) then sees on its own case.
    const fromSkarholmen = routed.find((r) => r.district === 'skarholmen')!;
    const closed = expectNoErrors<any>(
      await platform.query('social-worker', `mutation($id: ID!, $d: ID!) { closeDuplicateProposal(caseId: $id, duplicateProposalId: $d) { resolvedAt resolvedBy } }`, { id: openCase, d: fromSkarholmen.id }),
    );
    expect(closed.closeDuplicateProposal.resolvedBy).toBe(PERSONAS['social-worker'].name);
    const seen = expectNoErrors<any>(await platform.query('social-worker-skarholmen', `query($id: ID!) { case(id: $id) { status closureReason } }`, { id: fromSkarholmen.proposalCaseId }));
    expect(seen.case).toEqual({ status: 'CLOSED', closureReason: 'DUPLICATE_PROPOSAL' });

    // Only the open case's readers see the routing: the Skärholmen worker may not see the open case.
    const outsider = await platform.query('social-worker-skarholmen', `query($id: ID!) { case(id: $id) { duplicateProposals { id } } }`, { id: openCase });
    expect(outsider.body.data?.case ?? null).toBeNull();
    expect(outsider.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
  });

  it('logs every proposal as a lookup by personal number, in the same transaction as the proposal', async () => {
    const before = await count(Agency.SOCIAL_SERVICES, `select count(*) as n from personal_number_lookup where purpose = 'proposeCase'`);
    expectNoErrors(await platform.query('police-officer', PROPOSE, proposal(personalNumberAged(15), 'Loggad')));
    expect(await count(Agency.SOCIAL_SERVICES, `select count(*) as n from personal_number_lookup where purpose = 'proposeCase'`)).toBe(before + 1);
  });

  it('refuses text with a NUL byte as BAD_USER_INPUT before any lookup, and stores nothing', async () => {
    const casesBefore = await count(Agency.SOCIAL_SERVICES, 'select count(*) as n from sig_case');
    const lookupsBefore = await count(Agency.SOCIAL_SERVICES, 'select count(*) as n from personal_number_lookup');
    const res = await platform.query('police-officer', PROPOSE, proposal(personalNumberAged(16), 'Nul\u0000l'));
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.givenName' });
    expect(await count(Agency.SOCIAL_SERVICES, 'select count(*) as n from sig_case')).toBe(casesBefore);
    expect(await count(Agency.SOCIAL_SERVICES, 'select count(*) as n from personal_number_lookup')).toBe(lookupsBefore);
  });
});

const PLAN = `mutation($id: ID!, $input: ActionPlanInput!) { saveActionPlan(caseId: $id, input: $input) { id } }`;
const ACTIONS = `query($id: ID!) { case(id: $id) { actionPlan { goals { actions { id responsibleAgency status version } } } } }`;
const UPDATE = `mutation UpdateAction($id: ID!, $a: ID!, $v: Int!, $note: String) {
  updateActionStatus(caseId: $id, actionId: $a, status: IN_PROGRESS, expectedVersion: $v, note: $note) { id description status version followUps { note } }
}`;

describe("a mutation's payload is decided as the same data in a query", () => {
  let caseId: string;
  let policeAction: { id: string; version: number };

  beforeAll(async () => {
    caseId = await createActiveCase(platform, ['police-officer', 'school-counsellor'], [{ source: 'SOCIAL_SERVICES', categories: ['GROUP', 'CASE', 'ACTION_PLAN'] }]);
    expectNoErrors(
      await platform.query('social-worker', PLAN, {
        id: caseId,
        input: {
          template: 'INDIVIDUAL_PLAN',
          goals: [{ description: 'Skolnärvaro', subGoals: [], actions: [{ description: 'Polisens samtal med familjen', responsibleAgency: 'POLICE', responsiblePerson: 'Erik', dueDate: daysFromToday(30) }] }],
        },
      }),
    );
    const actions = expectNoErrors<any>(await platform.query('police-officer', ACTIONS, { id: caseId })).case.actionPlan.goals[0].actions;
    policeAction = actions[0];
  });

  it('lets the responsible agency change its action under consent, and refuses (and logs) any other agency', async () => {
    const updated = expectNoErrors<any>(await platform.query('police-officer', UPDATE, { id: caseId, a: policeAction.id, v: policeAction.version, note: 'Samtal bokat' }));
    expect(updated.updateActionStatus).toMatchObject({ status: 'IN_PROGRESS', description: 'Polisens samtal med familjen' });
    policeAction = { id: policeAction.id, version: updated.updateActionStatus.version };

    const school = await platform.query('school-counsellor', UPDATE, { id: caseId, a: policeAction.id, v: policeAction.version });
    expect(school.body.data?.updateActionStatus ?? null).toBeNull();
    expect(school.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_AGENCY', caseId, category: 'ACTION_PLAN' });
    const log = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { accessLog { actorName decision reason categories } } }`, { id: caseId }));
    expect(log.case.accessLog).toEqual(
      expect.arrayContaining([{ actorName: PERSONAS['school-counsellor'].name, decision: 'DENY', reason: 'NOT_OWN_AGENCY', categories: ['ACTION_PLAN'] }]),
    );
  });

  it('after a full withdrawal gives the police neither the action, its notes nor its version, and logs the refusal', async () => {
    expectNoErrors(await platform.query('social-worker', `mutation($id: ID!) { withdrawConsent(caseId: $id, personalNumber: "${GUARDIAN_PERSONAL_NUMBER}") { id } }`, { id: caseId }));
    // The coordinator may still follow up: a note written after the withdrawal.
    const afterwards = expectNoErrors<any>(await platform.query('social-worker', UPDATE, { id: caseId, a: policeAction.id, v: policeAction.version, note: 'Skrivet efter återkallelsen' }));
    const version = afterwards.updateActionStatus.version as number;

    for (const v of [version, version - 1]) {
      const res = await platform.query('police-officer', UPDATE, { id: caseId, a: policeAction.id, v, note: 'försök' });
      expect(res.body.data?.updateActionStatus ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_WITHDRAWN', category: 'ACTION_PLAN' });
      expect(res.body.errors?.[0].extensions?.currentVersion).toBeUndefined();
      const text = JSON.stringify(res.body);
      for (const secret of ['Skrivet efter', 'Samtal bokat', 'Polisens samtal']) expect(text).not.toContain(secret);
    }
    // Nothing was written, and the refusals are in the log.
    const notes = await count(Agency.SOCIAL_SERVICES, `select count(*) as n from action_follow_up where action_id = $1 and note = 'försök'`, [policeAction.id]);
    expect(notes).toBe(0);
    const denials = await count(
      Agency.SOCIAL_SERVICES,
      `select count(*) as n from access_log where $1 = any(case_ids) and actor_id = $2 and decision = 'DENY' and reason = 'CONSENT_WITHDRAWN' and 'ACTION_PLAN' = any(categories)`,
      [caseId, PERSONAS['police-officer'].id],
    );
    expect(denials).toBeGreaterThanOrEqual(2);
  });
});

describe('a write and its access-log rows commit together or not at all', () => {
  it('stores nothing when the log rows of the write cannot be written, and both when they can', async () => {
    const caseId = await createActiveCase(platform, []);
    const meetings = () => count(Agency.SOCIAL_SERVICES, 'select count(*) as n from meeting where case_id = $1', [caseId]);
    const schedule = (name: string) => `mutation ${name}($id: ID!, $at: DateTimeISO!) { scheduleMeeting(caseId: $id, plannedFor: $at) { id } }`;
    const at = `${daysFromToday(7)}T09:00:00.000Z`;
    const admin = (text: string) => platform.sql(Agency.SOCIAL_SERVICES, text, [], { as: 'admin' });
    await admin(`CREATE FUNCTION test_refuse_write_log() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.operation_name = 'WriteLogRefused' THEN RAISE EXCEPTION 'log store unavailable (test)'; END IF; RETURN NEW; END $$`);
    await admin('CREATE TRIGGER test_refuse_write_log BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION test_refuse_write_log()');
    try {
      const before = await meetings();
      const refused = await platform.query('social-worker', schedule('WriteLogRefused'), { id: caseId, at });
      expect(refused.body.data?.scheduleMeeting ?? null).toBeNull();
      expect(refused.body.errors?.length).toBeGreaterThan(0);
      expect(await meetings()).toBe(before);

      const written = expectNoErrors<any>(await platform.query('social-worker', schedule('WriteLogWritten'), { id: caseId, at }));
      expect(written.scheduleMeeting.id).toBeTruthy();
      expect(await meetings()).toBe(before + 1);
      const rows = await count(Agency.SOCIAL_SERVICES, `select count(*) as n from access_log where operation_name = 'WriteLogWritten' and $1 = any(case_ids)`, [caseId]);
      expect(rows).toBeGreaterThan(0);
    } finally {
      await admin('DROP TRIGGER test_refuse_write_log ON access_log');
      await admin('DROP FUNCTION test_refuse_write_log()');
    }
  });

  it('refuses an operation name longer than the log can hold, before anything is written', async () => {
    const caseId = await createActiveCase(platform, []);
    const before = await count(Agency.SOCIAL_SERVICES, 'select count(*) as n from meeting where case_id = $1', [caseId]);
    const name = `Op${'x'.repeat(250)}`;
    const res = await platform.query('social-worker', `mutation ${name}($id: ID!) { scheduleMeeting(caseId: $id, plannedFor: "${daysFromToday(3)}T09:00:00.000Z") { id } }`, { id: caseId });
    expect(res.body.data?.scheduleMeeting ?? null).toBeNull();
    expect(res.body.errors?.length).toBeGreaterThan(0);
    expect(await count(Agency.SOCIAL_SERVICES, 'select count(*) as n from meeting where case_id = $1', [caseId])).toBe(before);
  });
});

const MEMBERS = `query($id: ID!) { case(id: $id) { members { id personId personName role untilDate addedByName addedReason endedByName endedReason } } }`;
const ADD = `mutation($id: ID!, $input: GroupMemberInput!) { addGroupMember(caseId: $id, input: $input) { id } }`;
const member = (persona: keyof typeof PERSONAS, role = 'MEMBER', fromDate = today()) => ({
  agency: PERSONAS[persona].agency,
  personId: PERSONAS[persona].id,
  personName: PERSONAS[persona].name,
  role,
  fromDate,
  reason: 'Beslut i SIG-gruppen',
});

describe('nobody grants themselves access', () => {
  it('refuses, and logs, anyone adding or removing their own membership', async () => {
    const caseId = await createActiveCase(platform, ['police-officer']);
    const self = await platform.query('social-worker', ADD, { id: caseId, input: { ...member('social-worker', 'COORDINATOR'), fromDate: daysFromToday(1) } });
    expect(self.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_MEMBERSHIP' });

    const members = expectNoErrors<any>(await platform.query('social-worker', MEMBERS, { id: caseId })).case.members as { id: string; personId: string }[];
    const own = members.find((m) => m.personId === PERSONAS['social-worker'].id)!;
    const leave = await platform.query('social-worker', `mutation($id: ID!, $m: ID!) { removeGroupMember(caseId: $id, memberId: $m, untilDate: "${today()}", reason: "x") { id } }`, { id: caseId, m: own.id });
    expect(leave.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_MEMBERSHIP' });
    expect(await count(Agency.SOCIAL_SERVICES, 'select count(*) as n from group_member where case_id = $1 and person_id = $2', [caseId, PERSONAS['social-worker'].id])).toBe(1);

    const log = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { accessLog { actorName decision reason categories } } }`, { id: caseId }));
    expect(log.case.accessLog).toEqual(expect.arrayContaining([{ actorName: PERSONAS['social-worker'].name, decision: 'DENY', reason: 'OWN_MEMBERSHIP', categories: ['GROUP'] }]));
  });

  it("does not let the district supervisor make herself coordinator and so reach other agencies' data", async () => {
    const caseId = await createActiveCase(platform, ['police-officer'], [{ source: 'POLICE', categories: ['INCIDENTS'] }]);
    const police = `query($id: ID!) { case(id: $id) { police { incidents { id } } } }`;
    const before = await platform.query('district-supervisor', police, { id: caseId });
    expect(before.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });

    const res = await platform.query('district-supervisor', ADD, { id: caseId, input: member('district-supervisor', 'COORDINATOR') });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_MEMBERSHIP' });
    const after = await platform.query('district-supervisor', police, { id: caseId });
    expect(after.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
  });

  it('keeps one membership per person and case, records who decided and why, and ends every membership of a removed person', async () => {
    const caseId = await createActiveCase(platform, ['police-officer']);
    for (const fromDate of [today(), daysFromToday(30)]) {
      const twice = await platform.query('social-worker', ADD, { id: caseId, input: member('police-officer', 'MEMBER', fromDate) });
      expect(twice.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.personId' });
    }
    // A second row as data recorded before the rule might hold it (far end date).
    await platform.sql(
      Agency.SOCIAL_SERVICES,
      `insert into group_member (id, case_id, agency, person_id, person_name, role, from_date, until_date) values (gen_random_uuid(), $1, 'POLICE', $2, 'Erik Johansson', 'LOTS', $3, '2099-12-31')`, [
        caseId,
        PERSONAS['police-officer'].id,
        today(),
      ],
      { as: 'admin' },
    );
    const members = expectNoErrors<any>(await platform.query('social-worker', MEMBERS, { id: caseId })).case.members as any[];
    const added = members.find((m) => m.personId === PERSONAS['police-officer'].id && m.role === 'MEMBER');
    expect(added).toMatchObject({ addedByName: PERSONAS['social-worker'].name, addedReason: 'E2E test member' });

    expectNoErrors(
      await platform.query('social-worker', `mutation($id: ID!, $m: ID!) { removeGroupMember(caseId: $id, memberId: $m, untilDate: "${today()}", reason: "Byter handläggare") { id } }`, { id: caseId, m: added.id }),
    );
    const ended = (expectNoErrors<any>(await platform.query('social-worker', MEMBERS, { id: caseId })).case.members as any[]).filter((m) => m.personId === PERSONAS['police-officer'].id);
    expect(ended).toHaveLength(2);
    for (const m of ended) expect(m).toMatchObject({ untilDate: today(), endedByName: PERSONAS['social-worker'].name, endedReason: 'Byter handläggare' });
    const gone = await platform.query('police-officer', `query($id: ID!) { case(id: $id) { id status } }`, { id: caseId });
    expect(gone.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
  });
});
