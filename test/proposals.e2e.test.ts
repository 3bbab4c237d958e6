import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS, type PersonaName } from '@sig/platform/dev';
import { createActiveCase, expectNoErrors, personalNumberAged, today } from './support/cases';
import { startTestPlatform, type TestPlatform } from './support/platform';

/**
 * Issue 16, proposals: school and leisure propose too, with a referral source; the proposer follows
 * only its own proposal's stage (never the case); the district supervisor gets the district's
 * incoming proposals; the age exception needs a justification, what was tried first, and a district
 * supervisor's approval (never the proposer's own), with a floor below which nothing is possible;
 * the coordinator belongs to social services.
 */

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

const PROPOSE = `mutation($input: ProposeCaseInput!) { proposeCase(input: $input) { id } }`;
const MY = `query { myProposals { caseId proposedOn district referralSource stage } }`;
const INCOMING = `query { incomingProposals { id status referralSource proposedByAgency proposedByName } }`;
const propose = (persona: PersonaName, input: Record<string, unknown> = {}) =>
  platform.query(persona, PROPOSE, {
    input: { personalNumber: personalNumberAged(15), givenName: 'Förslag', familyName: 'Testsson', district: 'spanga-tensta', targetGroup: 'SIG_UNGA', referralSource: 'SCHOOL', reason: 'Oro för rekrytering', ...input },
  });
const proposed = async (persona: PersonaName, input: Record<string, unknown> = {}) => expectNoErrors<any>(await propose(persona, input)).proposeCase.id as string;
const errorOf = (res: { body: { errors?: any[] } }) => res.body.errors?.[0]?.extensions;

describe('proposals', () => {
  it('accepts a school proposal with its referral source; the proposer sees its stage, the supervisor the case', async () => {
    const id = await proposed('school-counsellor', { referralSource: 'SCHOOL' });
    const mine = expectNoErrors<any>(await platform.query('school-counsellor', MY)).myProposals;
    expect(mine.find((p: any) => p.caseId === id)).toEqual({ caseId: id, proposedOn: today(), district: 'spanga-tensta', referralSource: 'SCHOOL', stage: 'RECEIVED' });
    // Nothing of the case itself: not even its existence through `case`.
    const read = await platform.query('school-counsellor', `query($id: ID!) { case(id: $id) { status youngPerson { givenName } } }`, { id });
    expect(read.body.data?.case ?? null).toBeNull();
    expect(errorOf(read)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });

    const incoming = expectNoErrors<any>(await platform.query('district-supervisor', INCOMING)).incomingProposals;
    expect(incoming.find((c: any) => c.id === id)).toEqual({ id, status: 'PROPOSED', referralSource: 'SCHOOL', proposedByAgency: 'SCHOOL', proposedByName: PERSONAS['school-counsellor'].name });

    // The stage follows the case, and nothing else does.
    expectNoErrors(await platform.query('district-supervisor', `mutation($id: ID!) { startAssessment(caseId: $id) { id } }`, { id }));
    const after = expectNoErrors<any>(await platform.query('school-counsellor', MY)).myProposals;
    expect(after.find((p: any) => p.caseId === id).stage).toBe('UNDER_ASSESSMENT');
    expect(expectNoErrors<any>(await platform.query('district-supervisor', INCOMING)).incomingProposals.map((c: any) => c.id)).not.toContain(id);
  });

  it('lets a leisure worker propose but not read the case, and shows each proposer only its own proposals', async () => {
    const leisureCase = await proposed('leisure-worker', { referralSource: 'LEISURE' });
    const schoolCase = await proposed('school-counsellor', { referralSource: 'CONCERN_REPORT' });
    const read = await platform.query('leisure-worker', `query($id: ID!) { case(id: $id) { proposalReason youngPerson { givenName familyName } } }`, { id: leisureCase });
    expect(read.body.data?.case ?? null).toBeNull();
    expect(JSON.stringify(read.body)).not.toContain('Förslag');
    const mine = expectNoErrors<any>(await platform.query('leisure-worker', MY)).myProposals.map((p: any) => p.caseId);
    expect(mine).toContain(leisureCase);
    expect(mine).not.toContain(schoolCase);
  });

  it('keeps the incoming list to the district supervisor of social services', async () => {
    for (const persona of ['social-worker', 'police-officer', 'school-counsellor'] as const) {
      const res = await platform.query(persona, INCOMING);
      expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    }
  });

  it("shows a routed duplicate's proposer only its own case's stage", async () => {
    const open = await createActiveCase(platform, []);
    const pn = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { youngPerson { personalNumber } } }`, { id: open })).case.youngPerson.personalNumber;
    const dup = await proposed('police-officer', { personalNumber: pn, referralSource: 'POLICE' });
    const routed = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { duplicateProposals { id proposalCaseId } } }`, { id: open })).case.duplicateProposals;
    const mine = routed.find((r: any) => r.proposalCaseId === dup);
    expectNoErrors(await platform.query('social-worker', `mutation($id: ID!, $d: ID!) { closeDuplicateProposal(caseId: $id, duplicateProposalId: $d) { id } }`, { id: open, d: mine.id }));
    const seen = expectNoErrors<any>(await platform.query('police-officer', MY)).myProposals;
    expect(seen.map((p: any) => p.caseId)).not.toContain(open);
    expect(seen.find((p: any) => p.caseId === dup)).toEqual({ caseId: dup, proposedOn: today(), district: 'spanga-tensta', referralSource: 'POLICE', stage: 'NOT_STARTED' });
  });
});

