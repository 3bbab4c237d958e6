/**
 * The social-services resolvers, one folder per aggregate. type-graphql lists a type's fields, and
 * the Query and Mutation fields, in the order their decorators ran, that is in the order of the
 * imports below: it is the order of the published SDL (schema/social-services.graphql), so keep it.
 */
export { CaseQueries } from './case/case.queries';
export { ProposalQueries } from './case/proposal.queries';
// Case fields: its own parts, then each aggregate reached from it, as the SDL lists them.
export { CaseFields } from './case/case.fields';
export { CaseMembersFields } from './group/case-members.fields';
export { CaseConsentFields } from './consent/case-consent.fields';
export { CaseMeetingsFields } from './meeting/case-meetings.fields';
export { CasePlanFields } from './plan/case-plan.fields';
export { CaseAccessLogFields } from './case/case-access-log.fields';
export { CaseInterventionsFields } from './intervention/case-interventions.fields';
export { DuplicateProposalFields } from './group/duplicate-proposal.fields';
export { ConsentFields, ConsentProvisionFields } from './consent/consent.fields';
export { ActionPlanFields, PlanActionFields, PlanGoalFields } from './plan/plan.fields';
// Mutations in the order of the case's steps.
export { CaseIntakeMutations } from './case/case-intake.mutations';
export { ConsentMutations } from './consent/consent.mutations';
export { GroupMutations } from './group/group.mutations';
export { CaseDecisionMutations } from './case/case-decision.mutations';
export { MeetingMutations } from './meeting/meeting.mutations';
export { PlanMutations } from './plan/plan.mutations';
export { InterventionMutations } from './intervention/intervention.mutations';
export { DuplicateProposalMutations } from './group/duplicate-proposal.mutations';
export { referenceResolvers } from './case/case.reference';
