import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { Agency, type Actor } from '@sig/platform/access';
import { PERSONAS, generatePlatformKeys } from '@sig/platform/dev';
import { signGatewayToken, GATEWAY_TOKEN_HEADER, GATEWAY_BINDING_HEADER, importKey, signRequestBinding } from '@sig/platform/tokens';
import { startTestPlatform, type TestPlatform } from './support/platform';
import { createActiveCase, daysFromToday, expectNoErrors, personalNumberAged, today } from './support/cases';
import { ActionPlanDocument, CaseOverviewDocument, MyCasesDocument, NetworkMeetingsDocument } from './generated/operations';

let platform: TestPlatform;
let caseId: string;

beforeAll(async () => {
  platform = await startTestPlatform({ seed: true });
  caseId = await createActiveCase(platform);
  // Each agency records something of its own on the case.
  expectNoErrors(
    await platform.query('police-officer', `mutation($id: ID!) { recordPoliceIncident(caseId: $id, input: { kind: SUSPECTED_OFFENCE, occurredAt: "2026-01-10T20:00:00Z", description: "Misstänkt rån", reportNumber: "K123456-26" }) { id } }`, { id: caseId }),
  );
  expectNoErrors(
    await platform.query('school-counsellor', `mutation($id: ID!) { recordAttendance(caseId: $id, input: { periodStart: "2026-09-01", periodEnd: "2026-09-30", attendancePercent: 62.5, unexcusedAbsencePercent: 20 }) { id } }`, { id: caseId }),
  );
  expectNoErrors(
    await platform.query('leisure-worker', `mutation($id: ID!) { recordLeisureActivity(caseId: $id, input: { activity: "Boxning", venue: "Rinkeby boxningsklubb", fromDate: "2026-09-01" }) { id } }`, { id: caseId }),
  );
});

afterAll(async () => {
  await platform?.stop();
});

