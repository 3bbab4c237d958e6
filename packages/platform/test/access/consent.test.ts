import { describe, expect, it } from 'vitest';
import { consentStatus, missingSignatures, type ConsentData } from '../../src/access';

const base = (over: Partial<ConsentData> = {}): ConsentData => ({
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  signatories: [
    { party: 'YOUNG_PERSON', name: 'Noah Abdi', signedOn: '2026-01-01' },
    { party: 'GUARDIAN', name: 'Amal Abdi', signedOn: '2026-01-01' },
    { party: 'GUARDIAN', name: 'Hassan Abdi', signedOn: '2026-01-01' },
  ],
  provisions: [{ source: 'POLICE', categories: ['INCIDENTS'], recipients: null }],
  withdrawals: [],
  ...over,
});
const DOB_17 = '2009-03-01'; // 17 on 2026-06-01
const DOB_19 = '2007-03-01';

describe('derived consent status', () => {
  it('is ACTIVE when every required party has signed and it is within validity', () => {
    expect(consentStatus(base(), DOB_17, '2026-06-01')).toBe('ACTIVE');
  });

  it('is PENDING for a 17-year-old when one of two guardians has not signed', () => {
    const consent = base({ signatories: base().signatories.map((s) => (s.name === 'Hassan Abdi' ? { ...s, signedOn: null } : s)) });
    expect(consentStatus(consent, DOB_17, '2026-06-01')).toBe('PENDING');
    expect(missingSignatures(consent, DOB_17, '2026-06-01')).toEqual(['Hassan Abdi has not signed']);
  });

  it('needs no guardian once the young person is 18', () => {
    const consent = base({ signatories: [{ party: 'YOUNG_PERSON', name: 'Noah Abdi', signedOn: '2026-01-01' }] });
    expect(consentStatus(consent, DOB_19, '2026-06-01')).toBe('ACTIVE');
    expect(consentStatus(consent, DOB_17, '2026-06-01')).toBe('PENDING');
  });

  it('is PENDING when the young person has not signed', () => {
    const consent = base({ signatories: base().signatories.map((s) => (s.party === 'YOUNG_PERSON' ? { ...s, signedOn: null } : s)) });
    expect(consentStatus(consent, DOB_17, '2026-06-01')).toBe('PENDING');
  });

  it('is EXPIRED the day after valid-until, with no job to flip it', () => {
    expect(consentStatus(base(), DOB_17, '2026-12-31')).toBe('ACTIVE');
    expect(consentStatus(base(), DOB_17, '2027-01-01')).toBe('EXPIRED');
  });

  it('is PENDING before valid-from', () => {
    expect(consentStatus(base({ validFrom: '2026-07-01' }), DOB_17, '2026-06-01')).toBe('PENDING');
  });

  it('is WITHDRAWN from the day of a full withdrawal, but not by a partial one', () => {
    const full = base({ withdrawals: [{ withdrawnBy: 'Amal Abdi', withdrawnOn: '2026-05-01', sources: null }] });
    expect(consentStatus(full, DOB_17, '2026-04-30')).toBe('ACTIVE');
    expect(consentStatus(full, DOB_17, '2026-05-01')).toBe('WITHDRAWN');
    const partial = base({ withdrawals: [{ withdrawnBy: 'Amal Abdi', withdrawnOn: '2026-05-01', sources: ['POLICE'] }] });
    expect(consentStatus(partial, DOB_17, '2026-06-01')).toBe('ACTIVE');
  });
});
