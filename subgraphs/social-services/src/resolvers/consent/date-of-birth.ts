import type { SubgraphContext } from '@sig/platform/request';
import { load } from '../../loaders';

/** The young person's date of birth, which a consent's status depends on (guardians sign while under 18). */
export async function dateOfBirthOf(ctx: SubgraphContext, caseId: string): Promise<string> {
  const c = await load.case(ctx, caseId);
  return (await load.youngPerson(ctx, c!.youngPersonId))!.dateOfBirth;
}
