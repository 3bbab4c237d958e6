import 'reflect-metadata';
import { defineEntity, p } from '@mikro-orm/postgresql';
import { Agency } from '@sig/platform/access';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CASE_STATUSES, CaseStatus, CLOSURE_REASONS, ClosureReason, REFERRAL_SOURCES, ReferralSource, TARGET_GROUPS, TargetGroup } from '../enums';

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

@ObjectType({ description: 'A documented exception from the target-group age (avsteg i enskilt ärende): proposed with a justification and what was tried first, approved by a district supervisor of social services other than the proposer.' })
export class AgeException {
  @Field(() => String, { description: 'Written justification.' })
  justification!: string;
  @Field(() => String, { nullable: true, description: 'What was tried first (other interventions), as the proposer recorded it; null for exceptions recorded before it was asked.' })
  triedFirst?: string | null;
  @Field(() => Boolean, { description: 'Whether a district supervisor has approved the exception; until then the case cannot leave PROPOSED.' })
  approved!: boolean;
  @Field(() => String, { nullable: true, description: 'Who approved the exception (name, from the approver\'s verified identity); null while pending.' })
  approvedBy?: string | null;
  @Field(() => String, { nullable: true, description: 'Date of the approval (ISO date); null while pending, and for approvals recorded before the date was.' })
  approvedOn?: string | null;
}

@ObjectType({ description: 'A SIG case (ärende): one social intervention group around one young person.' })
@Directive('@key(fields: "id")')
export class Case {
  @Field(() => ID, { description: 'Identifier of the case.' })
  id!: string;
  youngPersonId!: string;
  @Field(() => String, { nullable: true, description: 'District code (stadsdel) responsible for the case.' })
  district!: string;
  @Field(() => CaseStatus, { nullable: true, description: 'Lifecycle status.' })
  status!: CaseStatus;
  @Field(() => TargetGroup, { nullable: true, description: 'SIG Unga or SIG unga vuxna (age bands from configuration; by default 12–20 and 20–29).' })
  targetGroup!: TargetGroup;
  @Field(() => String, { nullable: true, description: 'Why the young person was proposed.' })
  proposalReason!: string;
  @Field(() => Agency, { nullable: true, description: 'The agency that proposed the case.' })
  proposedByAgency!: Agency;
  @Field(() => String, { nullable: true, description: 'Who proposed the case.' })
  proposedByName!: string;
  @Field(() => String, { nullable: true, description: 'Date of the proposal (ISO date).' })
  proposedOn!: string;
  @Field(() => ReferralSource, { nullable: true, description: 'Where the concern behind the proposal came from; null for proposals recorded before it was asked.' })
  referralSource?: ReferralSource | null;
  /** The proposer's person id (the token's subject): who sees the proposal's stage in `myProposals`. */
  proposedById?: string | null;
  @Field(() => String, { nullable: true, description: 'Date the assessment started (ISO date).' })
  assessmentStartedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Date the group became active (ISO date).' })
  activatedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Date the case was closed (ISO date).' })
  closedOn?: string | null;
  @Field(() => ClosureReason, { nullable: true, description: 'Why the case was closed.' })
  closureReason?: ClosureReason | null;
  activatedById?: string | null;
  @Field(() => String, { nullable: true, description: 'Who decided to activate the group (name); the decision is recorded with its grounds (biståndsbeslut).' })
  activatedByName?: string | null;
  @Field(() => String, { nullable: true, description: 'The grounds of the activation decision.' })
  activationGrounds?: string | null;
  @Field(() => String, { nullable: true, description: 'Why the group started before it was registered here, for a group registered with an earlier start date (`activatedOn`).' })
  startedBeforeRegistration?: string | null;
  closedById?: string | null;
  @Field(() => String, { nullable: true, description: 'Who decided to close the case (name).' })
  closedByName?: string | null;
  @Field(() => String, { nullable: true, description: 'The grounds of the closure decision, beside its reason.' })
  closureNote?: string | null;
  ageExceptionJustification?: string | null;
  ageExceptionApprovedBy?: string | null;
  ageExceptionTriedFirst?: string | null;
  ageExceptionApprovedById?: string | null;
  ageExceptionApprovedOn?: string | null;
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
    status: p.enum([...CASE_STATUSES]).index(),
    targetGroup: p.enum([...TARGET_GROUPS]),
    proposalReason: p.text(),
    proposedByAgency: p.enum(Object.values(Agency)),
    proposedByName: p.string().length(200),
    proposedOn: p.string().columnType('date').index(),
    referralSource: p.enum([...REFERRAL_SOURCES]).nullable(),
    proposedById: p.string().length(100).nullable().index(),
    assessmentStartedOn: p.string().columnType('date').nullable(),
    activatedOn: p.string().columnType('date').nullable().index(),
    closedOn: p.string().columnType('date').nullable().index(),
    closureReason: p.enum([...CLOSURE_REASONS]).nullable(),
    activatedById: p.string().length(100).nullable(),
    activatedByName: p.string().length(200).nullable(),
    activationGrounds: p.text().nullable(),
    startedBeforeRegistration: p.text().nullable(),
    closedById: p.string().length(100).nullable(),
    closedByName: p.string().length(200).nullable(),
    closureNote: p.text().nullable(),
    ageExceptionJustification: p.text().nullable(),
    ageExceptionApprovedBy: p.string().length(200).nullable(),
    ageExceptionTriedFirst: p.text().nullable(),
    ageExceptionApprovedById: p.string().length(100).nullable(),
    ageExceptionApprovedOn: p.string().columnType('date').nullable(),
    version: p.integer().version(),
  },
});
