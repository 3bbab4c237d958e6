/**
 * The consent lifecycle (issue 16, "Consent") through the real gateway: guardians are parties, not
 * names; signatures are dated honestly; a renewal takes effect only when fully signed; a withdrawal
 * is not undone by recording a new version; at 18 guardians stop being parties.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, Agency } from '@sig/platform/access';
import { createActiveCase, daysFromToday, expectNoErrors, GUARDIAN_PERSONAL_NUMBER, personalNumberAged, today } from './support/cases';
import { startTestPlatform, type TestPlatform } from './support/platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

/** Runs SQL in social services' database as the admin (to count rows, or to age the young person). */
const adminSql = <T = any>(sql: string, params: unknown[] = []) => platform.sql<T>(Agency.SOCIAL_SERVICES, sql, params, { as: 'admin' });
const consentRows = async (caseId: string) => (await adminSql<{ n: number }>('SELECT count(*)::int AS n FROM consent WHERE case_id = $1', [caseId]))[0].n;
/** Sets the young person's date of birth (the case's personal number stays; only the age matters here). */
const setDateOfBirth = (caseId: string, dateOfBirth: string) =>
  adminSql('UPDATE young_person SET date_of_birth = $2 WHERE id = (SELECT young_person_id FROM sig_case WHERE id = $1)', [caseId, dateOfBirth]);

const CONSENT = `query($id: ID!) { case(id: $id) {
  consent { consentVersion status missingSignatures needsRenewalBy expiresInDays signatories { id party name signedOn } withdrawals { withdrawnBy withdrawnById sources } }
  consentRenewal { consentVersion status signatories { id party name signedOn } }
} }`;
const readConsent = async (id: string) => expectNoErrors<any>(await platform.query('social-worker', CONSENT, { id })).case;
const RECORD = `mutation($id: ID!, $input: ConsentInput!) { recordConsent(caseId: $id, input: $input) { id consentVersion status signatories { id party name signedOn } } }`;
const record = (id: string, input: Record<string, unknown>) => platform.query('social-worker', RECORD, { id, input });
const SIGN = `mutation($id: ID!, $s: ID, $pn: String, $on: String!) { signConsent(caseId: $id, signatoryId: $s, personalNumber: $pn, signedOn: $on) { consentVersion status } }`;
const WITHDRAW = `mutation($id: ID!, $s: ID, $pn: String) { withdrawConsent(caseId: $id, signatoryId: $s, personalNumber: $pn) { consentVersion status } }`;
/** What a police member of the group reads under the consent (social services' GROUP category). */
const policeReadsMembers = async (id: string) => {
  const res = await platform.query('police-officer', `query($id: ID!) { case(id: $id) { members { agency } } }`, { id });
  return res.body.data?.case?.members ? 'SHARED' : String(res.body.errors?.[0]?.extensions?.reason);
};
const renewal = (signatories: Record<string, unknown>[]) => ({
  validFrom: today(),
  validUntil: daysFromToday(300),
  formReference: 'FORNYELSE',
  signatories,
  provisions: [{ source: 'SOCIAL_SERVICES', categories: ['GROUP'] }],
});

