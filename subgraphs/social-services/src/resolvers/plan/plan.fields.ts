import { todayIso } from '@sig/platform/access';
import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { load } from '../../loaders';
import { ActionFollowUp, ActionPlan, PlanAction, PlanGoal } from '../../model';

/** The plan's tree: main goals, their sub-goals and actions, and each action's follow-ups. */
@Resolver(() => ActionPlan)
export class ActionPlanFields {
  @FieldResolver(() => [PlanGoal], { description: 'Main goals (mål); sub-goals hang under each.' })
  async goals(@Root() plan: ActionPlan, @Ctx() ctx: SubgraphContext) {
    return (await load.goals(ctx, plan.id)).filter((g) => !g.parentGoalId);
  }
}

@Resolver(() => PlanGoal)
export class PlanGoalFields {
  @FieldResolver(() => [PlanGoal], { description: 'Sub-goals (delmål).' })
  async subGoals(@Root() goal: PlanGoal, @Ctx() ctx: SubgraphContext) {
    return (await load.goals(ctx, goal.planId)).filter((g) => g.parentGoalId === goal.id);
  }

  @FieldResolver(() => [PlanAction], { description: 'Actions (åtgärder) for this goal.' })
  actions(@Root() goal: PlanGoal, @Ctx() ctx: SubgraphContext) {
    return load.actions(ctx, goal.id);
  }
}

@Resolver(() => PlanAction)
export class PlanActionFields {
  @FieldResolver(() => [ActionFollowUp], { description: 'Follow-ups of this action at network meetings.' })
  followUps(@Root() action: PlanAction, @Ctx() ctx: SubgraphContext) {
    return load.followUps(ctx, action.id);
  }

  @FieldResolver(() => Boolean, { description: 'True when the due date has passed and the action is neither done nor cancelled.' })
  late(@Root() action: PlanAction): boolean {
    return (action.status === 'OPEN' || action.status === 'IN_PROGRESS') && action.dueDate < todayIso();
  }
}