/** Counts rows in one agency's database, as the admin (to prove a refused write changed nothing). */
async function countRows(agency: keyof TestPlatform['databases']['subgraphs'], table: string): Promise<number> {
  const url = new URL(platform.databases.subgraphs[agency]);
  const admin = new URL(platform.adminUrl);
  url.username = admin.username;
  url.password = admin.password;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

const OVERVIEW = `query Overview($id: ID!) {
  case(id: $id) {
    id
    status
    youngPerson { givenName familyName }
    police { incidents { kind description } }
    school { attendance { attendancePercent } }
    leisure { activities { activity } }
  }
}`;

/** What each agency recorded on the case, at its path in OVERVIEW. */
const OWN_DATA = {
  SOCIAL_SERVICES: { status: 'ACTIVE', youngPerson: { givenName: 'Test', familyName: 'Testsson' } },
  POLICE: { police: { incidents: [{ kind: 'SUSPECTED_OFFENCE', description: 'Misstänkt rån' }] } },
  SCHOOL: { school: { attendance: [{ attendancePercent: 62.5 }] } },
  LEISURE: { leisure: { activities: [{ activity: 'Boxning' }] } },
};
const GUARDED_PATHS = {
  SOCIAL_SERVICES: ['case.status', 'case.youngPerson'],
  POLICE: ['case.police.incidents'],
  SCHOOL: ['case.school.attendance'],
  LEISURE: ['case.leisure.activities'],
};

describe('health', () => {
  it('answers 200 on /healthz when every subgraph answers', async () => {
    const response = await fetch(platform.system.gatewayUrl.replace(/\/graphql$/, '/healthz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { 'social-services': 'ok', police: 'ok', school: 'ok', leisure: 'ok' } });
  });
});

describe('demo data', () => {
  it('holds 20+ cases over several districts, with every lifecycle stage and consent state in the personas\' district', async () => {
    expect(await countRows(Agency.SOCIAL_SERVICES, 'sig_case')).toBeGreaterThanOrEqual(20);
    const res = expectNoErrors<{ cases: { status: string; consent: { status: string; withdrawals: { sources: string[] | null }[] } | null }[] }>(
      await platform.query('district-supervisor', `{ cases(limit: 500) { status consent { status withdrawals { sources } } } }`),
    );
    expect(new Set(res.cases.map((c) => c.status))).toEqual(new Set(['PROPOSED', 'ASSESSMENT', 'ACTIVE', 'CLOSED']));
    expect(new Set(res.cases.map((c) => c.consent?.status ?? 'NONE'))).toEqual(new Set(['NONE', 'PENDING', 'ACTIVE', 'EXPIRED', 'WITHDRAWN']));
    expect(res.cases.some((c) => c.consent?.status === 'ACTIVE' && c.consent.withdrawals.some((w) => w.sources?.includes('POLICE')))).toBe(true);
    // No case is active without an active consent.
    expect(res.cases.filter((c) => c.status === 'ACTIVE').every((c) => c.consent?.status === 'ACTIVE')).toBe(true);
  });
});

describe('one query across all four subgraphs (a consent that shares none of these categories)', () => {
  it.each([
    ['social-worker', 'SOCIAL_SERVICES'],
    ['police-officer', 'POLICE'],
    ['school-counsellor', 'SCHOOL'],
    ['leisure-worker', 'LEISURE'],
  ] as const)('serves %s its own agency data and denies every other agency with CATEGORY_NOT_COVERED', async (persona, own) => {
    const res = await platform.query(persona, OVERVIEW, { id: caseId });
    expect(res.status).toBe(200);
    expect(res.body.data?.case).toMatchObject({ id: caseId, ...OWN_DATA[own] });
    const denied = Object.entries(GUARDED_PATHS).filter(([agency]) => agency !== own).flatMap(([, paths]) => paths);
    expect(res.body.errors!.map((e) => e.path!.join('.')).sort()).toEqual(denied.sort());
    for (const error of res.body.errors!) {
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CATEGORY_NOT_COVERED', caseId });
      expect(error.extensions!.stacktrace).toBeUndefined();
    }
    // A denied datum is null at its path and nothing of it leaks into the errors.
    for (const path of denied) expect(path.split('.').reduce((o: any, k) => o?.[k], res.body.data)).toBeNull();
    expect(JSON.stringify(res.body.errors)).not.toMatch(/rån|Boxning|62\.5|Testsson/);
  });
});

describe('own-agency access through the gateway', () => {
  it('denies a non-member the case with NOT_A_MEMBER and leaves it out of lists', async () => {
    const res = await platform.query('social-worker-skarholmen', OVERVIEW, { id: caseId });
    expect(res.body.data?.case).toBeNull();
    expect(res.body.errors).toEqual([expect.objectContaining({ path: ['case'], extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' }) })]);
    const list = expectNoErrors<{ cases: { id: string }[] }>(await platform.query('social-worker-skarholmen', `{ cases { id } }`));
    expect(list.cases.map((c) => c.id)).not.toContain(caseId);
  });

  it('answers an unknown case id exactly like a case the actor may not see', async () => {
    const res = await platform.query('social-worker', OVERVIEW, { id: '00000000-0000-4000-8000-000000000000' });
    expect(res.body.data?.case).toBeNull();
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
  });

  it("lets the district supervisor list and read every social-services case of the district, and no other district's", async () => {
    const res = expectNoErrors<{ cases: { id: string; district: string }[] }>(await platform.query('district-supervisor', `{ cases(limit: 500) { id district } }`));
    expect(res.cases.length).toBeGreaterThan(3);
    expect(new Set(res.cases.map((c) => c.district))).toEqual(new Set(['spanga-tensta']));
    expect(res.cases.map((c) => c.id)).toContain(caseId);
  });

  it('lists for a police member only the cases whose group the officer is in', async () => {
    const res = expectNoErrors<{ cases: { id: string }[] }>(await platform.query('police-officer', `{ cases(limit: 500) { id } }`));
    expect(res.cases.map((c) => c.id)).toContain(caseId);
    const social = expectNoErrors<{ cases: { id: string }[] }>(await platform.query('district-supervisor', `{ cases(limit: 500) { id } }`));
    expect(res.cases.length).toBeLessThan(social.cases.length + 1);
  });
});

describe('a case from proposal to active to closed', () => {
  it('walks the lifecycle with the coordinator and records who did what', async () => {
    const id = await createActiveCase(platform, ['police-officer']);
    const detail = expectNoErrors<any>(
      await platform.query('social-worker', `query($id: ID!) { case(id: $id) { status activatedOn version: id members { agency role personName } consent { status consentVersion missingSignatures } nextMeetingDue meetingOverdue } }`, { id }),
    );
    expect(detail.case).toMatchObject({ status: 'ACTIVE', activatedOn: today(), consent: { status: 'ACTIVE', consentVersion: 1, missingSignatures: [] }, meetingOverdue: false });
    expect(detail.case.members).toEqual(
      expect.arrayContaining([
        { agency: 'SOCIAL_SERVICES', role: 'COORDINATOR', personName: PERSONAS['social-worker'].name },
        { agency: 'POLICE', role: 'MEMBER', personName: PERSONAS['police-officer'].name },
      ]),
    );
    const closed = expectNoErrors<any>(await platform.query('social-worker', `mutation($id: ID!) { closeCase(caseId: $id, reason: GOALS_MET, note: "Målen uppnådda") { status closureReason closedOn } }`, { id }));
    expect(closed.closeCase).toEqual({ status: 'CLOSED', closureReason: 'GOALS_MET', closedOn: today() });
    const again = await platform.query('social-worker', `mutation($id: ID!) { closeCase(caseId: $id, reason: GOALS_MET, note: "Målen uppnådda") { status } }`, { id });
    expect(again.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
  });

  it('refuses to activate without an ACTIVE consent, naming why, and changes nothing', async () => {
    const proposed = expectNoErrors<any>(
      await platform.query('social-worker', `mutation($input: ProposeCaseInput!) { proposeCase(input: $input) { id } }`, {
        input: { personalNumber: personalNumberAged(15), givenName: 'Utan', familyName: 'Samtycke', district: 'spanga-tensta', targetGroup: 'SIG_UNGA', referralSource: 'SOCIAL_SERVICES', reason: 'test' },
      }),
    );
    const id = proposed.proposeCase.id;
    expectNoErrors(await platform.query('social-worker', `mutation($id: ID!) { startAssessment(caseId: $id) { id } }`, { id }));
    const res = await platform.query('social-worker', `mutation($id: ID!) { activateCase(caseId: $id, grounds: "Beslut") { status } }`, { id });
    expect(res.body.errors![0]).toMatchObject({ message: expect.stringContaining('without an ACTIVE consent (consent is NONE)'), extensions: { code: 'BAD_USER_INPUT', field: 'caseId' } });

    // A consent a guardian has not signed keeps it pending: still refused.
    const secondGuardian = personalNumberAged(44);
    expectNoErrors(
      await platform.query('social-worker', `mutation($id: ID!, $input: ConsentInput!) { recordConsent(caseId: $id, input: $input) { id } }`, {
        id,
        input: {
          validFrom: today(),
          validUntil: daysFromToday(300),
          formReference: 'F-1',
          signatories: [
            { party: 'YOUNG_PERSON', name: 'Utan Samtycke', signedOn: today() },
            { party: 'GUARDIAN', name: 'Förälder Ett', personalNumber: personalNumberAged(45), signedOn: today() },
            { party: 'GUARDIAN', name: 'Förälder Två', personalNumber: secondGuardian },
          ],
          provisions: [{ source: 'POLICE', categories: ['INCIDENTS'] }],
        },
      }),
    );
    const pending = await platform.query('social-worker', `mutation($id: ID!) { activateCase(caseId: $id, grounds: "Beslut") { status } }`, { id });
    expect(pending.body.errors![0].message).toContain('consent is PENDING');
    const after = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { status activatedOn consent { status missingSignatures } } }`, { id }));
    expect(after.case).toEqual({ status: 'ASSESSMENT', activatedOn: null, consent: { status: 'PENDING', missingSignatures: ['Förälder Två has not signed'] } });

    // Once the second guardian signs, activation goes through.
    expectNoErrors(await platform.query('social-worker', `mutation($id: ID!) { signConsent(caseId: $id, personalNumber: "${secondGuardian}", signedOn: "${today()}") { id } }`, { id }));
    const activated = expectNoErrors<any>(await platform.query('social-worker', `mutation($id: ID!) { activateCase(caseId: $id, grounds: "Beslut") { status } }`, { id }));
    expect(activated.activateCase.status).toBe('ACTIVE');
  });
});

describe('bad input gets a clear error naming the field and leaves the database unchanged', () => {
  const propose = (input: Record<string, unknown>) =>
    platform.query('social-worker', `mutation($input: ProposeCaseInput!) { proposeCase(input: $input) { id } }`, {
      input: { personalNumber: personalNumberAged(16), givenName: 'Fel', familyName: 'Indata', district: 'spanga-tensta', targetGroup: 'SIG_UNGA', referralSource: 'SOCIAL_SERVICES', reason: 'test', ...input },
    });

  it.each([
    [{ personalNumber: '20100101-1235' }, 'input.personalNumber', 'wrong check digit'],
    [{ personalNumber: "2010'; DROP TABLE sig_case;--" }, 'input.personalNumber', 'must be YYYYMMDD-NNNN'],
    [{ district: 'gotham' }, 'input.district', 'unknown district'],
    [{ givenName: '   ' }, 'input.givenName', 'must not be empty'],
    [{ personalNumber: personalNumberAged(10) }, 'input.ageException', 'outside the target group'],
    [{ personalNumber: personalNumberAged(10), ageException: { justification: ' ', triedFirst: 'Komet' } }, 'input.ageException.justification', 'must not be empty'],
    [{ personalNumber: personalNumberAged(10), ageException: { justification: 'Bedömt lämpligt', triedFirst: ' ' } }, 'input.ageException.triedFirst', 'must not be empty'],
  ])('proposeCase %j → %s', async (input, field, message) => {
    const before = await countRows(Agency.SOCIAL_SERVICES, 'sig_case');
    const res = await propose(input);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]).toMatchObject({ message: expect.stringContaining(message), extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await countRows(Agency.SOCIAL_SERVICES, 'sig_case')).toBe(before);
  });

  it('accepts an age outside the target group with a documented exception, and shows who approved it', async () => {
    const res = expectNoErrors<any>(await propose({ personalNumber: personalNumberAged(11), ageException: { justification: 'Äldre syskon i nätverket; bedömt lämpligt', triedFirst: 'Komet och skolsocialt team' } }));
    const id = res.proposeCase.id;
    expectNoErrors(await platform.query('district-supervisor', `mutation($id: ID!) { approveAgeException(caseId: $id) { id } }`, { id }));
    const read = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { ageException { justification triedFirst approved approvedBy approvedOn } } }`, { id }));
    expect(read.case.ageException).toEqual({ justification: 'Äldre syskon i nätverket; bedömt lämpligt', triedFirst: 'Komet och skolsocialt team', approved: true, approvedBy: 'Karin Ek', approvedOn: today() });
  });

  it('refuses a consent whose dates are in the wrong order', async () => {
    const before = await countRows(Agency.SOCIAL_SERVICES, 'consent');
    const res = await platform.query('social-worker', `mutation($id: ID!, $input: ConsentInput!) { recordConsent(caseId: $id, input: $input) { id } }`, {
      id: caseId,
      input: { validFrom: '2026-06-01', validUntil: '2026-05-01', formReference: 'F', signatories: [{ party: 'YOUNG_PERSON', name: 'X', signedOn: '2026-06-01' }], provisions: [{ source: 'POLICE', categories: ['INCIDENTS'] }] },
    });
    expect(res.body.errors![0]).toMatchObject({ message: expect.stringContaining('must not be before input.validFrom'), extensions: { code: 'BAD_USER_INPUT', field: 'input.validUntil' } });
    expect(await countRows(Agency.SOCIAL_SERVICES, 'consent')).toBe(before);
  });

  it('refuses a police incident dated in the future', async () => {
    const before = await countRows(Agency.POLICE, 'police_incident');
    const res = await platform.query('police-officer', `mutation($id: ID!) { recordPoliceIncident(caseId: $id, input: { kind: VICTIM, occurredAt: "2999-01-01T00:00:00Z", description: "x" }) { id } }`, { id: caseId });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.occurredAt' });
    expect(await countRows(Agency.POLICE, 'police_incident')).toBe(before);
  });

  it('refuses a write to another agency (school writing police data) with FORBIDDEN, changing nothing', async () => {
    const before = await countRows(Agency.POLICE, 'police_incident');
    const res = await platform.query('school-counsellor', `mutation($id: ID!) { recordPoliceIncident(caseId: $id, input: { kind: VICTIM, occurredAt: "2026-01-01T00:00:00Z", description: "x" }) { id } }`, { id: caseId });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_AGENCY' });
    expect(await countRows(Agency.POLICE, 'police_incident')).toBe(before);
  });
});

describe('trust boundaries', () => {
  it('refuses a request without a token, and one with a garbage token, with 401', async () => {
    const none = await platform.query(null, OVERVIEW, { id: caseId });
    expect(none.status).toBe(401);
    expect(none.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const garbage = await platform.query(null, OVERVIEW, { id: caseId }, { authorization: 'Bearer not.a.token' });
    expect(garbage.status).toBe(401);
  });

  it('ignores actor and gateway headers a client sets: only the verified token counts', async () => {
    const forgedForSchool = await signGatewayToken(platform.keys.gateway.privateJwk, 'social-services', {
      actor: PERSONAS['social-worker'] as Actor,
      grants: { cases: { [caseId]: { role: 'COORDINATOR', consent: 'NONE', shared: {}, withdrawn: [], caseActive: true } } },
    });
    const res = await platform.query('police-officer', OVERVIEW, { id: caseId }, {
      [GATEWAY_TOKEN_HEADER]: forgedForSchool,
      'x-actor': JSON.stringify(PERSONAS['social-worker']),
      'x-agency': 'SOCIAL_SERVICES',
    });
    expect(res.body.data?.case).toMatchObject({ status: null, youngPerson: null });
  });

  it('refuses a token from another issuer key (a forged actor)', async () => {
    const rogue = await generatePlatformKeys();
    const { issueActorToken } = await import('@sig/platform/dev');
    const token = await issueActorToken(PERSONAS['district-supervisor'] as Actor, rogue.issuer.privateJwk);
    const res = await platform.query(null, OVERVIEW, { id: caseId }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
  });

  describe('a request straight to a subgraph', () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { police { incidents { description } } } } }`;
    // With a valid binding of the body to whatever grants token is sent, so that each refusal below is the grants token's.
    const direct = async (headers: Record<string, string>, query = ENTITIES) => {
      const body = JSON.stringify({ query, variables: { r: [{ __typename: 'Case', id: caseId }] } });
      const token = headers[GATEWAY_TOKEN_HEADER];
      const binding: Record<string, string> = token ? { [GATEWAY_BINDING_HEADER]: await signRequestBinding(platform.keys.gateway.privateJwk, 'police', token, body) } : {};
      return fetch(platform.system.subgraphUrls[Agency.POLICE], {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...binding, ...headers },
        body,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    };
    const police = PERSONAS['police-officer'] as Actor;
    const grants = () => ({ cases: { [caseId]: { role: 'MEMBER' as const, consent: 'NONE' as const, shared: {}, withdrawn: [], caseActive: true } } });

    it('is refused without the gateway signature, _entities included', async () => {
      const res = await direct({});
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain('rån');
    });

    it('is refused with a signature from another key', async () => {
      const rogue = await generatePlatformKeys();
      const res = await direct({ [GATEWAY_TOKEN_HEADER]: await signGatewayToken(rogue.gateway.privateJwk, 'police', { actor: police, grants: grants() }) });
      expect(res.status).toBe(401);
    });

    it('is refused with an expired gateway signature', async () => {
      const expired = await new SignJWT({ actor: { ...police }, grants: grants(), op: null })
        .setProtectedHeader({ alg: 'ES256', kid: platform.keys.gateway.privateJwk.kid })
        .setIssuer('urn:sig:gateway')
        .setAudience('urn:sig:subgraph:police')
        .setSubject(police.id)
        .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(await importKey(platform.keys.gateway.privateJwk));
      const res = await direct({ [GATEWAY_TOKEN_HEADER]: expired });
      expect(res.status).toBe(401);
    });

    it('is refused with a gateway token made for another subgraph', async () => {
      const res = await direct({ [GATEWAY_TOKEN_HEADER]: await signGatewayToken(platform.keys.gateway.privateJwk, 'school', { actor: police, grants: grants() }) });
      expect(res.status).toBe(401);
    });

    it('is refused with grants edited by hand', async () => {
      const token = await signGatewayToken(platform.keys.gateway.privateJwk, 'police', { actor: police, grants: { cases: {} } });
      const [h, p, s] = token.split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      claims.grants = grants();
      const res = await direct({ [GATEWAY_TOKEN_HEADER]: [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.') });
      expect(res.status).toBe(401);
    });

    it('is served with a valid gateway signature (proving the refusals above are the signature, and __resolveReference works through the shield)', async () => {
      const res = await direct({ [GATEWAY_TOKEN_HEADER]: await signGatewayToken(platform.keys.gateway.privateJwk, 'police', { actor: police, grants: grants() }) });
      expect(res.status).toBe(200);
      expect(res.body.data._entities).toEqual([{ police: { incidents: [{ description: 'Misstänkt rån' }] } }]);
    });
  });
});

describe('the example operations, as typed clients (test/generated/operations.ts)', () => {
  it('run for the coordinator with the types the schema promises', async () => {
    const mine = await platform.run('social-worker', MyCasesDocument, {});
    expect(mine.body.errors).toBeUndefined();
    const listed = mine.body.data!.cases.find((c) => c.id === caseId);
    expect(listed).toMatchObject({ status: 'ACTIVE', district: 'spanga-tensta', meetingOverdue: false });

    const overview = await platform.run('social-worker', CaseOverviewDocument, { id: caseId });
    const c = overview.body.data!.case!;
    expect(c.youngPerson?.familyName).toBe('Testsson');
    expect(c.consent?.status).toBe('ACTIVE');
    expect(c.consent?.provisions.map((p) => p.source)).toEqual(['SOCIAL_SERVICES']);

    const meetings = await platform.run('social-worker', NetworkMeetingsDocument, { id: caseId });
    expect(meetings.body.data!.case!.nextMeetingDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const plan = await platform.run('social-worker', ActionPlanDocument, { id: caseId });
    expect(plan.body.errors).toBeUndefined();
    expect(plan.body.data!.case!.actionPlan).toBeNull();
  });
});
