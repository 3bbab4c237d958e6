import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActorRole, Agency, computeGrants, decideAccessLogRead, decideCaseVisible, decideRead, decideWrite, grantsForSource, type Actor, type CaseGrant, type ConsentData, type ConsentState, type Grants } from '../../src/access';
import { PERSONAS } from '../../src/dev';

const CASE = '11111111-1111-4111-8111-111111111111';
const grant = (over: Partial<CaseGrant> = {}): CaseGrant => ({ role: 'MEMBER', consent: 'NONE', shared: {}, withdrawn: [], caseActive: true, ...over });
const member = (over: Partial<CaseGrant> = {}): Grants => ({ cases: { [CASE]: grant(over) } });
const none: Grants = { cases: {} };
const police = PERSONAS['police-officer'] as Actor;
const social = PERSONAS['social-worker'] as Actor;
const supervisor = PERSONAS['district-supervisor'] as Actor;
const ATTENDANCE = { source: Agency.SCHOOL, category: 'ATTENDANCE' };

describe('own-agency access', () => {
  it('permits a member to read its own agency data, whatever the consent', () => {
    expect(decideRead(police, member({ consent: 'WITHDRAWN' }), { caseId: CASE }, { source: Agency.POLICE, category: 'INCIDENTS' })).toEqual({ permit: true, basis: 'OWN_AGENCY_MEMBER' });
  });

  it('denies a non-member, even for its own agency, with NOT_A_MEMBER', () => {
    expect(decideRead(police, none, { caseId: CASE }, { source: Agency.POLICE, category: 'INCIDENTS' })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
    expect(decideRead(police, none, { caseId: CASE }, ATTENDANCE)).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
  });

  it('lets a district supervisor read its own agency data of cases in its district only', () => {
    const data = { source: Agency.SOCIAL_SERVICES, category: 'CASE' };
    expect(decideRead(supervisor, none, { caseId: CASE, district: supervisor.district }, data)).toEqual({ permit: true, basis: 'OWN_AGENCY_ROLE' });
    expect(decideRead(supervisor, none, { caseId: CASE, district: 'skarholmen' }, data)).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
    expect(decideRead(supervisor, none, { caseId: CASE }, data)).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
    expect(decideRead(supervisor, none, { caseId: CASE, district: supervisor.district }, { source: Agency.POLICE, category: 'INCIDENTS' })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
  });

  it('gives a case worker without the supervisor role nothing by district', () => {
    expect(decideRead(social, none, { caseId: CASE, district: social.district }, { source: Agency.SOCIAL_SERVICES, category: 'CASE' })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
  });
});

describe('sharing under consent', () => {
  it.each([
    ['NONE', 'NO_CONSENT'],
    ['PENDING', 'CONSENT_PENDING'],
    ['EXPIRED', 'CONSENT_EXPIRED'],
    ['WITHDRAWN', 'CONSENT_WITHDRAWN'],
  ] as const)('denies another agency data under consent %s with %s', (consent, reason) => {
    expect(decideRead(police, member({ consent, shared: { SCHOOL: ['ATTENDANCE'] } }), { caseId: CASE }, ATTENDANCE)).toEqual({ permit: false, reason });
  });

  it('permits a covered category under an ACTIVE consent, and no other', () => {
    const grants = member({ consent: 'ACTIVE', shared: { SCHOOL: ['ATTENDANCE'] } });
    expect(decideRead(police, grants, { caseId: CASE }, ATTENDANCE)).toEqual({ permit: true, basis: 'CONSENT' });
    expect(decideRead(police, grants, { caseId: CASE }, { source: Agency.SCHOOL, category: 'SUPPORT' })).toEqual({ permit: false, reason: 'CATEGORY_NOT_COVERED' });
  });

  it('denies a source withdrawn in part with CONSENT_WITHDRAWN', () => {
    expect(decideRead(police, member({ consent: 'ACTIVE', shared: {}, withdrawn: ['SCHOOL'] }), { caseId: CASE }, ATTENDANCE)).toEqual({ permit: false, reason: 'CONSENT_WITHDRAWN' });
  });
});

describe('writes', () => {
  it('lets an agency write only its own data, as a member or by district role, whatever the consent shares', () => {
    const incidents = { source: Agency.POLICE, category: 'INCIDENTS' };
    expect(decideWrite(police, member(), { caseId: CASE }, incidents)).toEqual({ permit: true, basis: 'OWN_AGENCY_MEMBER' });
    expect(decideWrite(police, none, { caseId: CASE }, incidents)).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
    expect(decideWrite(social, member({ consent: 'ACTIVE', shared: { POLICE: ['INCIDENTS'] } }), { caseId: CASE }, incidents)).toEqual({ permit: false, reason: 'NOT_OWN_AGENCY' });
    expect(decideWrite(supervisor, none, { caseId: CASE, district: supervisor.district }, { source: Agency.SOCIAL_SERVICES, category: 'CASE' })).toEqual({ permit: true, basis: 'OWN_AGENCY_ROLE' });
  });
});

describe('computing grants from memberships and consents', () => {
  const consent = (over: Partial<ConsentData> = {}): ConsentData => ({
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    signatories: [{ party: 'YOUNG_PERSON', name: 'Y', signedOn: '2026-01-01' }],
    provisions: [
      { source: 'POLICE', categories: ['INCIDENTS'], recipients: null },
      { source: 'SCHOOL', categories: ['ATTENDANCE'], recipients: ['SOCIAL_SERVICES'] },
    ],
    withdrawals: [],
    ...over,
  });
  const adult = '2000-01-01';

  it('discloses to the actor only what the provisions name for its agency', () => {
    const grants = computeGrants(police, [{ caseId: CASE, role: 'MEMBER', consent: consent(), dateOfBirth: adult, caseActive: true }], '2026-06-01');
    expect(grants.cases[CASE]).toEqual({ role: 'MEMBER', consent: 'ACTIVE', shared: { POLICE: ['INCIDENTS'] }, withdrawn: [], caseActive: true });
    const forSocial = computeGrants(social, [{ caseId: CASE, role: 'COORDINATOR', consent: consent(), dateOfBirth: adult, caseActive: true }], '2026-06-01');
    expect(forSocial.cases[CASE].shared).toEqual({ POLICE: ['INCIDENTS'], SCHOOL: ['ATTENDANCE'] });
  });

  it('shares nothing of a case that is not running (before activation, after closure), whatever the consent', () => {
    const grants = computeGrants(police, [{ caseId: CASE, role: 'MEMBER', consent: consent(), dateOfBirth: adult, caseActive: false }], '2026-06-01');
    expect(grants.cases[CASE]).toEqual({ role: 'MEMBER', consent: 'ACTIVE', shared: {}, withdrawn: [], caseActive: false });
    expect(decideRead(police, grants, { caseId: CASE }, ATTENDANCE)).toEqual({ permit: false, reason: 'CASE_NOT_ACTIVE' });
    // A grant that does not say the case is running shares nothing either.
    expect(decideRead(police, member({ consent: 'ACTIVE', shared: { SCHOOL: ['ATTENDANCE'] }, caseActive: undefined as unknown as boolean }), { caseId: CASE }, ATTENDANCE)).toEqual({ permit: false, reason: 'CASE_NOT_ACTIVE' });
    // The own agency still reads its own data of the case.
    expect(decideRead(police, grants, { caseId: CASE }, { source: Agency.POLICE, category: 'INCIDENTS' })).toEqual({ permit: true, basis: 'OWN_AGENCY_MEMBER' });
  });

  it('derives the consent state on the given day (expiry needs no job)', () => {
    const records = [{ caseId: CASE, role: 'MEMBER' as const, consent: consent(), dateOfBirth: adult, caseActive: true }];
    expect(computeGrants(police, records, '2026-12-31').cases[CASE].consent).toBe('ACTIVE');
    expect(computeGrants(police, records, '2027-01-01').cases[CASE]).toMatchObject({ consent: 'EXPIRED', shared: {} });
  });

  it('records a partial withdrawal and stops sharing that source', () => {
    const c = consent({ withdrawals: [{ withdrawnBy: 'Y', withdrawnOn: '2026-05-01', sources: ['POLICE'] }] });
    expect(computeGrants(police, [{ caseId: CASE, role: 'MEMBER', consent: c, dateOfBirth: adult, caseActive: true }], '2026-06-01').cases[CASE]).toEqual({ role: 'MEMBER', consent: 'ACTIVE', shared: {}, withdrawn: ['POLICE'], caseActive: true });
  });

  it('keeps the strongest role when the actor holds two memberships of one case', () => {
    const grants = computeGrants(social, [
      { caseId: CASE, role: 'MEMBER', consent: null, dateOfBirth: adult, caseActive: true },
      { caseId: CASE, role: 'COORDINATOR', consent: null, dateOfBirth: adult, caseActive: true },
    ], '2026-06-01');
    expect(grants.cases[CASE]).toEqual({ role: 'COORDINATOR', consent: 'NONE', shared: {}, withdrawn: [], caseActive: true });
  });
});

describe('case visibility and the access log', () => {
  it('shows a case to members and to the own-agency district supervisor', () => {
    expect(decideCaseVisible(police, member(), { caseId: CASE })).toMatchObject({ permit: true });
    expect(decideCaseVisible(police, none, { caseId: CASE, district: police.district })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
    expect(decideCaseVisible(supervisor, none, { caseId: CASE, district: supervisor.district })).toMatchObject({ permit: true });
    const policeChief: Actor = { ...police, roles: [ActorRole.DISTRICT_SUPERVISOR] };
    expect(decideCaseVisible(policeChief, none, { caseId: CASE, district: police.district })).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
  });

  it("lets only the case's social-services coordinator read its access log", () => {
    expect(decideAccessLogRead(social, member({ role: 'COORDINATOR' }), CASE)).toMatchObject({ permit: true });
    expect(decideAccessLogRead(social, member({ role: 'MEMBER' }), CASE)).toEqual({ permit: false, reason: 'ROLE_REQUIRED' });
    expect(decideAccessLogRead(police, member({ role: 'COORDINATOR' }), CASE)).toEqual({ permit: false, reason: 'ROLE_REQUIRED' });
    expect(decideAccessLogRead(social, none, CASE)).toEqual({ permit: false, reason: 'NOT_A_MEMBER' });
  });
});

describe('the decision function against a plain restatement of the rule (property-based)', () => {
  const agencies = [Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.SCHOOL, Agency.LEISURE, Agency.CHILD_PSYCHIATRY];
  const sources = [Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.SCHOOL, Agency.LEISURE];
  const categories = ['A', 'B', 'C'];
  const states: ConsentState[] = ['NONE', 'PENDING', 'ACTIVE', 'EXPIRED', 'WITHDRAWN'];

  const arbActor = fc.record({
    agency: fc.constantFrom(...agencies),
    district: fc.constantFrom('d1', 'd2'),
    supervisor: fc.boolean(),
  }).map(({ agency, district, supervisor }): Actor => ({ id: 'a', name: 'n', unit: 'u', agency, district, roles: supervisor ? [ActorRole.DISTRICT_SUPERVISOR] : [ActorRole.CASE_WORKER] }));
  const arbGrant = fc.record({
    role: fc.constantFrom('COORDINATOR' as const, 'LOTS' as const, 'MEMBER' as const),
    consent: fc.constantFrom(...states),
    shared: fc.dictionary(fc.constantFrom(...sources), fc.subarray(categories)),
    withdrawn: fc.subarray(sources),
    caseActive: fc.boolean(),
  });
  const arbInput = fc.record({
    actor: arbActor,
    grant: fc.option(arbGrant, { nil: undefined }),
    district: fc.option(fc.constantFrom('d1', 'd2'), { nil: undefined }),
    source: fc.constantFrom(...sources),
    category: fc.constantFrom(...categories),
  });

  /** CONSENT.md, "The decision", restated as plainly as possible. */
  function restated(input: { actor: Actor; grant?: CaseGrant; district?: string; source: string; category: string }): { permit: boolean; reason?: string } {
    const { actor, grant, district, source, category } = input;
    const isMember = grant !== undefined;
    const ownRole = actor.roles.includes(ActorRole.DISTRICT_SUPERVISOR) && district !== undefined && district === actor.district;
    if (actor.agency === source && (isMember || ownRole)) return { permit: true };
    if (isMember && grant!.consent === 'ACTIVE' && grant!.caseActive && (grant!.shared[source] ?? []).includes(category)) return { permit: true };
    if (!isMember) return { permit: false, reason: 'NOT_A_MEMBER' };
    const byState: Record<string, string> = { NONE: 'NO_CONSENT', PENDING: 'CONSENT_PENDING', EXPIRED: 'CONSENT_EXPIRED', WITHDRAWN: 'CONSENT_WITHDRAWN' };
    if (grant!.consent !== 'ACTIVE') return { permit: false, reason: byState[grant!.consent] };
    if (!grant!.caseActive) return { permit: false, reason: 'CASE_NOT_ACTIVE' };
    return { permit: false, reason: grant!.withdrawn.includes(source) ? 'CONSENT_WITHDRAWN' : 'CATEGORY_NOT_COVERED' };
  }

  it('agrees on every random input', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const grants: Grants = { cases: input.grant ? { [CASE]: input.grant } : {} };
        const decision = decideRead(input.actor, grants, { caseId: CASE, district: input.district }, { source: input.source, category: input.category });
        const expected = restated(input);
        expect(decision.permit).toBe(expected.permit);
        if (!decision.permit) expect(decision.reason).toBe(expected.reason);
      }),
      { numRuns: 5000 },
    );
  });

  it("decides the same with only the source's part of the grants (what its subgraph is sent)", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const full: Grants = { cases: input.grant ? { [CASE]: input.grant } : {} };
        const part = grantsForSource(full, input.source);
        const facts = { caseId: CASE, district: input.district };
        const data = { source: input.source, category: input.category };
        expect(decideRead(input.actor, part, facts, data)).toEqual(decideRead(input.actor, full, facts, data));
        expect(decideWrite(input.actor, part, facts, data)).toEqual(decideWrite(input.actor, full, facts, data));
        expect(decideCaseVisible(input.actor, part, facts)).toEqual(decideCaseVisible(input.actor, full, facts));
        expect(decideAccessLogRead(input.actor, part, CASE)).toEqual(decideAccessLogRead(input.actor, full, CASE));
        // Nothing of another source is in it.
        for (const grant of Object.values(part.cases)) {
          expect(Object.keys(grant.shared).every((s) => s === input.source)).toBe(true);
          expect(grant.withdrawn.every((s) => s === input.source)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