describe('guardians are parties, not names', () => {
  it('two guardians with the same name both sign, each by personal number or by id', async () => {
    const id = await createActiveCase(platform, ['police-officer']);
    const [first, second] = [personalNumberAged(44), personalNumberAged(46)];
    const recorded = expectNoErrors<any>(
      await record(id, renewal([
        { party: 'YOUNG_PERSON', name: 'Test Testsson', signedOn: today() },
        { party: 'GUARDIAN', name: 'Amal Abdi', personalNumber: first },
        { party: 'GUARDIAN', name: 'Amal Abdi', personalNumber: second },
      ])),
    ).recordConsent;
    const [, g1, g2] = recorded.signatories;
    expect(g1.id).not.toBe(g2.id);

    expectNoErrors(await platform.query('social-worker', SIGN, { id, pn: first, on: today() }));
    let c = await readConsent(id);
    expect(c.consentRenewal.signatories.map((s: any) => s.signedOn)).toEqual([today(), today(), null]);
    expectNoErrors(await platform.query('social-worker', SIGN, { id, s: g2.id, on: today() }));
    c = await readConsent(id);
    expect(c.consent).toMatchObject({ consentVersion: 2, status: 'ACTIVE', missingSignatures: [] });
    expect(c.consentRenewal).toBeNull();
  });

  it('refuses a guardian without a personal number, an invalid one, and an unknown party', async () => {
    const id = await createActiveCase(platform, []);
    const before = await consentRows(id);
    const noNumber = await record(id, renewal([{ party: 'YOUNG_PERSON', name: 'Y' }, { party: 'GUARDIAN', name: 'G' }]));
    expect(noNumber.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signatories[1].personalNumber' });
    const badNumber = await record(id, renewal([{ party: 'YOUNG_PERSON', name: 'Y' }, { party: 'GUARDIAN', name: 'G', personalNumber: '19800101-0000' }]));
    expect(badNumber.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signatories[1].personalNumber' });
    expect(await consentRows(id)).toBe(before);
    const unknown = await platform.query('social-worker', SIGN, { id, pn: personalNumberAged(50), on: today() });
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personalNumber' });
  });
});

describe('signature dates', () => {
  it('refuses a signature dated in the future, and stores nothing', async () => {
    const id = await createActiveCase(platform, []);
    const before = await consentRows(id);
    const res = await record(id, renewal([{ party: 'YOUNG_PERSON', name: 'Y', signedOn: daysFromToday(1) }, { party: 'GUARDIAN', name: 'G', personalNumber: personalNumberAged(45) }]));
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.signatories[0].signedOn' } });
    expect(await consentRows(id)).toBe(before);

    // Nor later, on the version already recorded.
    expectNoErrors(await record(id, renewal([{ party: 'YOUNG_PERSON', name: 'Y' }, { party: 'GUARDIAN', name: 'G', personalNumber: personalNumberAged(45) }])));
    const sign = await platform.query('social-worker', SIGN, { id, pn: GUARDIAN_PERSONAL_NUMBER, on: daysFromToday(1) });
    expect(sign.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const future = await platform.query('social-worker', SIGN, { id, s: (await readConsent(id)).consentRenewal.signatories[0].id, on: daysFromToday(1) });
    expect(future.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signedOn' });
    expect((await readConsent(id)).consentRenewal.signatories.map((s: any) => s.signedOn)).toEqual([null, null]);
  });

  it('refuses a signature dated before the consent was recorded, and a validity over the ceiling', async () => {
    const id = await createActiveCase(platform, []);
    const early = await record(id, renewal([{ party: 'YOUNG_PERSON', name: 'Y', signedOn: daysFromToday(-1) }, { party: 'GUARDIAN', name: 'G', personalNumber: personalNumberAged(45) }]));
    expect(early.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signatories[0].signedOn' });
    const long = await record(id, { ...renewal([{ party: 'YOUNG_PERSON', name: 'Y' }, { party: 'GUARDIAN', name: 'G', personalNumber: personalNumberAged(45) }]), validUntil: daysFromToday(400) });
    expect(long.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
  });
});

describe('renewal', () => {
  it('an unsigned renewal leaves the previous version in force, in the API and at the gateway', async () => {
    const id = await createActiveCase(platform, ['police-officer']);
    expect(await policeReadsMembers(id)).toBe('SHARED');
    expectNoErrors(await record(id, renewal([{ party: 'YOUNG_PERSON', name: 'Test Testsson' }, { party: 'GUARDIAN', name: 'Vera Testsson', personalNumber: GUARDIAN_PERSONAL_NUMBER }])));
    const c = await readConsent(id);
    expect(c.consent).toMatchObject({ consentVersion: 1, status: 'ACTIVE' });
    expect(c.consentRenewal).toMatchObject({ consentVersion: 2, status: 'PENDING' });
    expect(await policeReadsMembers(id)).toBe('SHARED');

    // Once fully signed, the renewal is the consent in force.
    expectNoErrors(await platform.query('social-worker', SIGN, { id, s: c.consentRenewal.signatories[0].id, on: today() }));
    expectNoErrors(await platform.query('social-worker', SIGN, { id, pn: GUARDIAN_PERSONAL_NUMBER, on: today() }));
    expect((await readConsent(id)).consent).toMatchObject({ consentVersion: 2, status: 'ACTIVE' });
    expect(await policeReadsMembers(id)).toBe('SHARED');
  });

  it('a withdrawn consent is not revived by a new version signed no later than the withdrawal', async () => {
    const id = await createActiveCase(platform, ['police-officer']);
    expectNoErrors(await platform.query('social-worker', WITHDRAW, { id, pn: GUARDIAN_PERSONAL_NUMBER }));
    expect(await policeReadsMembers(id)).toBe('CONSENT_WITHDRAWN');
    const c0 = await readConsent(id);
    expect(c0.consent.withdrawals).toEqual([{ withdrawnBy: 'Vera Testsson', withdrawnById: c0.consent.signatories[1].id, sources: null }]);

    expectNoErrors(
      await record(id, renewal([
        { party: 'YOUNG_PERSON', name: 'Test Testsson', signedOn: today() },
        { party: 'GUARDIAN', name: 'Vera Testsson', personalNumber: GUARDIAN_PERSONAL_NUMBER, signedOn: today() },
      ])),
    );
    const c = await readConsent(id);
    expect(c.consent).toMatchObject({ consentVersion: 1, status: 'WITHDRAWN' });
    expect(c.consentRenewal).toMatchObject({ consentVersion: 2 });
    expect(await policeReadsMembers(id)).toBe('CONSENT_WITHDRAWN');
  });
});

describe('the 18th birthday', () => {
  it('says ahead of time that a consent resting on guardians needs renewal by the 18th birthday', async () => {
    const id = await createActiveCase(platform, []);
    const birthday = addDays(today(), 100);
    const [y, m, d] = birthday.split('-').map(Number);
    await setDateOfBirth(id, `${y - 18}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const c = await readConsent(id);
    expect(c.consent).toMatchObject({ status: 'ACTIVE', needsRenewalBy: birthday, expiresInDays: 365 });
  });

  it('a guardian can neither withdraw nor sign an adult’s consent; the young person’s own signature is needed', async () => {
    const id = await createActiveCase(platform, ['police-officer']);
    // Signed two days ago, while 17; 18 since yesterday.
    await adminSql(`UPDATE consent SET valid_from = $2::date, signatories = (SELECT jsonb_agg(s || jsonb_build_object('signedOn', $2::text)) FROM jsonb_array_elements(signatories) s) WHERE case_id = $1`, [id, daysFromToday(-2)]);
    const [y, m, d] = daysFromToday(-1).split('-').map(Number);
    await setDateOfBirth(id, `${y - 18}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    let c = await readConsent(id);
    expect(c.consent.status).toBe('PENDING');
    expect(c.consent.missingSignatures).toEqual([expect.stringContaining('must sign as an adult')]);
    expect(await policeReadsMembers(id)).toBe('CONSENT_PENDING');

    const withdraw = await platform.query('social-worker', WITHDRAW, { id, pn: GUARDIAN_PERSONAL_NUMBER });
    expect(withdraw.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personalNumber' });
    expect((await readConsent(id)).consent.withdrawals).toEqual([]);
    const sign = await platform.query('social-worker', SIGN, { id, pn: GUARDIAN_PERSONAL_NUMBER, on: today() });
    expect(sign.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personalNumber' });

    // The young person signs as an adult: the consent is in force again, and theirs to withdraw.
    const young = c.consent.signatories.find((s: any) => s.party === 'YOUNG_PERSON');
    expectNoErrors(await platform.query('social-worker', SIGN, { id, s: young.id, on: today() }));
    c = await readConsent(id);
    expect(c.consent).toMatchObject({ status: 'ACTIVE', missingSignatures: [], needsRenewalBy: null });
    expect(await policeReadsMembers(id)).toBe('SHARED');
    expectNoErrors(await platform.query('social-worker', WITHDRAW, { id, s: young.id }));
    expect(await policeReadsMembers(id)).toBe('CONSENT_WITHDRAWN');
  });

  it('refuses guardians on a new consent for an adult', async () => {
    const id = await createActiveCase(platform, []);
    const [y, m, d] = today().split('-').map(Number);
    await setDateOfBirth(id, `${y - 19}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const res = await record(id, renewal([{ party: 'YOUNG_PERSON', name: 'Y' }, { party: 'GUARDIAN', name: 'G', personalNumber: personalNumberAged(45) }]));
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signatories[1].party' });
  });
});

describe('categories checked against the source agency’s catalogue', () => {
  it.each([
    ['an unknown category', [{ source: 'POLICE', categories: ['INCIDENTS', 'EVERYTHING'] }], 'input.provisions[0].categories[1]'],
    ['another agency’s category', [{ source: 'SOCIAL_SERVICES', categories: ['GROUP'] }, { source: 'SCHOOL', categories: ['INCIDENTS'] }], 'input.provisions[1].categories[0]'],
    ['an agency that holds no data', [{ source: 'CHILD_PSYCHIATRY', categories: ['JOURNAL'] }], 'input.provisions[0].source'],
  ])('refuses %s, naming it, and stores nothing', async (_name, provisions, field) => {
    const id = await createActiveCase(platform, []);
    const before = await consentRows(id);
    const res = await record(id, { ...renewal([{ party: 'YOUNG_PERSON', name: 'Y' }, { party: 'GUARDIAN', name: 'G', personalNumber: personalNumberAged(45) }]), provisions });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await consentRows(id)).toBe(before);
  });
});
