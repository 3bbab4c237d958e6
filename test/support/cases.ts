import { addDays, todayIso } from '@sig/platform/access';
import { PERSONAS, type PersonaName } from '@sig/platform/dev';
import { makePersonalNumber } from '../../subgraphs/social-services/src/domain/personal-number';
import type { TestPlatform } from './platform';

let serial = 100;
/** A valid personal number of someone `age` years old today, unique within the run. */
export function personalNumberAged(age: number): string {
  const today = new Date();
  const dob = `${today.getUTCFullYear() - age}-01-15`;
  serial = (serial + 7) % 1000;
  return makePersonalNumber(dob, serial);
}

/** Today in the platform's calendar (Swedish dates): a UTC date is yesterday's between 22 or 23 and midnight UTC. */
/** The guardian on every consent `createActiveCase` records: a party identified by personal number. */
export const GUARDIAN_PERSONAL_NUMBER = makePersonalNumber('1980-05-05', 123);

export const today = () => todayIso();
export const daysFromToday = (days: number) => addDays(todayIso(), days);

/** Fails the test with the GraphQL errors when a response has any. */
export function expectNoErrors<T>(res: { body: { data?: T | null; errors?: unknown[] } }): T {
  if (res.body.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.body.errors, null, 2)}`);
  return res.body.data as T;
}

/**
 * Proposes a case as the social worker (who becomes coordinator), starts the assessment, adds the
 * given personas as members, records a consent signed by everyone with the given provisions (by
 * default one that shares nothing but the group's membership), and activates the group.
 */
export async function createActiveCase(
  platform: TestPlatform,
  members: PersonaName[] = ['police-officer', 'school-counsellor', 'leisure-worker'],
  provisions: { source: string; categories: string[]; recipients?: string[] }[] = [{ source: 'SOCIAL_SERVICES', categories: ['GROUP'] }],
) {
  const proposed = expectNoErrors<{ proposeCase: { id: string } }>(
    await platform.query('social-worker', `mutation($input: ProposeCaseInput!) { proposeCase(input: $input) { id } }`, {
      input: { personalNumber: personalNumberAged(16), givenName: 'Test', familyName: 'Testsson', district: 'spanga-tensta', targetGroup: 'SIG_UNGA', referralSource: 'SOCIAL_SERVICES', reason: 'E2E test case' },
    }),
  );
  const caseId = proposed.proposeCase.id;
  expectNoErrors(await platform.query('social-worker', `mutation($id: ID!) { startAssessment(caseId: $id) { id } }`, { id: caseId }));
  for (const name of members) {
    const persona = PERSONAS[name];
    expectNoErrors(
      await platform.query('social-worker', `mutation($id: ID!, $input: GroupMemberInput!) { addGroupMember(caseId: $id, input: $input) { id } }`, {
        id: caseId,
        input: { agency: persona.agency, personId: persona.id, personName: persona.name, role: 'MEMBER', fromDate: today(), reason: 'E2E test member' },
      }),
    );
  }
  expectNoErrors(
    await platform.query('social-worker', `mutation($id: ID!, $input: ConsentInput!) { recordConsent(caseId: $id, input: $input) { id } }`, {
      id: caseId,
      input: {
        validFrom: today(),
        validUntil: daysFromToday(365),
        formReference: 'SAMTYCKE-E2E',
        signatories: [
          { party: 'YOUNG_PERSON', name: 'Test Testsson', signedOn: today() },
          { party: 'GUARDIAN', name: 'Vera Testsson', personalNumber: GUARDIAN_PERSONAL_NUMBER, signedOn: today() },
        ],
        provisions,
      },
    }),
  );
  expectNoErrors(await platform.query('social-worker', `mutation($id: ID!) { activateCase(caseId: $id, grounds: "E2E test decision") { id status } }`, { id: caseId }));
  return caseId;
}
