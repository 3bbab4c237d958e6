import { describe, expect, it } from 'vitest';
import {
  addMonths,
  consentDateProblem,
  consentInForce,
  consentMaxMonths,
  consentStatus,
  eighteenthBirthday,
  expiresInDays,
  missingSignatures,
  needsRenewalBy,
  type ConsentData,
} from '../../src/access';

type Version = ConsentData & { consentVersion: number };
const DOB_16 = '2010-03-01'; // 16 on 2026-06-01, 18 on 2028-03-01
const DOB_17 = '2009-03-01'; // 18 on 2027-03-01
const TODAY = '2026-06-01';

const version = (consentVersion: number, signedOn: (string | null)[], over: Partial<ConsentData> = {}): Version => ({
  consentVersion,
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  signatories: [
    { id: 'yp', party: 'YOUNG_PERSON', name: 'Noah Abdi', signedOn: signedOn[0] ?? null },
    { id: 'g1', party: 'GUARDIAN', name: 'Amal Abdi', personalNumber: '198001011234', signedOn: signedOn[1] ?? null },
    { id: 'g2', party: 'GUARDIAN', name: 'Amal Abdi', personalNumber: '198202021234', signedOn: signedOn[2] ?? null },
  ],
  provisions: [{ source: 'POLICE', categories: ['INCIDENTS'], recipients: null }],
  withdrawals: [],
  ...over,
});
const signed = (n: number, on = '2026-01-10', over: Partial<ConsentData> = {}) => version(n, [on, on, on], over);
const withdrawn = (v: Version, on: string, sources: string[] | null = null): Version => ({ ...v, withdrawals: [{ withdrawnBy: 'Amal Abdi', withdrawnById: 'g1', withdrawnOn: on, sources }] });

describe('the version in force (consentInForce)', () => {
  const cases: [string, Version[], number | null][] = [
    ['no consent at all', [], null],
    ['a single unsigned version (the newest, pending)', [version(1, [])], 1],
    ['a single fully signed version', [signed(1)], 1],
    ['a renewal not yet fully signed: the previous version stays in force', [signed(1), version(2, ['2026-05-01', '2026-05-01'])], 1],
    ['a renewal fully signed takes effect', [signed(1), signed(2, '2026-05-01')], 2],
    ['a renewal unsigned after the previous expired: the previous stays (EXPIRED)', [signed(1, '2025-06-01', { validFrom: '2025-06-01', validUntil: '2026-05-01' }), version(2, [])], 1],
    ['two unsigned versions: the newest', [version(1, []), version(2, [])], 2],
    ['a withdrawn version is not revived by a new one signed before the withdrawal', [withdrawn(signed(1), '2026-05-01'), signed(2, '2026-04-20')], 1],
    ['nor by one signed on the day of the withdrawal', [withdrawn(signed(1), '2026-05-01'), signed(2, '2026-05-01')], 1],
    ['a new version signed after the withdrawal takes effect', [withdrawn(signed(1), '2026-05-01'), signed(2, '2026-05-02')], 2],
    ['one signature after the withdrawal is not enough', [withdrawn(signed(1), '2026-05-01'), version(2, ['2026-05-02', '2026-05-02', '2026-04-30'])], 1],
    ['a partial withdrawal counts too', [withdrawn(signed(1), '2026-05-01', ['POLICE']), signed(2, '2026-04-30')], 1],
    ['versions in any order', [signed(2, '2026-05-01'), signed(1)], 2],
  ];
  it.each(cases)('%s', (_name, versions, expected) => {
    expect(consentInForce(versions, DOB_16, TODAY)?.consentVersion ?? null).toBe(expected);
  });

  it('the withdrawn version in force keeps its WITHDRAWN status', () => {
    const inForce = consentInForce([withdrawn(signed(1), '2026-05-01'), signed(2, '2026-04-20')], DOB_16, TODAY)!;
    expect(consentStatus(inForce, DOB_16, TODAY)).toBe('WITHDRAWN');
  });
});

describe('the 18th birthday', () => {
  const birthday = eighteenthBirthday(DOB_17); // 2027-03-01
  const cases: [string, Version, string, string[]][] = [
    ['under 18: both guardians must sign', version(1, ['2026-05-01', '2026-05-01']), '2026-06-01', ['Amal Abdi has not signed']],
    ['under 18: everyone signed', signed(1, '2026-05-01'), '2026-06-01', []],
    ['18: guardians no longer needed, but the young person must sign as an adult', version(1, ['2026-05-01', '2026-05-01'], { validUntil: '2027-04-30' }), '2027-03-01', ['Noah Abdi is 18 and must sign as an adult (guardians are no longer parties)']],
    ['18: the young person signed again as an adult', version(1, ['2027-03-01'], { validUntil: '2027-04-30' }), '2027-03-02', []],
    ['18: no guardians on the consent, signed before 18', { ...version(1, ['2026-05-01']), signatories: [{ id: 'yp', party: 'YOUNG_PERSON', name: 'Noah Abdi', signedOn: '2026-05-01' }] }, '2027-03-02', ['a guardian must sign while the young person is under 18'].slice(1)],
  ];
  it.each(cases)('%s', (_name, consent, today, missing) => {
    expect(missingSignatures(consent, DOB_17, today)).toEqual(missing);
  });

  it('a consent resting on guardians that spans the birthday needs renewal by it', () => {
    expect(birthday).toBe('2027-03-01');
    expect(needsRenewalBy(signed(1, '2026-05-01', { validUntil: '2027-04-30' }), DOB_17)).toBe('2027-03-01');
    expect(needsRenewalBy(signed(1, '2026-05-01', { validUntil: '2027-02-28' }), DOB_17)).toBeNull();
    expect(needsRenewalBy(version(1, ['2027-03-01'], { validUntil: '2027-04-30' }), DOB_17)).toBeNull();
    expect(needsRenewalBy({ ...signed(1), signatories: [{ party: 'YOUNG_PERSON', name: 'N', signedOn: '2026-01-10' }] }, DOB_17)).toBeNull();
  });

  it('a 29 February birthday: the 18th falls on 28 February in a common year', () => {
    expect(eighteenthBirthday('2008-02-29')).toBe('2026-02-28');
  });
});

