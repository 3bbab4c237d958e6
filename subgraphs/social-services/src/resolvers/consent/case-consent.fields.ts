import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { load } from '../../loaders';
import { Case, Consent } from '../../model';

/** The current consent of a case. */
@Resolver(() => Case)
export class CaseConsentFields {
  @FieldResolver(() => Consent, { nullable: true, description: 'The consent (samtycke) in force: the highest fully signed version (a renewal takes effect only when fully signed; a version recorded after a withdrawal only with signatures dated after it); the newest version while none is. Category SOCIAL_SERVICES/CONSENT.' })
  consent(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.currentConsent(ctx, c.id);
  }

  @FieldResolver(() => Consent, { nullable: true, description: 'A newer consent version not (yet) in force, e.g. a renewal awaiting signatures; null when the newest version is in force. Category SOCIAL_SERVICES/CONSENT.' })
  async consentRenewal(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<Consent | null> {
    const [inForce, newest] = await Promise.all([load.currentConsent(ctx, c.id), load.newestConsent(ctx, c.id)]);
    return newest && newest.id !== inForce?.id ? newest : null;
  }
}
