import { todayIso, consentStatus, missingSignatures } from '@sig/platform/access';
import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ConsentStatus } from '../../enums';
import { Consent } from '../../model';
import { dateOfBirthOf } from './date-of-birth';

/** What a consent's status is today: derived, never stored. */
@Resolver(() => Consent)
export class ConsentFields {
  @FieldResolver(() => ConsentStatus, { description: 'Derived status today: PENDING, ACTIVE, EXPIRED or WITHDRAWN.' })
  async status(@Root() consent: Consent, @Ctx() ctx: SubgraphContext): Promise<ConsentStatus> {
    return consentStatus(consent, await dateOfBirthOf(ctx, consent.caseId), todayIso());
  }

  @FieldResolver(() => [String], { description: 'What still keeps the consent pending (missing signatures).' })
  async missingSignatures(@Root() consent: Consent, @Ctx() ctx: SubgraphContext): Promise<string[]> {
    return missingSignatures(consent, await dateOfBirthOf(ctx, consent.caseId), todayIso());
  }
}