describe('expires in N days', () => {
  it.each([
    ['ACTIVE, 213 days left', signed(1), '2026-06-01', 213],
    ['on its last day', signed(1), '2026-12-31', 0],
    ['expired', signed(1), '2027-01-01', null],
    ['withdrawn', withdrawn(signed(1), '2026-05-01'), '2026-06-01', null],
    ['pending: the days still count', version(1, []), '2026-06-01', 213],
  ] as [string, Version, string, number | null][])('%s', (_name, consent, today, days) => {
    expect(expiresInDays(consent, DOB_16, today)).toBe(days);
  });
});

describe('consent dates (consentDateProblem)', () => {
  const opts = { recordedOn: '2026-06-01', today: '2026-06-01', dateOfBirth: DOB_17, maxMonths: 12, signatureField: (i: number) => `input.signatories[${i}].signedOn` };
  const c = (validFrom: string, validUntil: string, dates: (string | null)[]) => ({ validFrom, validUntil, signatories: version(1, dates).signatories });
  const cases: [string, ReturnType<typeof c>, Partial<typeof opts>, string | null][] = [
    ['all signed today, one year', c('2026-06-01', '2027-06-01', ['2026-06-01', '2026-06-01', '2026-06-01']), {}, null],
    ['unsigned, starting later', c('2026-07-01', '2027-07-01', []), {}, null],
    ['a signature in the future', c('2026-06-01', '2027-01-01', ['2026-06-02']), {}, 'input.signatories[0].signedOn'],
    ['a signature before the consent was recorded', c('2026-06-01', '2027-01-01', [null, '2026-05-31']), {}, 'input.signatories[1].signedOn'],
    ['validity over the ceiling', c('2026-06-01', '2027-06-02', []), {}, 'input.validUntil'],
    ['a configured ceiling of 6 months', c('2026-06-01', '2026-12-02', []), { maxMonths: 6 }, 'input.validUntil'],
    ['valid until before valid from', c('2026-06-01', '2026-05-01', []), {}, 'input.validUntil'],
    ['fully signed but validity starts after the last signature', c('2026-06-02', '2027-01-01', ['2026-06-01', '2026-06-01', '2026-06-01']), {}, 'input.validFrom'],
    ['a guardian signing on the 18th birthday', c('2027-03-01', '2027-06-01', [null, '2027-03-01']), { recordedOn: '2027-03-01', today: '2027-03-01' }, 'input.signatories[1].signedOn'],
    ['signed later than recorded (a renewal signed next week)', c('2026-06-01', '2027-01-01', ['2026-06-08']), { today: '2026-06-08' }, null],
  ];
  it.each(cases)('%s', (_name, consent, over, field) => {
    expect(consentDateProblem(consent, { ...opts, ...over })?.field ?? null).toBe(field);
  });
});

describe('configuration and calendar', () => {
  it.each([
    [{}, 12],
    [{ SIG_CONSENT_MAX_MONTHS: '6' }, 6],
    [{ SIG_CONSENT_MAX_MONTHS: '' }, 12],
  ] as [Record<string, string>, number][])('SIG_CONSENT_MAX_MONTHS %j → %i', (env, months) => {
    expect(consentMaxMonths(env)).toBe(months);
  });
  it.each(['0', '-1', '1.5', 'twelve', '121'])('refuses SIG_CONSENT_MAX_MONTHS=%s', (value) => {
    expect(() => consentMaxMonths({ SIG_CONSENT_MAX_MONTHS: value })).toThrow(/SIG_CONSENT_MAX_MONTHS/);
  });
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-06-01', 12, '2027-06-01'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-11-15', 3, '2027-02-15'],
  ] as [string, number, string][])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('a signature added to a recorded version (signaturesOnly)', () => {
  it('checks the signature, not the validity', () => {
    const consent = { validFrom: '2026-01-01', validUntil: '2027-12-31', signatories: [{ party: 'YOUNG_PERSON' as const, name: 'N', signedOn: '2026-06-01' }] };
    const opts = { recordedOn: '2026-05-01', today: '2026-06-01', dateOfBirth: DOB_16, maxMonths: 12, signatureField: () => 'signedOn', signaturesOnly: true };
    expect(consentDateProblem(consent, opts)).toBeNull();
    expect(consentDateProblem({ ...consent, signatories: [{ ...consent.signatories[0], signedOn: '2026-06-02' }] }, opts)?.field).toBe('signedOn');
  });
});
