import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { load } from '../../loaders';
import { Case, Consent } from '../../model';

/** The current consent of a case. */
@Resolver(() => Case)
export class CaseConsentFields {
  @FieldResolver(() => Consent, { nullable: true, description: 'The current consent (samtycke), the highest version. Category SOCIAL_SERVICES/CONSENT.' })
  consent(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.currentConsent(ctx, c.id);
  }
}
