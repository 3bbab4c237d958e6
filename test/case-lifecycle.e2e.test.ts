import { Agency } from '@sig/platform/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActiveCase, daysFromToday, expectNoErrors, personalNumberAged, today } from './support/cases';
import { startTestPlatform, type TestPlatform } from './support/platform';

/**
 * The case lifecycle (subgraphs/social-services/src/domain/case-lifecycle.ts) through the real
 * gateway: closing a case ends the sharing, a withdrawal pauses an active case, and activation and
 * closure are recorded decisions.
 */

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

const PROBE = `query Probe($id: ID!) {
  case(id: $id) {
    id
    actionPlan { id }
    meetings { minutes }
    school { attendance { attendancePercent } }
  }
}`;

/** An active case where the police officer reads the plan, the minutes and the school attendance under consent. */
async function sharedCase(): Promise<string> {
  const id = await createActiveCase(platform, ['police-officer', 'school-counsellor'], [
    { source: 'SOCIAL_SERVICES', categories: ['CASE', 'GROUP', 'MEETINGS', 'ACTION_PLAN'] },
    { source: 'SCHOOL', categories: ['ATTENDANCE'] },
  ]);
  expectNoErrors(
    await platform.query('school-counsellor', `mutation($id: ID!) { recordAttendance(caseId: $id, input: { periodStart: "2026-01-01", periodEnd: "2026-01-31", attendancePercent: 70, unexcusedAbsencePercent: 10 }) { id } }`, { id }),
  );
  expectNoErrors(
    await platform.query('social-worker', `mutation($id: ID!, $input: ActionPlanInput!) { saveActionPlan(caseId: $id, input: $input) { id } }`, {
      id,
      input: { template: 'INDIVIDUAL_PLAN', goals: [{ description: 'Regelbunden skolgång', actions: [{ description: 'Mentor varje vecka', responsibleAgency: 'SCHOOL', responsiblePerson: 'Mentor', dueDate: daysFromToday(30) }] }] },
    }),
  );
  const meeting = expectNoErrors<any>(await platform.query('social-worker', `mutation($id: ID!) { scheduleMeeting(caseId: $id, plannedFor: "${today()}T08:00:00Z") { id } }`, { id }));
  expectNoErrors(
    await platform.query('social-worker', `mutation($id: ID!, $m: ID!) { recordMeetingHeld(caseId: $id, meetingId: $m, heldOn: "${today()}", attendees: [{ name: "Anna" }], minutes: "Planen följdes upp.") { id } }`, {
      id,
      m: meeting.scheduleMeeting.id,
    }),
  );
  return id;
}

