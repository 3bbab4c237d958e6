/**
 * What a consent's provisions disclose to one recipient (`disclosedTo`): PERMIT provisions disclose,
 * DENY provisions exclude (deny wins, as FHIR Consent's nested provisions are usually used), a
 * purpose changes nothing, and older rows without a type read as PERMIT. Through `computeGrants`
 * too, which is what the gateway sends.
 */
import { describe, expect, it } from 'vitest';
import { computeGrants, disclosedTo, provisionType, type ConsentData, type ConsentProvisionData } from '../../src/access';

const TODAY = '2026-06-01';
const consentWith = (provisions: ConsentProvisionData[], withdrawals: ConsentData['withdrawals'] = []): ConsentData => ({
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  signatories: [
    { party: 'YOUNG_PERSON', name: 'Noah Abdi', signedOn: '2026-01-01' },
    { party: 'GUARDIAN', name: 'Amal Abdi', signedOn: '2026-01-01' },
  ],
  provisions,
  withdrawals,
});
const permit = (source: string, categories: string[], recipients: string[] | null = null, extra: Partial<ConsentProvisionData> = {}): ConsentProvisionData => ({ type: 'PERMIT', source, categories, recipients, ...extra });
const deny = (source: string, categories: string[], recipients: string[] | null = null): ConsentProvisionData => ({ type: 'DENY', source, categories, recipients });
/** A row stored before provisions had a type or a purpose. */
const legacy = (source: string, categories: string[], recipients: string[] | null = null) => ({ source, categories, recipients }) as ConsentProvisionData;

describe('disclosedTo: permit and deny provisions', () => {
  const cases: { name: string; provisions: ConsentProvisionData[]; withdrawals?: ConsentData['withdrawals']; recipient: string; expected: Record<string, string[]> }[] = [
    { name: 'a permit discloses its categories to everyone', provisions: [permit('SCHOOL', ['ATTENDANCE', 'SUPPORT'])], recipient: 'POLICE', expected: { SCHOOL: ['ATTENDANCE', 'SUPPORT'] } },
    { name: 'an old row without a type reads as PERMIT', provisions: [legacy('SCHOOL', ['ATTENDANCE'])], recipient: 'POLICE', expected: { SCHOOL: ['ATTENDANCE'] } },
    { name: 'a permit narrowed to others discloses nothing', provisions: [permit('SCHOOL', ['ATTENDANCE'], ['LEISURE'])], recipient: 'POLICE', expected: {} },
    {
      name: 'a deny for the recipient excludes a category the permit covers',
      provisions: [permit('SCHOOL', ['ATTENDANCE', 'SUPPORT']), deny('SCHOOL', ['SUPPORT'], ['POLICE'])],
      recipient: 'POLICE',
      expected: { SCHOOL: ['ATTENDANCE'] },
    },
    {
      name: 'a deny for another recipient leaves this one alone',
      provisions: [permit('SCHOOL', ['ATTENDANCE', 'SUPPORT']), deny('SCHOOL', ['SUPPORT'], ['POLICE'])],
      recipient: 'LEISURE',
      expected: { SCHOOL: ['ATTENDANCE', 'SUPPORT'] },
    },
    {
      name: 'a deny for everyone excludes for everyone',
      provisions: [permit('SCHOOL', ['ATTENDANCE', 'SUPPORT']), deny('SCHOOL', ['SUPPORT'])],
      recipient: 'LEISURE',
      expected: { SCHOOL: ['ATTENDANCE'] },
    },
    {
      name: 'deny wins whatever the order',
      provisions: [deny('SCHOOL', ['SUPPORT'], ['POLICE']), permit('SCHOOL', ['SUPPORT'], ['POLICE']), permit('SCHOOL', ['ATTENDANCE', 'SUPPORT'])],
      recipient: 'POLICE',
      expected: { SCHOOL: ['ATTENDANCE'] },
    },
    {
      name: 'a source whose every category is denied is left out',
      provisions: [permit('SCHOOL', ['SUPPORT']), permit('POLICE', ['INCIDENTS']), deny('SCHOOL', ['SUPPORT'])],
      recipient: 'LEISURE',
      expected: { POLICE: ['INCIDENTS'] },
    },
    {
      name: 'a deny names a source and category: the same category name of another source is not denied',
      provisions: [permit('POLICE', ['CONTACTS']), permit('LEISURE', ['CONTACTS']), deny('LEISURE', ['CONTACTS'])],
      recipient: 'SCHOOL',
      expected: { POLICE: ['CONTACTS'] },
    },
    { name: 'a deny alone discloses nothing', provisions: [deny('SCHOOL', ['SUPPORT'])], recipient: 'POLICE', expected: {} },
    {
      name: 'a purpose changes nothing',
      provisions: [permit('SCHOOL', ['ATTENDANCE'], null, { purpose: 'FOLLOW_UP' }), permit('POLICE', ['INCIDENTS'], null, { purpose: 'SIG_COLLABORATION' })],
      recipient: 'LEISURE',
      expected: { SCHOOL: ['ATTENDANCE'], POLICE: ['INCIDENTS'] },
    },
    {
      name: 'an unknown type excludes (fails closed)',
      provisions: [permit('SCHOOL', ['ATTENDANCE', 'SUPPORT']), { ...deny('SCHOOL', ['SUPPORT']), type: 'MAYBE' as never }],
      recipient: 'POLICE',
      expected: { SCHOOL: ['ATTENDANCE'] },
    },
    {
      name: 'a withdrawn source discloses nothing, a deny notwithstanding',
      provisions: [permit('SCHOOL', ['ATTENDANCE']), permit('POLICE', ['INCIDENTS']), deny('POLICE', ['CONTACTS'])],
      withdrawals: [{ withdrawnBy: 'Amal Abdi', withdrawnOn: '2026-05-01', sources: ['SCHOOL'] }],
      recipient: 'LEISURE',
      expected: { POLICE: ['INCIDENTS'] },
    },
  ];
  it.each(cases)('$name', ({ provisions, withdrawals, recipient, expected }) => {
    expect(disclosedTo(consentWith(provisions, withdrawals), recipient, TODAY)).toEqual(expected);
  });
});

describe('provisionType', () => {
  it.each([
    [{ type: 'PERMIT' }, 'PERMIT'],
    [{ type: 'DENY' }, 'DENY'],
    [{}, 'PERMIT'],
    [{ type: null }, 'PERMIT'],
    [{ type: 'OTHER' }, 'DENY'],
  ])('%j reads as %s', (provision, expected) => {
    expect(provisionType(provision as never)).toBe(expected);
  });
});

describe('the grants follow the provisions', () => {
  const consent = consentWith([permit('SCHOOL', ['ATTENDANCE', 'SUPPORT']), deny('SCHOOL', ['SUPPORT'], ['POLICE'])]);
  const record = { caseId: 'k1', role: 'MEMBER' as const, dateOfBirth: '2009-03-01', consent, caseActive: true };
  it.each([
    ['POLICE', { SCHOOL: ['ATTENDANCE'] }],
    ['LEISURE', { SCHOOL: ['ATTENDANCE', 'SUPPORT'] }],
  ])('%s is granted %j', (agency, expected) => {
    const grants = computeGrants({ id: `p-${agency}`, name: 'X', agency, unit: 'u', roles: [] } as never, [record], TODAY);
    expect(grants.cases.k1.shared).toEqual(expected);
  });
});
