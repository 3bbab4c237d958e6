/**
 * Deny provisions and purposes (issue 16, "Consent": "Provisions may also exclude (a deny
 * provision, as in FHIR Consent) and carry a purpose") through the real gateway: a DENY provision
 * excludes what a PERMIT provision covers, for the named recipients only; a consent needs a PERMIT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActiveCase, daysFromToday, expectNoErrors, GUARDIAN_PERSONAL_NUMBER, today } from './support/cases';
import { startTestPlatform, type TestPlatform } from './support/platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

const SCHOOL = `query($id: ID!) { case(id: $id) { school { attendance { id } supportMeasures { id } } } }`;

describe('a deny provision', () => {
  it('excludes school support measures for the police, while leisure reads both', async () => {
    const id = await createActiveCase(platform, ['police-officer', 'school-counsellor', 'leisure-worker'], [
      { source: 'SOCIAL_SERVICES', categories: ['GROUP'] },
      { type: 'PERMIT', source: 'SCHOOL', categories: ['ATTENDANCE', 'SUPPORT'], purpose: 'SIG_COLLABORATION' },
      { type: 'DENY', source: 'SCHOOL', categories: ['SUPPORT'], recipients: ['POLICE'] },
    ] as never);
    expectNoErrors(
      await platform.query('school-counsellor', `mutation($id: ID!) { recordAttendance(caseId: $id, input: { periodStart: "2026-01-01", periodEnd: "2026-01-31", attendancePercent: 70, unexcusedAbsencePercent: 10 }) { id } }`, { id }),
    );
    expectNoErrors(
      await platform.query('school-counsellor', `mutation($id: ID!) { recordSupportMeasure(caseId: $id, input: { kind: SPECIAL_SUPPORT, description: "Åtgärdsprogram", fromDate: "2026-01-01" }) { id } }`, { id }),
    );

    const police = await platform.query('police-officer', SCHOOL, { id });
    expect(police.body.data.case.school.attendance).toHaveLength(1);
    expect(police.body.data.case.school.supportMeasures).toBeNull();
    expect(police.body.errors).toEqual([
      expect.objectContaining({ path: ['case', 'school', 'supportMeasures'], extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'CATEGORY_NOT_COVERED' }) }),
    ]);

    const leisure = expectNoErrors<any>(await platform.query('leisure-worker', SCHOOL, { id }));
    expect(leisure.case.school.attendance).toHaveLength(1);
    expect(leisure.case.school.supportMeasures).toHaveLength(1);

    // The provisions read back with their type and purpose (category CONSENT).
    const consent = expectNoErrors<any>(await platform.query('social-worker', `query($id: ID!) { case(id: $id) { consent { provisions { type source categories recipients purpose } } } }`, { id }));
    expect(consent.case.consent.provisions).toEqual([
      { type: 'PERMIT', source: 'SOCIAL_SERVICES', categories: ['GROUP'], recipients: null, purpose: null },
      { type: 'PERMIT', source: 'SCHOOL', categories: ['ATTENDANCE', 'SUPPORT'], recipients: null, purpose: 'SIG_COLLABORATION' },
      { type: 'DENY', source: 'SCHOOL', categories: ['SUPPORT'], recipients: ['POLICE'], purpose: null },
    ]);
  });

  it('is checked against the catalogue, and a consent of deny provisions alone is refused', async () => {
    const id = await createActiveCase(platform, ['police-officer']);
    const RECORD = `mutation($id: ID!, $input: ConsentInput!) { recordConsent(caseId: $id, input: $input) { id } }`;
    const input = (provisions: unknown[]) => ({
      validFrom: today(),
      validUntil: daysFromToday(300),
      formReference: 'SAMTYCKE-DENY',
      signatories: [
        { party: 'YOUNG_PERSON', name: 'Test Testsson', signedOn: today() },
        { party: 'GUARDIAN', name: 'Vera Testsson', personalNumber: GUARDIAN_PERSONAL_NUMBER, signedOn: today() },
      ],
      provisions,
    });
    const unknown = await platform.query('social-worker', RECORD, { id, input: input([{ source: 'SCHOOL', categories: ['ATTENDANCE'] }, { type: 'DENY', source: 'SCHOOL', categories: ['EVERYTHING'] }]) });
    expect(unknown.body.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.provisions[1].categories[0]' }));
    const denyOnly = await platform.query('social-worker', RECORD, { id, input: input([{ type: 'DENY', source: 'SCHOOL', categories: ['SUPPORT'] }]) });
    expect(denyOnly.body.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.provisions' }));
  });
});
