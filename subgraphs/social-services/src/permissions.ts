import { Agency, forbidden } from '@sig/platform/access';
import { accessLogOf, actorRule, aggregateData, allow, caseEntry, caseScoped, caseWrite, publicData, reachedThroughGuards, statisticsReader } from '@sig/platform/guard';

/**
 * The social-services subgraph's permission table: every case-scoped field with its category.
 * Fields not named here are denied.
 */
const category = (name: string) => ({ source: Agency.SOCIAL_SERVICES, category: name });
export const SOCIAL_SERVICES_CATEGORIES = {
  CASE: category('CASE'),
  IDENTITY: category('IDENTITY'),
  GROUP: category('GROUP'),
  CONSENT: category('CONSENT'),
  MEETINGS: category('MEETINGS'),
  ACTION_PLAN: category('ACTION_PLAN'),
  INTERVENTIONS: category('INTERVENTIONS'),
} as const;
const C = SOCIAL_SERVICES_CATEGORIES;

const ofCase = (parent: { id: string }) => parent.id;
const argCase = (_: unknown, args: { caseId: string }) => args.caseId;

/** Proposals come from social services or the police (DOMAIN.md, step 1). */
const mayPropose = actorRule('may-propose', (ctx) =>
  ctx.actor.agency === Agency.SOCIAL_SERVICES || ctx.actor.agency === Agency.POLICE ? true : forbidden('NOT_OWN_AGENCY'),
);

export const permissions = {
  Query: {
    case: caseEntry(C.CASE, (_: unknown, args: { id: string }) => args.id),
    // Filtered in the resolver to the cases the actor may see.
    cases: allow,
    // Filtered in the resolver to the cases the actor may see, like `cases`.
    casesOfYoungPerson: allow,
    districts: allow,
    statistics: statisticsReader,
  },
  // Aggregates only, small-cell protected; every field needs the statistics role.
  StatisticsReport: statisticsReader,
  StatisticsCohort: aggregateData,
  DistrictStatistics: aggregateData,
  MonthStatistics: aggregateData,
  ClosureReasonCount: aggregateData,
  AgeGroupCount: aggregateData,
  AgencyParticipation: aggregateData,
  AgencyActions: aggregateData,
  StatisticCount: aggregateData,
  StatisticFigure: aggregateData,
  Case: {
    '*': caseScoped(C.CASE, ofCase),
    id: allow,
    youngPerson: caseScoped(C.IDENTITY, ofCase),
    members: caseScoped(C.GROUP, ofCase),
    consent: caseScoped(C.CONSENT, ofCase),
    consentRenewal: caseScoped(C.CONSENT, ofCase),
    meetings: caseScoped(C.MEETINGS, ofCase),
    nextMeetingDue: caseScoped(C.MEETINGS, ofCase),
    meetingOverdue: caseScoped(C.MEETINGS, ofCase),
    actionPlan: caseScoped(C.ACTION_PLAN, ofCase),
    interventions: caseScoped(C.INTERVENTIONS, ofCase),
    accessLog: accessLogOf(Agency.SOCIAL_SERVICES, ofCase),
    duplicateProposals: caseScoped(C.CASE, ofCase),
  },
  AccessLogEntry: reachedThroughGuards,
  // Reachable only through the guarded Case fields and mutations.
  YoungPerson: reachedThroughGuards,
  AgeException: reachedThroughGuards,
  GroupMember: reachedThroughGuards,
  Consent: reachedThroughGuards,
  ConsentSignatory: reachedThroughGuards,
  ConsentProvision: reachedThroughGuards,
  ConsentWithdrawal: reachedThroughGuards,
  Meeting: reachedThroughGuards,
  MeetingAttendee: reachedThroughGuards,
  ActionPlan: reachedThroughGuards,
  PlanGoal: reachedThroughGuards,
  PlanAction: reachedThroughGuards,
  ActionFollowUp: reachedThroughGuards,
  Intervention: reachedThroughGuards,
  DuplicateProposal: reachedThroughGuards,
  District: publicData,
  Mutation: {
    proposeCase: mayPropose,
    startAssessment: caseWrite(C.CASE, argCase),
    activateCase: caseWrite(C.CASE, argCase),
    closeCase: caseWrite(C.CASE, argCase),
    recordConsent: caseWrite(C.CONSENT, argCase),
    signConsent: caseWrite(C.CONSENT, argCase),
    withdrawConsent: caseWrite(C.CONSENT, argCase),
    addGroupMember: caseWrite(C.GROUP, argCase),
    removeGroupMember: caseWrite(C.GROUP, argCase),
    scheduleMeeting: caseWrite(C.MEETINGS, argCase),
    recordMeetingHeld: caseWrite(C.MEETINGS, argCase),
    saveActionPlan: caseWrite(C.ACTION_PLAN, argCase),
    // Decided as a read of the plan (so that neither the payload nor a version number reaches an actor
    // who may not read the plan); the resolver then lets only the responsible agency or the coordinator write.
    updateActionStatus: caseScoped(C.ACTION_PLAN, argCase),
    closeDuplicateProposal: caseWrite(C.CASE, argCase),
    grantIntervention: caseWrite(C.INTERVENTIONS, argCase),
  },
};
