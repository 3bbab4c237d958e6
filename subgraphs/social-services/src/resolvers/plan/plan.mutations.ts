import { randomUUID } from 'node:crypto';
import { badInput, notFound, requireIsoDate, requireText, requireUuid, todayIso } from '@sig/platform/access';
import { type SubgraphContext, commitWrite, refuseWrite } from '@sig/platform/request';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { actsAsCoordinator } from '../../domain/intake';
import { ActionStatus, CaseStatus } from '../../enums';
import { load } from '../../loaders';
import { ActionFollowUp, ActionPlan, Meeting, PlanAction, PlanGoal } from '../../model';
import { SOCIAL_SERVICES_CATEGORIES as C } from '../../permissions';
import { caseForWrite } from '../case/case-write';
import { ActionPlanInput } from './plan.inputs';

/** The action plan (åtgärdsplan): new versions, and each action's status and follow-ups. */
@Resolver()
export class PlanMutations {
  @Mutation(() => ActionPlan, { description: 'Records a new version of the action plan (åtgärdsplan): goals, sub-goals and actions.' })
  async saveActionPlan(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => ActionPlanInput, { description: 'The plan.' }) input: ActionPlanInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ActionPlan> {
    const c = await caseForWrite(ctx, caseId);
    if (c.status === CaseStatus.CLOSED) throw badInput('caseId', 'the case is closed');
    if (input.goals.length === 0) throw badInput('input.goals', 'at least one goal is required');
    const current = await load.currentPlan(ctx, caseId);
    const plan = ctx.em.create(ActionPlan, { id: randomUUID(), caseId, planVersion: (current?.planVersion ?? 0) + 1, template: input.template, createdAt: new Date(), createdBy: ctx.actor.name });
    let position = 0;
    input.goals.forEach((g, i) => {
      const goal = ctx.em.create(PlanGoal, { id: randomUUID(), planId: plan.id, caseId, parentGoalId: null, description: requireText(`input.goals[${i}].description`, g.description, 2000), position: position++ });
      g.subGoals.forEach((s, j) => {
        ctx.em.create(PlanGoal, { id: randomUUID(), planId: plan.id, caseId, parentGoalId: goal.id, description: requireText(`input.goals[${i}].subGoals[${j}]`, s, 2000), position: position++ });
      });
      g.actions.forEach((a, j) => {
        ctx.em.create(PlanAction, {
          id: randomUUID(),
          goalId: goal.id,
          planId: plan.id,
          caseId,
          description: requireText(`input.goals[${i}].actions[${j}].description`, a.description, 2000),
          responsibleAgency: a.responsibleAgency,
          responsiblePerson: requireText(`input.goals[${i}].actions[${j}].responsiblePerson`, a.responsiblePerson, 200),
          dueDate: requireIsoDate(`input.goals[${i}].actions[${j}].dueDate`, a.dueDate),
          status: ActionStatus.OPEN,
        } as any);
      });
    });
    await commitWrite(ctx);
    return plan;
  }

  @Mutation(() => PlanAction, { description: "Changes an action's status, optionally as a follow-up at a meeting. Only the responsible agency or the coordinator may, and only while the actor may read the action plan (as in a query)." })
  async updateActionStatus(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('actionId', () => ID, { description: 'The action.' }) actionId: string,
    @Arg('status', () => ActionStatus, { description: 'New status.' }) status: ActionStatus,
    @Arg('expectedVersion', () => Int, { description: 'The action version you read; a stale write is refused.' }) expectedVersion: number,
    @Ctx() ctx: SubgraphContext,
    @Arg('note', () => String, { nullable: true, description: 'Follow-up note.' }) note?: string | null,
    @Arg('meetingId', () => ID, { nullable: true, description: 'The meeting where it was followed up.' }) meetingId?: string | null,
  ): Promise<PlanAction> {
    const action = await ctx.em.findOne(PlanAction, { id: requireUuid('actionId', actionId), caseId });
    if (!action) throw notFound('Action');
    const role = ctx.grants.cases[caseId]?.role;
    // The coordinator, or in a group with only a lots ("enbart lots", seed 003) the lots, follows up every action.
    const coordinates = role === 'COORDINATOR' || (role === 'LOTS' && actsAsCoordinator(role, await hasCurrentCoordinator(ctx, caseId)));
    if (ctx.actor.agency !== action.responsibleAgency && !coordinates) throw refuseWrite(ctx, caseId, C.ACTION_PLAN, 'NOT_OWN_AGENCY');
    if (action.version !== expectedVersion) {
      throw new GraphQLError(`Action was changed by someone else (version ${action.version}, you sent ${expectedVersion}); reload and try again`, { extensions: { code: 'CONFLICT', currentVersion: action.version } });
    }
    if (meetingId && !(await ctx.em.findOne(Meeting, { id: requireUuid('meetingId', meetingId), caseId }))) throw badInput('meetingId', 'no such meeting in this case');
    action.status = status;
    ctx.em.create(ActionFollowUp, { id: randomUUID(), actionId, caseId, meetingId: meetingId ?? null, status, note: note ? requireText('note', note, 4000) : '', recordedAt: new Date(), recordedBy: ctx.actor.name });
    await commitWrite(ctx);
    return action;
  }
}

/** Whether the group has a coordinator today (otherwise a lots does the coordinator's tasks). */
async function hasCurrentCoordinator(ctx: SubgraphContext, caseId: string): Promise<boolean> {
  const today = todayIso();
  return (await load.members(ctx, caseId)).some((m) => m.role === 'COORDINATOR' && m.fromDate <= today && (!m.untilDate || m.untilDate > today));
}
