import 'reflect-metadata';
import { defineEntity, p, type OptionalProps } from '@mikro-orm/postgresql';
import { AccessLogEntrySchema, Agency } from '@sig/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  ActionStatus,
  CaseStatusValue,
  ClosureReason,
  GroupRoleValue,
  InterventionKind,
  MeetingStatus,
  PlanTemplate,
  SignatoryPartyValue,
  TargetGroupValue,
} from './enums';

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as T[keyof T][];

@ObjectType({ description: 'A city district (stadsdel) of Stockholm.' })
export class District {
  @Field(() => ID, { description: 'Stable code, e.g. "spanga-tensta".' })
  code!: string;
  @Field(() => String, { description: 'Name, e.g. "Spånga-Tensta".' })
  name!: string;
}

/**
 * The young person as recorded in one case (den unge). Each proposal records the person as the
 * proposer gave them, even when the personal number is already known from a case elsewhere: what a
 * proposer reads back then depends only on what they sent, never on records they may not see.
 */
@ObjectType({ description: 'The young person a case is about (den unge), as recorded in this case.' })
export class YoungPerson {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => String, { description: 'Swedish personal identity number, twelve digits (personnummer).' })
  personalNumber!: string;
  @Field(() => String, { description: 'Given name (förnamn).' })
  givenName!: string;
  @Field(() => String, { description: 'Family name (efternamn).' })
  familyName!: string;
  @Field(() => String, { description: 'Date of birth (ISO date), from the personal number.' })
  dateOfBirth!: string;
  @Field(() => String, { description: 'District code of the home district.' })
  district!: string;
}
export const YoungPersonSchema = defineEntity({
  class: YoungPerson,
  tableName: 'young_person',
  properties: {
    id: p.uuid().primary(),
    personalNumber: p.string().length(12).index(),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    dateOfBirth: p.string().columnType('date'),
    district: p.string().length(40),
  },
});

@ObjectType({ description: 'A documented exception from the target-group age (avsteg i enskilt ärende).' })
export class AgeException {
  @Field(() => String, { description: 'Written justification.' })
  justification!: string;
  @Field(() => String, { description: 'Who approved the exception.' })
  approvedBy!: string;
}

@ObjectType({ description: 'A SIG case (ärende): one social intervention group around one young person.' })
@Directive('@key(fields: "id")')
export class Case {
  @Field(() => ID, { description: 'Identifier of the case.' })
  id!: string;
  youngPersonId!: string;
  @Field(() => String, { nullable: true, description: 'District code (stadsdel) responsible for the case.' })
  district!: string;
  @Field(() => CaseStatusValue, { nullable: true, description: 'Lifecycle status.' })
  status!: CaseStatusValue;
  @Field(() => TargetGroupValue, { nullable: true, description: 'SIG Unga (12–19) or SIG unga vuxna (20–29).' })
  targetGroup!: TargetGroupValue;
  @Field(() => String, { nullable: true, description: 'Why the young person was proposed.' })
  proposalReason!: string;
  @Field(() => Agency, { nullable: true, description: 'The agency that proposed the case.' })
  proposedByAgency!: Agency;
  @Field(() => String, { nullable: true, description: 'Who proposed the case.' })
  proposedByName!: string;
  @Field(() => String, { nullable: true, description: 'Date of the proposal (ISO date).' })
  proposedOn!: string;
  @Field(() => String, { nullable: true, description: 'Date the assessment started (ISO date).' })
  assessmentStartedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Date the group became active (ISO date).' })
  activatedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Date the case was closed (ISO date).' })
  closedOn?: string | null;
  @Field(() => ClosureReason, { nullable: true, description: 'Why the case was closed.' })
  closureReason?: ClosureReason | null;
  ageExceptionJustification?: string | null;
  ageExceptionApprovedBy?: string | null;
  /** Optimistic-lock version: a stale write is refused. */
  version!: number;
}
export const CaseSchema = defineEntity({
  class: Case,
  tableName: 'sig_case',
  properties: {
    id: p.uuid().primary(),
    youngPersonId: p.uuid().index(),
    district: p.string().length(40).index(),
    status: p.enum(values(CaseStatusValue)).index(),
    targetGroup: p.enum(values(TargetGroupValue)),
    proposalReason: p.text(),
    proposedByAgency: p.enum(values(Agency)),
    proposedByName: p.string().length(200),
    proposedOn: p.string().columnType('date').index(),
    assessmentStartedOn: p.string().columnType('date').nullable(),
    activatedOn: p.string().columnType('date').nullable().index(),
    closedOn: p.string().columnType('date').nullable().index(),
    closureReason: p.enum(values(ClosureReason)).nullable(),
    ageExceptionJustification: p.text().nullable(),
    ageExceptionApprovedBy: p.string().length(200).nullable(),
    version: p.integer().version(),
  },
});