describe('the age rules', () => {
  it('refuses an 11-year-old without an exception', async () => {
    const res = await propose('school-counsellor', { personalNumber: personalNumberAged(11) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ageException' });
  });

  it('holds a case with a pending exception in PROPOSED until a supervisor other than the proposer approves', async () => {
    const exception = { justification: 'Äldre syskon i nätverket', triedFirst: 'Komet och skolsocialt team' };
    const id = await proposed('school-counsellor', { personalNumber: personalNumberAged(11), ageException: exception });
    const start = `mutation($id: ID!) { startAssessment(caseId: $id) { status } }`;
    expect(errorOf(await platform.query('district-supervisor', start, { id }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
    const approve = `mutation($id: ID!) { approveAgeException(caseId: $id) { ageException { approved approvedBy approvedOn } } }`;
    // A case worker of social services does not hold the approving role; the school may not write the case.
    expect(errorOf(await platform.query('school-counsellor', approve, { id }))).toMatchObject({ code: 'FORBIDDEN' });
    const supervisorApproval = expectNoErrors<any>(await platform.query('district-supervisor', approve, { id }));
    expect(supervisorApproval.approveAgeException.ageException).toEqual({ approved: true, approvedBy: PERSONAS['district-supervisor'].name, approvedOn: today() });
    expect(expectNoErrors<any>(await platform.query('district-supervisor', start, { id })).startAssessment.status).toBe('ASSESSMENT');

    // The supervisor's own proposal needs someone else: not the supervisor, not a case worker.
    const own = await proposed('district-supervisor', { personalNumber: personalNumberAged(10), referralSource: 'CONCERN_REPORT', ageException: exception });
    expect(errorOf(await platform.query('district-supervisor', approve, { id: own }))).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_PROPOSAL' });
    const caseWorker = await platform.query('social-worker', approve, { id: own });
    expect(errorOf(caseWorker)).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await platform.query('district-supervisor', start, { id: own }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses a 7-year-old outright, exception or not', async () => {
    const res = await propose('school-counsellor', { personalNumber: personalNumberAged(7), ageException: { justification: 'x', triedFirst: 'y' } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.personalNumber' });
    expect(res.body.errors![0].message).toContain('below 8');
  });
});

describe('group roles', () => {
  const ADD = `mutation($id: ID!, $input: GroupMemberInput!) { addGroupMember(caseId: $id, input: $input) { role agency } }`;
  const member = (persona: PersonaName | null, agency: string, role: string) => ({
    agency,
    personId: persona ? PERSONAS[persona].id : crypto.randomUUID(),
    personName: persona ? PERSONAS[persona].name : 'Lots på BAS',
    role,
    fromDate: today(),
    reason: 'E2E roles',
  });

  it('refuses a police coordinator and a police lots; accepts a lots from the youth service', async () => {
    const id = await proposed('social-worker', { referralSource: 'SOCIAL_SERVICES' });
    const coordinator = await platform.query('district-supervisor', ADD, { id, input: member('police-officer', 'POLICE', 'COORDINATOR') });
    expect(errorOf(coordinator)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
    const lots = await platform.query('district-supervisor', ADD, { id, input: member('police-officer', 'POLICE', 'LOTS') });
    expect(errorOf(lots)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
    const bas = expectNoErrors<any>(await platform.query('district-supervisor', ADD, { id, input: member(null, 'YOUTH_SERVICE', 'LOTS') }));
    expect(bas.addGroupMember).toEqual({ role: 'LOTS', agency: 'YOUTH_SERVICE' });
  });
});
