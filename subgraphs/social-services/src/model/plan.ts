import 'reflect-metadata';
import { defineEntity, p } from '@mikro-orm/postgresql';
import { Agency } from '@sig/platform/access';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ACTION_STATUSES, ActionStatus, PLAN_TEMPLATES, PlanTemplate } from '../enums';

@ObjectType({ description: 'A version of the individual action plan (åtgärdsplan).' })
export class ActionPlan {
  @Field(() => ID, { description: 'Identifier of this plan version.' })
  id!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  @Field(() => Int, { description: 'Plan version; the highest is current.' })
  planVersion!: number;
  @Field(() => PlanTemplate, { description: 'Which of the two city templates the plan follows.' })
  template!: PlanTemplate;
  @Field(() => Date, { description: 'When this version was made.' })
  createdAt!: Date;
  @Field(() => String, { description: 'Who made it.' })
  createdBy!: string;
}
export const ActionPlanSchema = defineEntity({
  class: ActionPlan,
  tableName: 'action_plan',
  uniques: [{ properties: ['caseId', 'planVersion'] }],
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    planVersion: p.integer(),
    template: p.enum([...PLAN_TEMPLATES]),
    createdAt: p.datetime(),
    createdBy: p.string().length(200),
  },
});

@ObjectType({ description: 'A goal (mål) or sub-goal (delmål) of an action plan.' })
export class PlanGoal {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  planId!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  @Field(() => ID, { nullable: true, description: 'The goal this is a sub-goal of; null for a main goal.' })
  parentGoalId?: string | null;
  @Field(() => String, { description: 'What the goal is.' })
  description!: string;
  @Field(() => Int, { description: 'Order within the plan.' })
  position!: number;
}
export const PlanGoalSchema = defineEntity({
  class: PlanGoal,
  tableName: 'plan_goal',
  properties: {
    id: p.uuid().primary(),
    planId: p.uuid().index(),
    caseId: p.uuid().index(),
    parentGoalId: p.uuid().nullable(),
    description: p.text(),
    position: p.integer(),
  },
});

@ObjectType({ description: 'An action (åtgärd) of the plan, with exactly one responsible agency.' })
export class PlanAction {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The goal it serves.' })
  goalId!: string;
  planId!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  @Field(() => String, { description: 'What is to be done.' })
  description!: string;
  @Field(() => Agency, { description: 'The one responsible agency (ansvarig verksamhet).' })
  responsibleAgency!: Agency;
  @Field(() => String, { description: 'The responsible person.' })
  responsiblePerson!: string;
  @Field(() => String, { description: 'Due date (ISO date).' })
  dueDate!: string;
  @Field(() => ActionStatus, { description: 'Status.' })
  status!: ActionStatus;
  @Field(() => Int, { description: 'Optimistic-lock version; pass it back when changing the status.' })
  version!: number;
}
export const PlanActionSchema = defineEntity({
  class: PlanAction,
  tableName: 'plan_action',
  properties: {
    id: p.uuid().primary(),
    goalId: p.uuid().index(),
    planId: p.uuid().index(),
    caseId: p.uuid().index(),
    description: p.text(),
    responsibleAgency: p.enum(Object.values(Agency)),
    responsiblePerson: p.string().length(200),
    dueDate: p.string().columnType('date').index(),
    status: p.enum([...ACTION_STATUSES]),
    version: p.integer().version(),
  },
});

@ObjectType({ description: 'A follow-up (uppföljning) of an action at a network meeting.' })
export class ActionFollowUp {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The action followed up.' })
  actionId!: string;
  caseId!: string;
  @Field(() => ID, { nullable: true, description: 'The meeting where it was followed up.' })
  meetingId?: string | null;
  @Field(() => ActionStatus, { description: 'Status recorded at the follow-up.' })
  status!: ActionStatus;
  @Field(() => String, { description: 'Note.' })
  note!: string;
  @Field(() => Date, { description: 'When it was recorded.' })
  recordedAt!: Date;
  @Field(() => String, { description: 'Who recorded it.' })
  recordedBy!: string;
}
export const ActionFollowUpSchema = defineEntity({
  class: ActionFollowUp,
  tableName: 'action_follow_up',
  properties: {
    id: p.uuid().primary(),
    actionId: p.uuid().index(),
    caseId: p.uuid().index(),
    meetingId: p.uuid().nullable(),
    status: p.enum([...ACTION_STATUSES]),
    note: p.text(),
    recordedAt: p.datetime(),
    recordedBy: p.string().length(200),
  },
});
