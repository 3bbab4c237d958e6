import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { load } from '../../loaders';
import { Case, Intervention } from '../../model';

/** The interventions granted alongside the SIG. */
@Resolver(() => Case)
export class CaseInterventionsFields {
  @FieldResolver(() => [Intervention], { nullable: true, description: 'Interventions granted alongside the SIG (insatser). Category SOCIAL_SERVICES/INTERVENTIONS.' })
  interventions(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.interventions(ctx, c.id);
  }
}