@ObjectType({ description: "A member of a case's group (deltagare i insatsgruppen)." })
export class GroupMember {
  @Field(() => ID, { description: 'Identifier of the membership.' })
  id!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  @Field(() => Agency, { description: 'The agency the member represents.' })
  agency!: Agency;
  @Field(() => ID, { description: 'The person (identity-provider subject).' })
  personId!: string;
  @Field(() => String, { description: "The person's name." })
  personName!: string;
  @Field(() => GroupRoleValue, { description: 'Role in the group: samordnare, lots or deltagare.' })
  role!: GroupRoleValue;
  @Field(() => String, { description: 'Member from this date (ISO date).' })
  fromDate!: string;
  @Field(() => String, { nullable: true, description: 'Member until this date, exclusive (ISO date); null while current.' })
  untilDate?: string | null;
  /** Who recorded the membership (identity-provider subject); null on memberships recorded before 2026-12. */
  addedById?: string | null;
  @Field(() => String, { nullable: true, description: 'Who recorded the membership (name); never the member.' })
  addedByName?: string | null;
  @Field(() => String, { nullable: true, description: 'Why the member was added (the decision).' })
  addedReason?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the membership was recorded.' })
  addedAt?: Date | null;
  endedById?: string | null;
  @Field(() => String, { nullable: true, description: 'Who ended the membership (name); never the member.' })
  endedByName?: string | null;
  @Field(() => String, { nullable: true, description: 'Why the membership was ended.' })
  endedReason?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the end was recorded.' })
  endedAt?: Date | null;
}
export const GroupMemberSchema = defineEntity({
  class: GroupMember,
  tableName: 'group_member',
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    agency: p.enum(values(Agency)),
    personId: p.string().length(100).index(),
    personName: p.string().length(200),
    role: p.enum(values(GroupRoleValue)),
    fromDate: p.string().columnType('date'),
    untilDate: p.string().columnType('date').nullable(),
    addedById: p.string().length(100).nullable(),
    addedByName: p.string().length(200).nullable(),
    addedReason: p.text().nullable(),
    addedAt: p.datetime().nullable(),
    endedById: p.string().length(100).nullable(),
    endedByName: p.string().length(200).nullable(),
    endedReason: p.text().nullable(),
    endedAt: p.datetime().nullable(),
  },
});

/**
 * A proposal of a young person who already had an open case elsewhere: routed to that case, whose
 * social services decide. The proposer is not told (that would reveal the other case).
 */
@ObjectType({ description: 'A later proposal of the same young person (same personal number), routed to this open case for social services to decide on.' })
export class DuplicateProposal {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  /** The open case it was routed to. */
  caseId!: string;
  @Field(() => ID, { description: 'The case the proposal created.' })
  proposalCaseId!: string;
  @Field(() => String, { description: 'District code of the proposal.' })
  district!: string;
  @Field(() => Agency, { description: 'The proposing agency.' })
  proposedByAgency!: Agency;
  @Field(() => String, { description: 'Who proposed.' })
  proposedByName!: string;
  @Field(() => Date, { description: 'When the proposal was made.' })
  recordedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When social services closed the proposal as a duplicate; null while undecided.' })
  resolvedAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Who closed it.' })
  resolvedBy?: string | null;
}
export const DuplicateProposalSchema = defineEntity({
  class: DuplicateProposal,
  tableName: 'duplicate_proposal',
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    proposalCaseId: p.uuid().index(),
    district: p.string().length(40),
    proposedByAgency: p.enum(values(Agency)),
    proposedByName: p.string().length(200),
    recordedAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
    resolvedBy: p.string().length(200).nullable(),
  },
});

@ObjectType({ description: 'One signatory of a consent.' })
export class ConsentSignatory {
  @Field(() => SignatoryPartyValue, { description: 'Young person or guardian.' })
  party!: SignatoryPartyValue;
  @Field(() => String, { description: 'Name of the signatory.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Date signed (ISO date); null while not signed.' })
  signedOn!: string | null;
}

@ObjectType({ description: 'What one source agency may disclose to the group under the consent.' })
export class ConsentProvision {
  @Field(() => Agency, { description: 'The agency whose secrecy the provision lifts.' })
  source!: Agency;
  @Field(() => [String], { description: 'Categories of that agency\'s data covered, e.g. INCIDENTS, ATTENDANCE.' })
  categories!: string[];
  @Field(() => [Agency], { nullable: true, description: 'Recipient agencies, if narrowed; null means every agency in the group.' })
  recipients!: Agency[] | null;
}

@ObjectType({ description: 'A withdrawal (återkallelse) of a consent, in full or for some source agencies.' })
export class ConsentWithdrawal {
  @Field(() => String, { description: 'The signatory who withdrew.' })
  withdrawnBy!: string;
  @Field(() => String, { description: 'Date of the withdrawal (ISO date).' })
  withdrawnOn!: string;
  @Field(() => [Agency], { nullable: true, description: 'Source agencies withdrawn; null means the whole consent.' })
  sources!: Agency[] | null;
}

