import { Agency, forbidden } from '@sig/platform';
import { actorRule, allow, caseEntry, caseScoped } from '@sig/platform/guard';

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
    case: caseEntry((_: unknown, args: { id: string }) => args.id),
    // Filtered in the resolver to the cases the actor may see.
    cases: allow,
    districts: allow,
  },
  Case: {
    '*': caseScoped(C.CASE, ofCase),
    id: allow,
    youngPerson: caseScoped(C.IDENTITY, ofCase),
    members: caseScoped(C.GROUP, ofCase),
    consent: caseScoped(C.CONSENT, ofCase),
    meetings: caseScoped(C.MEETINGS, ofCase),
    nextMeetingDue: caseScoped(C.MEETINGS, ofCase),
    meetingOverdue: caseScoped(C.MEETINGS, ofCase),
    actionPlan: caseScoped(C.ACTION_PLAN, ofCase),
    interventions: caseScoped(C.INTERVENTIONS, ofCase),
  },
  // Reachable only through the guarded Case fields and mutations.
  YoungPerson: allow,
  AgeException: allow,
  GroupMember: allow,
  Consent: allow,
  ConsentSignatory: allow,
  ConsentProvision: allow,
  ConsentWithdrawal: allow,
  Meeting: allow,
  MeetingAttendee: allow,
  ActionPlan: allow,
  PlanGoal: allow,
  PlanAction: allow,
  ActionFollowUp: allow,
  Intervention: allow,
  District: allow,
  Mutation: {
    proposeCase: mayPropose,
    startAssessment: caseScoped(C.CASE, argCase),
    activateCase: caseScoped(C.CASE, argCase),
    closeCase: caseScoped(C.CASE, argCase),
    recordConsent: caseScoped(C.CONSENT, argCase),
    signConsent: caseScoped(C.CONSENT, argCase),
    addGroupMember: caseScoped(C.GROUP, argCase),
    removeGroupMember: caseScoped(C.GROUP, argCase),
    scheduleMeeting: caseScoped(C.MEETINGS, argCase),
    recordMeetingHeld: caseScoped(C.MEETINGS, argCase),
    saveActionPlan: caseScoped(C.ACTION_PLAN, argCase),
    // Any group member may try; the resolver lets only the responsible agency or the coordinator through.
    updateActionStatus: caseEntry(argCase),
    grantIntervention: caseScoped(C.INTERVENTIONS, argCase),
  },
};
