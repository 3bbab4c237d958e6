import { ActorRole, Agency, forbidden } from '@sig/platform/access';
import { PROPOSING_AGENCIES } from './domain/intake';
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

/**
 * Proposals come from the SSPF agencies: social services, police, school and leisure (seed 003:
 * "vanligtvis polis eller socialtjänst", usually, not only). The proposer follows its own proposals.
 */
const mayPropose = actorRule('may-propose', (ctx) => (PROPOSING_AGENCIES.includes(ctx.actor.agency) ? true : forbidden('NOT_OWN_AGENCY')));
/** The district's incoming proposals: its social-services district supervisor, who sees every case of the district. */
const districtSupervisor = actorRule('district-supervisor', (ctx) =>
  ctx.actor.agency === Agency.SOCIAL_SERVICES && ctx.actor.roles.includes(ActorRole.DISTRICT_SUPERVISOR) ? true : forbidden('ROLE_REQUIRED'),
);

export const permissions = {
  Query: {
    case: caseEntry(C.CASE, (_: unknown, args: { id: string }) => args.id),
    // Filtered in the resolver to the cases the actor may see.
    cases: allow,
    // Filtered in the resolver to the cases the actor may see, like `cases`.
    casesOfYoungPerson: allow,
    districts: allow,
    // The actor's own proposals only (filtered by the proposer's id in the resolver), each a stage.
    myProposals: mayPropose,
    incomingProposals: districtSupervisor,
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
  // What a proposer sent and a coarse stage; built only by `myProposals` from the actor's own proposals.
  OwnProposal: allow,
  Mutation: {
    proposeCase: mayPropose,
    startAssessment: caseWrite(C.CASE, argCase),
    // Own agency (social services) here; the resolver lets only a district supervisor other than the proposer.
    approveAgeException: caseWrite(C.CASE, argCase),
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
