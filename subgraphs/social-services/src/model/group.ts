import 'reflect-metadata';
import { defineEntity, p } from '@mikro-orm/postgresql';
import { Agency } from '@sig/platform/access';
import { Field, ID, ObjectType } from 'type-graphql';
import { GROUP_ROLES, GroupRole } from '../enums';

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
  @Field(() => GroupRole, { description: 'Role in the group: samordnare, lots or deltagare.' })
  role!: GroupRole;
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
    agency: p.enum(Object.values(Agency)),
    personId: p.string().length(100).index(),
    personName: p.string().length(200),
    role: p.enum([...GROUP_ROLES]),
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
    proposedByAgency: p.enum(Object.values(Agency)),
    proposedByName: p.string().length(200),
    recordedAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
    resolvedBy: p.string().length(200).nullable(),
  },
});