@ObjectType({ description: 'Consent (samtycke) to share information within the group, one version of it.' })
export class Consent {
  @Field(() => ID, { description: 'Identifier of this consent version.' })
  id!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  @Field(() => Int, { description: 'Version number; the highest is the current consent.' })
  consentVersion!: number;
  @Field(() => String, { description: 'Valid from (ISO date).' })
  validFrom!: string;
  @Field(() => String, { description: 'Valid until, inclusive (ISO date).' })
  validUntil!: string;
  @Field(() => String, { description: "Reference to the signed form (the city's common consent form)." })
  formReference!: string;
  @Field(() => [ConsentSignatory], { description: 'Who must sign, and who has.' })
  signatories!: ConsentSignatory[];
  @Field(() => [ConsentProvision], { description: 'What may be shared.' })
  provisions!: ConsentProvision[];
  @Field(() => [ConsentWithdrawal], { description: 'Withdrawals recorded on this consent.' })
  withdrawals!: ConsentWithdrawal[];
  @Field(() => Date, { description: 'When this version was recorded.' })
  recordedAt!: Date;
  @Field(() => String, { description: 'Who recorded it.' })
  recordedBy!: string;
  /** Optimistic-lock version of the row: signatures and withdrawals change it; a stale write is refused. */
  rowVersion!: number;
  declare [OptionalProps]?: 'rowVersion';
}
export const ConsentSchema = defineEntity({
  class: Consent,
  tableName: 'consent',
  uniques: [{ properties: ['caseId', 'consentVersion'] }],
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    consentVersion: p.integer(),
    validFrom: p.string().columnType('date'),
    validUntil: p.string().columnType('date'),
    formReference: p.string().length(100),
    signatories: p.json<ConsentSignatory[]>(),
    provisions: p.json<ConsentProvision[]>(),
    withdrawals: p.json<ConsentWithdrawal[]>(),
    recordedAt: p.datetime(),
    recordedBy: p.string().length(200),
    rowVersion: p.integer().version(),
  },
});

@ObjectType({ description: 'Someone who took part in a network meeting.' })
export class MeetingAttendee {
  @Field(() => Agency, { nullable: true, description: 'The agency represented; null for the young person and family.' })
  agency!: Agency | null;
  @Field(() => String, { description: 'Name of the attendee.' })
  name!: string;
}

@ObjectType({ description: 'A network meeting (nätverksmöte) with all actors, the young person and the parents.' })
export class Meeting {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  @Field(() => MeetingStatus, { description: 'Planned, held or cancelled.' })
  status!: MeetingStatus;
  @Field(() => Date, { description: 'When the meeting is planned for.' })
  plannedFor!: Date;
  @Field(() => String, { nullable: true, description: 'Date it was held (ISO date).' })
  heldOn?: string | null;
  @Field(() => [MeetingAttendee], { description: 'Who attended.' })
  attendees!: MeetingAttendee[];
  @Field(() => String, { nullable: true, description: 'Minutes (minnesanteckningar).' })
  minutes?: string | null;
}
export const MeetingSchema = defineEntity({
  class: Meeting,
  tableName: 'meeting',
  // Statistics: meetings held per case, and the meetings of the last weeks.
  indexes: [{ properties: ['caseId', 'heldOn'] }, { properties: ['heldOn'] }],
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    status: p.enum(values(MeetingStatus)),
    plannedFor: p.datetime(),
    heldOn: p.string().columnType('date').nullable(),
    attendees: p.json<MeetingAttendee[]>(),
    minutes: p.text().nullable(),
  },
});

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
    template: p.enum(values(PlanTemplate)),
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
    responsibleAgency: p.enum(values(Agency)),
    responsiblePerson: p.string().length(200),
    dueDate: p.string().columnType('date').index(),
    status: p.enum(values(ActionStatus)),
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
    status: p.enum(values(ActionStatus)),
    note: p.text(),
    recordedAt: p.datetime(),
    recordedBy: p.string().length(200),
  },
});

@ObjectType({ description: 'An intervention granted alongside the SIG (beviljad insats).' })
export class Intervention {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  @Field(() => InterventionKind, { description: 'Kind of intervention.' })
  kind!: InterventionKind;
  @Field(() => String, { description: 'Date granted (ISO date).' })
  grantedOn!: string;
  @Field(() => String, { nullable: true, description: 'Date ended (ISO date).' })
  endedOn?: string | null;
}
export const InterventionSchema = defineEntity({
  class: Intervention,
  tableName: 'intervention',
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    kind: p.enum(values(InterventionKind)),
    grantedOn: p.string().columnType('date'),
    endedOn: p.string().columnType('date').nullable(),
  },
});

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
