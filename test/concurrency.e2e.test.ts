import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActiveCase, expectNoErrors, GUARDIAN_PERSONAL_NUMBER } from './support/cases';
import { startTestPlatform, type TestPlatform } from './support/platform';

/**
 * Concurrent edits: a stale write is refused with CONFLICT, and no accepted update is lost.
 */
let platform: TestPlatform;
let caseId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  caseId = await createActiveCase(platform, ['police-officer', 'school-counsellor'], [
    { source: 'POLICE', categories: ['INCIDENTS'] },
    { source: 'SCHOOL', categories: ['ATTENDANCE'] },
    { source: 'LEISURE', categories: ['ACTIVITIES'] },
    // The school changes its action's status: it must be able to read the plan (a write is decided as a read first).
    { source: 'SOCIAL_SERVICES', categories: ['ACTION_PLAN'] },
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const outcome = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => (res.body.errors ? String(res.body.errors[0].extensions?.code) : 'OK');

describe('concurrent edits', () => {
  it('consent: simultaneous partial withdrawals are each kept or refused with CONFLICT, none lost', async () => {
    const results = await Promise.all(
      ['POLICE', 'SCHOOL', 'LEISURE'].map((source) =>
        platform.query('social-worker', `mutation($id: ID!, $s: [Agency!]) { withdrawConsent(caseId: $id, personalNumber: "${GUARDIAN_PERSONAL_NUMBER}", sources: $s) { id } }`, { id: caseId, s: [source] }),
      ),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.every((o) => o === 'OK' || o === 'CONFLICT')).toBe(true);
    const kept = ['POLICE', 'SCHOOL', 'LEISURE'].filter((_, i) => outcomes[i] === 'OK');
    const { case: c } = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { consent { withdrawals { sources } } } }`, { id: caseId }));
    expect(c.consent.withdrawals.flatMap((w: { sources: string[] }) => w.sources).sort()).toEqual(kept.sort());
    console.log(`three simultaneous withdrawals: ${outcomes.join(', ')}`);
  });

  it('action plan: simultaneous new versions get distinct numbers, and a refused one says CONFLICT', async () => {
    const plan = (n: number) =>
      platform.query('social-worker', `mutation($id: ID!, $input: ActionPlanInput!) { saveActionPlan(caseId: $id, input: $input) { planVersion } }`, {
        id: caseId,
        input: { template: 'INDIVIDUAL_PLAN', goals: [{ description: `Mål ${n}`, actions: [{ description: 'Åtgärd', responsibleAgency: 'SCHOOL', responsiblePerson: 'Per', dueDate: '2027-01-01' }] }] },
      });
    const results = await Promise.all([1, 2, 3].map(plan));
    const outcomes = results.map(outcome);
    expect(outcomes.every((o) => o === 'OK' || o === 'CONFLICT')).toBe(true);
    const versions = results.filter((r) => !r.body.errors).map((r) => r.body.data.saveActionPlan.planVersion);
    expect(new Set(versions).size).toBe(versions.length);
    const { case: c } = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { actionPlan { planVersion } } }`, { id: caseId }));
    expect(c.actionPlan.planVersion).toBe(Math.max(...versions));
  });

  it('action status: of two changes from the same version, one wins and the other gets CONFLICT', async () => {
    const { case: c } = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { actionPlan { goals { actions { id version } } } } }`, { id: caseId }));
    const action = c.actionPlan.goals[0].actions[0];
    const change = (persona: 'social-worker' | 'school-counsellor', status: string) =>
      platform.query(persona, `mutation($c: ID!, $a: ID!, $v: Int!) { updateActionStatus(caseId: $c, actionId: $a, status: ${status}, expectedVersion: $v) { status version } }`, { c: caseId, a: action.id, v: action.version });
    const results = await Promise.all([change('school-counsellor', 'DONE'), change('social-worker', 'CANCELLED')]);
    expect(results.map(outcome).sort()).toEqual(['CONFLICT', 'OK']);
    const winner = results.find((r) => !r.body.errors)!.body.data.updateActionStatus;
    expect(winner.version).toBe(action.version + 1);
  });
});
