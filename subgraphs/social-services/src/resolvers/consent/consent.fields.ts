import { todayIso, consentStatus, expiresInDays, missingSignatures, needsRenewalBy, provisionType } from '@sig/platform/access';
import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ConsentStatus, ProvisionType } from '../../enums';
import { Consent, ConsentProvision } from '../../model';
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

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The date by which the consent needs renewal because guardians stop being parties: the young person's 18th birthday, when it falls within the validity and the consent rests on guardians' signatures (from then the young person's own signature, as an adult, is needed). Null otherwise.",
  })
  async needsRenewalBy(@Root() consent: Consent, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return needsRenewalBy(consent, await dateOfBirthOf(ctx, consent.caseId));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Days until the consent expires (0 on its last valid day); null once expired or withdrawn.' })
  async expiresInDays(@Root() consent: Consent, @Ctx() ctx: SubgraphContext): Promise<number | null> {
    return expiresInDays(consent, await dateOfBirthOf(ctx, consent.caseId), todayIso());
  }
}

/** A provision's type: stored since deny provisions; older rows have none and read as PERMIT. */
@Resolver(() => ConsentProvision)
export class ConsentProvisionFields {
  @FieldResolver(() => ProvisionType, { description: 'PERMIT discloses the categories; DENY excludes them (for the named recipients, or the whole group) even where a PERMIT provision covers them: deny wins.' })
  type(@Root() provision: ConsentProvision): ProvisionType {
    return provisionType(provision);
  }
}
