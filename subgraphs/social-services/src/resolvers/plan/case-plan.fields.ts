import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { load } from '../../loaders';
import { ActionPlan, Case } from '../../model';

/** The current action plan of a case. */
@Resolver(() => Case)
export class CasePlanFields {
  @FieldResolver(() => ActionPlan, { nullable: true, description: 'The current action plan (åtgärdsplan). Category SOCIAL_SERVICES/ACTION_PLAN.' })
  actionPlan(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.currentPlan(ctx, c.id);
  }
}
