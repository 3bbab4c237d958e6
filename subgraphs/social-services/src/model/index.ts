import { AccessLogEntrySchema } from '@sig/platform/access-log';
// In the order the types were always defined (one file before): case, group, consent, meeting, plan, intervention.
import { Case, CaseSchema, YoungPerson, YoungPersonSchema } from './case';
import { DuplicateProposal, DuplicateProposalSchema, GroupMember, GroupMemberSchema } from './group';
import { Consent, ConsentSchema } from './consent';
import { Meeting, MeetingSchema } from './meeting';
import { ActionFollowUp, ActionFollowUpSchema, ActionPlan, ActionPlanSchema, PlanAction, PlanActionSchema, PlanGoal, PlanGoalSchema } from './plan';
import { Intervention, InterventionSchema } from './intervention';

/** The social-services model: one file per aggregate; entity classes double as GraphQL object types. */
export { AgeException, District } from './case';
export { ConsentProvision, ConsentSignatory, ConsentWithdrawal } from './consent';
export { MeetingAttendee } from './meeting';
export { ActionFollowUp, ActionPlan, Case, Consent, DuplicateProposal, GroupMember, Intervention, Meeting, PlanAction, PlanGoal, YoungPerson };

/** The entities in the order MikroORM has always been given them. */
export const entities = [
  YoungPersonSchema,
  CaseSchema,
  GroupMemberSchema,
  DuplicateProposalSchema,
  ConsentSchema,
  MeetingSchema,
  ActionPlanSchema,
  PlanGoalSchema,
  PlanActionSchema,
  ActionFollowUpSchema,
  InterventionSchema,
  AccessLogEntrySchema,
];