describe('closing a case ends the sharing', () => {
  it('other agencies read nothing of a closed case and lose it from their lists; social services keeps it as a closed record', async () => {
    const id = await sharedCase();
    const before = expectNoErrors<any>(await platform.query('police-officer', PROBE, { id }));
    expect(before.case).toEqual({ id, actionPlan: { id: expect.any(String) }, meetings: [{ minutes: 'Planen följdes upp.' }], school: { attendance: [{ attendancePercent: 70 }] } });
    const listed = expectNoErrors<any>(await platform.query('police-officer', `{ cases(limit: 500) { id } }`));
    expect(listed.cases.map((c: { id: string }) => c.id)).toContain(id);

    const closed = expectNoErrors<any>(
      await platform.query('social-worker', `mutation($id: ID!) { closeCase(caseId: $id, reason: GOALS_MET, note: "Målen uppnådda enligt uppföljningen") { status closedOn closureReason closedByName closureNote sharing } }`, { id }),
    );
    expect(closed.closeCase).toEqual({ status: 'CLOSED', closedOn: today(), closureReason: 'GOALS_MET', closedByName: expect.any(String), closureNote: 'Målen uppnådda enligt uppföljningen', sharing: 'ENDED' });

    const after = await platform.query('police-officer', PROBE, { id });
    expect(after.body.data?.case ?? null).toBeNull();
    expect(after.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
    const school = await platform.query('school-counsellor', PROBE, { id });
    expect(school.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
    const listedAfter = expectNoErrors<any>(await platform.query('police-officer', `{ cases(limit: 500) { id } }`));
    expect(listedAfter.cases.map((c: { id: string }) => c.id)).not.toContain(id);

    const record = expectNoErrors<any>(
      await platform.query('social-worker', `query($id: ID!) { case(id: $id) { status actionPlan { id } meetings { minutes } members { agency untilDate endedReason } } }`, { id }),
    );
    expect(record.case).toMatchObject({ status: 'CLOSED', actionPlan: { id: expect.any(String) }, meetings: [{ minutes: 'Planen följdes upp.' }] });
    for (const m of record.case.members) {
      if (m.agency === 'SOCIAL_SERVICES') expect(m.untilDate).toBeNull();
      else expect(m).toEqual({ agency: m.agency, untilDate: today(), endedReason: 'The case was closed (GOALS_MET).' });
    }
    const supervisor = expectNoErrors<any>(await platform.query('district-supervisor', `query($id: ID!) { case(id: $id) { status } }`, { id }));
    expect(supervisor.case.status).toBe('CLOSED');
  });

  it('closes a case that never became active only as NOT_STARTED, and an active one never so', async () => {
    const active = await createActiveCase(platform, []);
    const wrong = await platform.query('social-worker', `mutation($id: ID!) { closeCase(caseId: $id, reason: NOT_STARTED, note: "x") { status } }`, { id: active });
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const ended = expectNoErrors<any>(await platform.query('social-worker', `mutation($id: ID!) { closeCase(caseId: $id, reason: PARTICIPATION_ENDED, note: "Familjen avslutade") { closureReason } }`, { id: active }));
    expect(ended.closeCase.closureReason).toBe('PARTICIPATION_ENDED');

    const proposed = await propose();
    const refused = await platform.query('social-worker', `mutation($id: ID!) { closeCase(caseId: $id, reason: GOALS_MET, note: "x") { status } }`, { id: proposed });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const notStarted = expectNoErrors<any>(await platform.query('social-worker', `mutation($id: ID!) { closeCase(caseId: $id, reason: NOT_STARTED, note: "Ingen SIG-insats") { closureReason } }`, { id: proposed }));
    expect(notStarted.closeCase.closureReason).toBe('NOT_STARTED');
  });
});

describe('an active case without a consent in force is paused', () => {
  it('stays ACTIVE, says it is paused and why, shares nothing, and can be closed with its true reason', async () => {
    const id = await sharedCase();
    expect(expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { sharing sharingPausedBecause } }`, { id })).case).toEqual({ sharing: 'SHARING', sharingPausedBecause: null });
    // The consent runs out (no job flips anything: the state is derived on every read).
    await sql(`update consent set valid_until = $2 where case_id = $1`, [id, daysFromToday(-1)]);
    const paused = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { status sharing sharingPausedBecause } }`, { id }));
    expect(paused.case).toEqual({ status: 'ACTIVE', sharing: 'PAUSED', sharingPausedBecause: 'CONSENT_EXPIRED' });
    const police = await platform.query('police-officer', `query($id: ID!) { case(id: $id) { school { attendance { id } } } }`, { id });
    expect(police.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_EXPIRED' });
    const closed = expectNoErrors<any>(await platform.query('social-worker', `mutation($id: ID!) { closeCase(caseId: $id, reason: PARTICIPATION_ENDED, note: "Familjen ville inte förnya samtycket") { status sharing } }`, { id }));
    expect(closed.closeCase).toEqual({ status: 'CLOSED', sharing: 'ENDED' });
  });
});

/** Runs one statement on social services' database: for states the API cannot make today (time passing). */
const sql = (text: string, values: unknown[]) => platform.sql(Agency.SOCIAL_SERVICES, text, values);

async function propose(): Promise<string> {
  const res = expectNoErrors<any>(
    await platform.query('social-worker', `mutation($input: ProposeCaseInput!) { proposeCase(input: $input) { id } }`, {
      input: { personalNumber: personalNumberAged(19), givenName: 'Löpande', familyName: 'Grupp', district: 'spanga-tensta', targetGroup: 'SIG_UNGA', referralSource: 'SOCIAL_SERVICES', reason: 'E2E lifecycle' },
    }),
  );
  return res.proposeCase.id;
}

async function consentedInAssessment(): Promise<string> {
  const id = await propose();
  expectNoErrors(await platform.query('social-worker', `mutation($id: ID!) { startAssessment(caseId: $id) { id } }`, { id }));
  expectNoErrors(
    await platform.query('social-worker', `mutation($id: ID!, $input: ConsentInput!) { recordConsent(caseId: $id, input: $input) { id } }`, {
      id,
      input: {
        validFrom: today(),
        validUntil: daysFromToday(300),
        formReference: 'LIFECYCLE',
        // An adult signs alone.
        signatories: [{ party: 'YOUNG_PERSON', name: 'Löpande Grupp', signedOn: today() }],
        provisions: [{ source: 'SOCIAL_SERVICES', categories: ['GROUP'] }],
      },
    }),
  );
  return id;
}

describe('activation is a decision', () => {
  it('records who decided, when and on what grounds', async () => {
    const id = await consentedInAssessment();
    const res = expectNoErrors<any>(
      await platform.query('social-worker', `mutation($id: ID!) { activateCase(caseId: $id, grounds: "Biståndsbeslut: behov av samordnade insatser") { status activatedOn activatedByName activationGrounds startedBeforeRegistration sharing } }`, { id }),
    );
    expect(res.activateCase).toEqual({ status: 'ACTIVE', activatedOn: today(), activatedByName: expect.any(String), activationGrounds: 'Biståndsbeslut: behov av samordnade insatser', startedBeforeRegistration: null, sharing: 'SHARING' });
  });

  it('registers a group running before the platform with its real start date and a reason, never a future date or one before the proposal', async () => {
    const id = await consentedInAssessment();
    // Proposed a month ago (as if the group had been running when it was registered).
    await sql(`update sig_case set proposed_on = $2 where id = $1`, [id, daysFromToday(-30)]);
    const activate = (args: string) => platform.query('social-worker', `mutation($id: ID!) { activateCase(caseId: $id, grounds: "Beslut", ${args}) { status activatedOn startedBeforeRegistration } }`, { id });
    const refusedField = async (args: string) => (await activate(args)).body.errors?.[0]?.extensions;
    expect(await refusedField(`startedOn: "${daysFromToday(1)}", startedBeforeRegistration: "x"`)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startedOn' });
    expect(await refusedField(`startedOn: "${daysFromToday(-31)}", startedBeforeRegistration: "x"`)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startedOn' });
    expect(await refusedField(`startedOn: "2026-02-30", startedBeforeRegistration: "x"`)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startedOn' });
    expect(await refusedField(`startedOn: "${daysFromToday(-10)}"`)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startedBeforeRegistration' });
    const unchanged = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { status activatedOn } }`, { id }));
    expect(unchanged.case).toEqual({ status: 'ASSESSMENT', activatedOn: null });
    const ok = expectNoErrors<any>(await activate(`startedOn: "${daysFromToday(-10)}", startedBeforeRegistration: "Gruppen startade innan plattformen infördes"`));
    expect(ok.activateCase).toEqual({ status: 'ACTIVE', activatedOn: daysFromToday(-10), startedBeforeRegistration: 'Gruppen startade innan plattformen infördes' });
  });
});
