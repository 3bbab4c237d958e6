import { randomUUID } from 'node:crypto';
import { Agency, badInput, isDistrictCode, notFound, todayIso, type SubgraphContext } from '@sig/platform';
import { commitWrite, refuseWrite } from '@sig/platform/case-writes';
import { requireIsoDate, requireText, requireUuid, requireValidDate } from '@sig/platform/validation';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { dateOfBirthOf } from './case-resolvers';
import { consentStatus } from '@sig/platform/consent';
import { parsePersonalNumber } from './domain/personal-number';
import { ageOn, canTransition, needsAgeException, type CaseStatus } from './domain/rules';
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
import { load } from './loaders';
import { recordPersonalNumberLookup } from './lookup-log';
import { ActionFollowUp, ActionPlan, Case, Consent, DuplicateProposal, GroupMember, Intervention, Meeting, PlanAction, PlanGoal, YoungPerson } from './model';
import { SOCIAL_SERVICES_CATEGORIES as C } from './permissions';

@InputType({ description: 'A documented exception from the target-group age.' })
class AgeExceptionInput {
  @Field(() => String, { description: 'Written justification (required).' })
  justification!: string;
  @Field(() => String, { description: 'Who approved the exception (required).' })
  approvedBy!: string;
}

@InputType({ description: 'A proposal of a young person for SIG.' })
class ProposeCaseInput {
  @Field(() => String, { description: 'Personal identity number (personnummer), YYYYMMDD-NNNN.' })
  personalNumber!: string;
  @Field(() => String, { description: 'Given name.' })
  givenName!: string;
  @Field(() => String, { description: 'Family name.' })
  familyName!: string;
  @Field(() => String, { description: 'District code (see `districts`).' })
  district!: string;
  @Field(() => TargetGroupValue, { description: 'SIG Unga or SIG unga vuxna.' })
  targetGroup!: TargetGroupValue;
  @Field(() => String, { description: 'Why the young person is proposed.' })
  reason!: string;
  @Field(() => AgeExceptionInput, { nullable: true, description: 'Required when the age is outside the target group.' })
  ageException?: AgeExceptionInput | null;
}

@InputType({ description: 'A signatory of a consent.' })
class ConsentSignatoryInput {
  @Field(() => SignatoryPartyValue, { description: 'Young person or guardian.' })
  party!: SignatoryPartyValue;
  @Field(() => String, { description: 'Name.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Date signed (ISO date); omit while not yet signed.' })
  signedOn?: string | null;
}

@InputType({ description: 'What one source agency may disclose.' })
class ConsentProvisionInput {
  @Field(() => Agency, { description: 'Source agency.' })
  source!: Agency;
  @Field(() => [String], { description: 'Categories of its data, e.g. INCIDENTS.' })
  categories!: string[];
  @Field(() => [Agency], { nullable: true, description: 'Narrow to these recipient agencies; omit for the whole group.' })
  recipients?: Agency[] | null;
}

@InputType({ description: 'A new version of the consent.' })
class ConsentInput {
  @Field(() => String, { description: 'Valid from (ISO date).' })
  validFrom!: string;
  @Field(() => String, { description: 'Valid until, inclusive (ISO date).' })
  validUntil!: string;
  @Field(() => String, { description: 'Reference to the signed form.' })
  formReference!: string;
  @Field(() => [ConsentSignatoryInput], { description: 'Signatories: the young person, and each guardian while under 18.' })
  signatories!: ConsentSignatoryInput[];
  @Field(() => [ConsentProvisionInput], { description: 'What may be shared.' })
  provisions!: ConsentProvisionInput[];
}

@InputType({ description: 'A new group member.' })
class GroupMemberInput {
  @Field(() => Agency, { description: 'Agency represented.' })
  agency!: Agency;
  @Field(() => ID, { description: 'Person id (identity-provider subject).' })
  personId!: string;
  @Field(() => String, { description: 'Name.' })
  personName!: string;
  @Field(() => GroupRoleValue, { description: 'Role: samordnare, lots or deltagare.' })
  role!: GroupRoleValue;
  @Field(() => String, { description: 'Member from (ISO date).' })
  fromDate!: string;
  @Field(() => String, { description: 'Why the person is added (the decision, recorded with who made it and when).' })
  reason!: string;
}

@InputType({ description: 'An attendee of a meeting.' })
class MeetingAttendeeInput {
  @Field(() => Agency, { nullable: true, description: 'Agency represented; omit for the young person and family.' })
  agency?: Agency | null;
  @Field(() => String, { description: 'Name.' })
  name!: string;
}

@InputType({ description: 'An action of a plan goal.' })
class PlanActionInput {
  @Field(() => String, { description: 'What is to be done.' })
  description!: string;
  @Field(() => Agency, { description: 'The one responsible agency.' })
  responsibleAgency!: Agency;
  @Field(() => String, { description: 'The responsible person.' })
  responsiblePerson!: string;
  @Field(() => String, { description: 'Due date (ISO date).' })
  dueDate!: string;
}

@InputType({ description: 'A goal of the plan with its sub-goals and actions.' })
class PlanGoalInput {
  @Field(() => String, { description: 'The goal.' })
  description!: string;
  @Field(() => [String], { defaultValue: [], description: 'Sub-goals (delmål).' })
  subGoals!: string[];
  @Field(() => [PlanActionInput], { defaultValue: [], description: 'Actions.' })
  actions!: PlanActionInput[];
}

@InputType({ description: 'A new version of the action plan.' })
class ActionPlanInput {
  @Field(() => PlanTemplate, { description: 'Which city template.' })
  template!: PlanTemplate;
  @Field(() => [PlanGoalInput], { description: 'Goals, at least one.' })
  goals!: PlanGoalInput[];
}

/** Loads a case for a write, checking the optimistic-lock version when the caller gives one. */
async function caseForWrite(ctx: SubgraphContext, caseId: string, expectedVersion?: number | null): Promise<Case> {
  const c = await ctx.em.findOne(Case, { id: caseId });
  if (!c) throw notFound('Case');
  if (expectedVersion != null && expectedVersion !== c.version) {
    throw new GraphQLError(`Case was changed by someone else (version ${c.version}, you sent ${expectedVersion}); reload and try again`, {
      extensions: { code: 'CONFLICT', currentVersion: c.version },
    });
  }
  return c;
}

function transition(c: Case, to: CaseStatus) {
  if (!canTransition(c.status, to)) throw badInput('caseId', `a ${c.status} case cannot become ${to}`);
  c.status = to as CaseStatusValue;
}

/** Who recorded a membership decision, when and why ('added' or 'ended'). */
function recordedBy(ctx: SubgraphContext, what: 'added' | 'ended', reason: string) {
  return what === 'added'
    ? { addedById: ctx.actor.id, addedByName: ctx.actor.name, addedReason: reason, addedAt: new Date() }
    : { endedById: ctx.actor.id, endedByName: ctx.actor.name, endedReason: reason, endedAt: new Date() };
}

/** Links a new proposal to every other open case of the same personal number, in one statement. */
async function routeDuplicates(em: EntityManager, proposal: Case, personalNumber: string): Promise<void> {
  await em.getConnection().execute(
    `insert into duplicate_proposal (id, case_id, proposal_case_id, district, proposed_by_agency, proposed_by_name, recorded_at)
     select gen_random_uuid(), c.id, ?, ?, ?, ?, now()
       from sig_case c join young_person y on y.id = c.young_person_id
      where y.personal_number = ? and c.status <> 'CLOSED' and c.id <> ?`,
    [proposal.id, proposal.district, proposal.proposedByAgency, proposal.proposedByName, personalNumber, proposal.id],
    'run',
    em.getTransactionContext(),
  );
}

@Resolver()
export class CaseMutations {
  @Mutation(() => Case, { description: 'Proposes a young person for SIG (step 1). Social services and police staff. A social-services proposer becomes coordinator.' })
  async proposeCase(@Arg('input', () => ProposeCaseInput, { description: 'The proposal.' }) input: ProposeCaseInput, @Ctx() ctx: SubgraphContext): Promise<Case> {
    const pn = parsePersonalNumber(input.personalNumber);
    if (!pn.ok) throw badInput('input.personalNumber', pn.error);
    if (!isDistrictCode(input.district)) throw badInput('input.district', `unknown district "${input.district}" (see the districts query)`);
    const givenName = requireText('input.givenName', input.givenName, 100);
    const familyName = requireText('input.familyName', input.familyName, 100);
    const reason = requireText('input.reason', input.reason, 4000);
    const today = todayIso();
    const age = ageOn(pn.value.dateOfBirth, today);
    let exception: { justification: string; approvedBy: string } | null = null;
    if (needsAgeException(input.targetGroup, age)) {
      if (!input.ageException) throw badInput('input.ageException', `age ${age} is outside the target group ${input.targetGroup}: a justification and its approver are required`);
      exception = {
        justification: requireText('input.ageException.justification', input.ageException.justification, 4000),
        approvedBy: requireText('input.ageException.approvedBy', input.ageException.approvedBy, 200),
      };
    }
    // The young person as this proposal gives them: nothing the proposer reads back depends on
    // records elsewhere (another district's open case would otherwise show through names or errors).
    const person = ctx.em.create(YoungPerson, { id: randomUUID(), personalNumber: pn.value.value, givenName, familyName, dateOfBirth: pn.value.dateOfBirth, district: input.district });
    const c = ctx.em.create(Case, {
      id: randomUUID(),
      youngPersonId: person.id,
      district: input.district,
      status: CaseStatusValue.PROPOSED,
      targetGroup: input.targetGroup,
      proposalReason: reason,
      proposedByAgency: ctx.actor.agency,
      proposedByName: ctx.actor.name,
      proposedOn: today,
      ageExceptionJustification: exception?.justification ?? null,
      ageExceptionApprovedBy: exception?.approvedBy ?? null,
    } as any);
    if (ctx.actor.agency === Agency.SOCIAL_SERVICES) {
      ctx.em.create(GroupMember, {
        id: randomUUID(),
        caseId: c.id,
        agency: ctx.actor.agency,
        personId: ctx.actor.id,
        personName: ctx.actor.name,
        role: GroupRoleValue.COORDINATOR,
        fromDate: today,
        ...recordedBy(ctx, 'added', 'Proposed the case at social services (förslagsställare)'),
      });
    }
    // Open cases of the same personal number get this proposal routed to them, for their social
    // services to decide on; the same single statement runs whether or not there are any.
    // A proposal is a lookup by personal number too: logged in the write's own transaction.
    await commitWrite(ctx, async (em) => {
      await routeDuplicates(em, c, pn.value.value);
      await recordPersonalNumberLookup(ctx, { personalNumber: pn.value.value, purpose: 'proposeCase', resultCount: 0 });
    });
    return c;
  }

  @Mutation(() => Case, { description: 'Starts the assessment (step 2).' })
  async startAssessment(@Arg('caseId', () => ID, { description: 'The case.' }) caseId: string, @Ctx() ctx: SubgraphContext): Promise<Case> {
    const c = await caseForWrite(ctx, caseId);
    transition(c, 'ASSESSMENT');
    c.assessmentStartedOn = todayIso();
    await commitWrite(ctx);
    return c;
  }

  @Mutation(() => Consent, { description: 'Records a new version of the consent (samtycke) (step 3).' })
  async recordConsent(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => ConsentInput, { description: 'The consent.' }) input: ConsentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Consent> {
    const c = await caseForWrite(ctx, caseId);
    if (c.status === CaseStatusValue.CLOSED) throw badInput('caseId', 'the case is closed');
    const validFrom = requireIsoDate('input.validFrom', input.validFrom);
    const validUntil = requireIsoDate('input.validUntil', input.validUntil);
    if (validUntil < validFrom) throw badInput('input.validUntil', 'must not be before input.validFrom');
    if (input.signatories.length === 0) throw badInput('input.signatories', 'at least the young person must be a signatory');
    if (input.provisions.length === 0) throw badInput('input.provisions', 'at least one provision is required');
    const signatories = input.signatories.map((s, i) => ({
      party: s.party,
      name: requireText(`input.signatories[${i}].name`, s.name, 200),
      signedOn: s.signedOn ? requireIsoDate(`input.signatories[${i}].signedOn`, s.signedOn) : null,
    }));
    const provisions = input.provisions.map((p, i) => {
      if (p.categories.length === 0) throw badInput(`input.provisions[${i}].categories`, 'name at least one category');
      return { source: p.source, categories: p.categories.map((cat, j) => requireText(`input.provisions[${i}].categories[${j}]`, cat, 60).toUpperCase()), recipients: p.recipients ?? null };
    });
    const current = await load.currentConsent(ctx, caseId);
    const consent = ctx.em.create(Consent, {
      id: randomUUID(),
      caseId,
      consentVersion: (current?.consentVersion ?? 0) + 1,
      validFrom,
      validUntil,
      formReference: requireText('input.formReference', input.formReference, 100),
      signatories,
      provisions,
      withdrawals: [],
      recordedAt: new Date(),
      recordedBy: ctx.actor.name,
    });
    await commitWrite(ctx);
    return consent;
  }

  @Mutation(() => Consent, { description: 'Records that a named signatory has signed the current consent.' })
  async signConsent(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('signatoryName', () => String, { description: 'The signatory, as named on the consent.' }) signatoryName: string,
    @Arg('signedOn', () => String, { description: 'Date signed (ISO date).' }) signedOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Consent> {
    const date = requireIsoDate('signedOn', signedOn);
    const consent = await ctx.em.findOne(Consent, { caseId }, { orderBy: { consentVersion: 'desc' } });
    if (!consent) throw badInput('caseId', 'the case has no consent yet');
    const index = consent.signatories.findIndex((s) => s.name === signatoryName);
    if (index < 0) throw badInput('signatoryName', `no signatory named "${signatoryName}" on the current consent`);
    consent.signatories = consent.signatories.map((s, i) => (i === index ? { ...s, signedOn: date } : s));
    await commitWrite(ctx);
    return consent;
  }

  @Mutation(() => Consent, {
    description:
      'Records that a signatory withdraws the current consent (återkallar samtycket), in full or for some source agencies. Sharing ends the moment it is committed; a full withdrawal also takes an active case back to assessment, since no case stays active without consent.',
  })
  async withdrawConsent(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('withdrawnBy', () => String, { description: 'The signatory who withdraws, as named on the consent.' }) withdrawnBy: string,
    @Arg('sources', () => [Agency], { nullable: true, description: 'Withdraw only what these source agencies may share; omit to withdraw the whole consent.' }) sources: Agency[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Consent> {
    const c = await caseForWrite(ctx, caseId);
    const consent = await ctx.em.findOne(Consent, { caseId }, { orderBy: { consentVersion: 'desc' } });
    if (!consent) throw badInput('caseId', 'the case has no consent to withdraw');
    if (!consent.signatories.some((s) => s.name === withdrawnBy)) throw badInput('withdrawnBy', `no signatory named "${withdrawnBy}" on the current consent`);
    if (sources && sources.length === 0) throw badInput('sources', 'name at least one source agency, or omit it to withdraw everything');
    const today = todayIso();
    consent.withdrawals = [...consent.withdrawals, { withdrawnBy, withdrawnOn: today, sources: sources ? [...new Set(sources)] : null }];
    if (!sources && c.status === CaseStatusValue.ACTIVE) c.status = CaseStatusValue.ASSESSMENT;
    await commitWrite(ctx);
    return consent;
  }

  @Mutation(() => GroupMember, { description: 'Adds a member to the group (step 4). Nobody adds themselves; a person holds one membership of a case at a time.' })
  async addGroupMember(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => GroupMemberInput, { description: 'The member.' }) input: GroupMemberInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<GroupMember> {
    const c = await caseForWrite(ctx, caseId);
    if (c.status === CaseStatusValue.CLOSED) throw badInput('caseId', 'the case is closed');
    const personId = requireText('input.personId', input.personId, 100);
    if (personId === ctx.actor.id) throw refuseWrite(ctx, caseId, C.GROUP, 'OWN_MEMBERSHIP');
    const fromDate = requireIsoDate('input.fromDate', input.fromDate);
    const reason = requireText('input.reason', input.reason, 2000);
    // One membership per person and case at a time: a role changes by ending one and adding another.
    const held = (await load.members(ctx, caseId)).find((m) => m.personId === personId && (!m.untilDate || m.untilDate > fromDate));
    if (held) throw badInput('input.personId', `already holds a membership of this case (from ${held.fromDate}${held.untilDate ? ` until ${held.untilDate}` : ''}): end it first`);
    const member = ctx.em.create(GroupMember, {
      id: randomUUID(),
      caseId,
      agency: input.agency,
      personId,
      personName: requireText('input.personName', input.personName, 200),
      role: input.role,
      fromDate,
      ...recordedBy(ctx, 'added', reason),
    });
    await commitWrite(ctx);
    return member;
  }

  @Mutation(() => GroupMember, { description: "Ends the person's membership: no longer a member from `untilDate` (every membership of that person in the case ends). Nobody ends their own." })
  async removeGroupMember(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('memberId', () => ID, { description: 'The membership.' }) memberId: string,
    @Arg('untilDate', () => String, { description: 'Last day is the day before this date (ISO date).' }) untilDate: string,
    @Arg('reason', () => String, { description: 'Why the membership ends (recorded with who decided and when).' }) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<GroupMember> {
    const member = await ctx.em.findOne(GroupMember, { id: requireUuid('memberId', memberId), caseId });
    if (!member) throw notFound('Group member');
    if (member.personId === ctx.actor.id) throw refuseWrite(ctx, caseId, C.GROUP, 'OWN_MEMBERSHIP');
    const until = requireIsoDate('untilDate', untilDate);
    if (until < member.fromDate) throw badInput('untilDate', 'must not be before the membership began');
    const why = requireText('reason', reason, 2000);
    // Every membership of the person in this case ends, not only the one named: a second row
    // (one recorded before the one-membership rule, or a later one) must not keep access alive.
    for (const held of await ctx.em.find(GroupMember, { caseId, personId: member.personId })) {
      if (held.untilDate && held.untilDate <= until) continue;
      held.untilDate = held.fromDate > until ? held.fromDate : until;
      Object.assign(held, recordedBy(ctx, 'ended', why));
    }
    await commitWrite(ctx);
    return member;
  }

  @Mutation(() => Case, { description: 'Activates the group. Requires an ACTIVE consent and a named coordinator or lots.' })
  async activateCase(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The case version you read; a stale write is refused.' }) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Case> {
    const c = await caseForWrite(ctx, caseId, expectedVersion);
    if (!canTransition(c.status, 'ACTIVE')) throw badInput('caseId', `a ${c.status} case cannot become ACTIVE`);
    const today = todayIso();
    const consent = await load.currentConsent(ctx, caseId);
    const status = consent ? consentStatus(consent, await dateOfBirthOf(ctx, caseId), today) : 'NONE';
    if (status !== 'ACTIVE') throw badInput('caseId', `the case cannot become active without an ACTIVE consent (consent is ${status})`);
    const members = (await load.members(ctx, caseId)).filter((m) => !m.untilDate || m.untilDate > today);
    if (!members.some((m) => m.role === GroupRoleValue.COORDINATOR || m.role === GroupRoleValue.LOTS)) {
      throw badInput('caseId', 'name a coordinator (samordnare) or a lots before activating');
    }
    transition(c, 'ACTIVE');
    c.activatedOn = today;
    await commitWrite(ctx);
    return c;
  }

  @Mutation(() => Case, { description: 'Closes the case with a reason (step 7).' })
  async closeCase(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('reason', () => ClosureReason, { description: 'Why it is closed.' }) reason: ClosureReason,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The case version you read; a stale write is refused.' }) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Case> {
    const c = await caseForWrite(ctx, caseId, expectedVersion);
    if (!canTransition(c.status, 'CLOSED')) throw badInput('caseId', `a ${c.status} case cannot become CLOSED`);
    if (c.status !== CaseStatusValue.ACTIVE && reason !== ClosureReason.NOT_STARTED) {
      throw badInput('reason', 'a case that never became active is closed with NOT_STARTED');
    }
    transition(c, 'CLOSED');
    c.closedOn = todayIso();
    c.closureReason = reason;
    await commitWrite(ctx);
    return c;
  }

  @Mutation(() => Meeting, { description: 'Plans a network meeting (nätverksmöte).' })
  async scheduleMeeting(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('plannedFor', () => Date, { description: 'When.' }) plannedFor: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Meeting> {
    const c = await caseForWrite(ctx, caseId);
    if (c.status === CaseStatusValue.CLOSED) throw badInput('caseId', 'the case is closed');
    const meeting = ctx.em.create(Meeting, { id: randomUUID(), caseId, status: MeetingStatus.PLANNED, plannedFor: requireValidDate('plannedFor', plannedFor), attendees: [] });
    await commitWrite(ctx);
    return meeting;
  }

  @Mutation(() => Meeting, { description: 'Records that a network meeting was held, with attendees and minutes.' })
  async recordMeetingHeld(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('meetingId', () => ID, { description: 'The meeting.' }) meetingId: string,
    @Arg('heldOn', () => String, { description: 'Date held (ISO date), not in the future.' }) heldOn: string,
    @Arg('attendees', () => [MeetingAttendeeInput], { description: 'Who attended.' }) attendees: MeetingAttendeeInput[],
    @Arg('minutes', () => String, { description: 'Minutes (minnesanteckningar).' }) minutes: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Meeting> {
    const meeting = await ctx.em.findOne(Meeting, { id: requireUuid('meetingId', meetingId), caseId });
    if (!meeting) throw notFound('Meeting');
    const date = requireIsoDate('heldOn', heldOn);
    if (date > todayIso()) throw badInput('heldOn', 'must not be in the future');
    if (attendees.length === 0) throw badInput('attendees', 'name at least one attendee');
    meeting.status = MeetingStatus.HELD;
    meeting.heldOn = date;
    meeting.attendees = attendees.map((a, i) => ({ agency: a.agency ?? null, name: requireText(`attendees[${i}].name`, a.name, 200) }));
    meeting.minutes = requireText('minutes', minutes, 20000);
    await commitWrite(ctx);
    return meeting;
  }

  @Mutation(() => ActionPlan, { description: 'Records a new version of the action plan (åtgärdsplan): goals, sub-goals and actions.' })
  async saveActionPlan(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => ActionPlanInput, { description: 'The plan.' }) input: ActionPlanInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ActionPlan> {
    const c = await caseForWrite(ctx, caseId);
    if (c.status === CaseStatusValue.CLOSED) throw badInput('caseId', 'the case is closed');
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
    if (ctx.actor.agency !== action.responsibleAgency && role !== 'COORDINATOR') throw refuseWrite(ctx, caseId, C.ACTION_PLAN, 'NOT_OWN_AGENCY');
    if (action.version !== expectedVersion) {
      throw new GraphQLError(`Action was changed by someone else (version ${action.version}, you sent ${expectedVersion}); reload and try again`, { extensions: { code: 'CONFLICT', currentVersion: action.version } });
    }
    if (meetingId && !(await ctx.em.findOne(Meeting, { id: requireUuid('meetingId', meetingId), caseId }))) throw badInput('meetingId', 'no such meeting in this case');
    action.status = status;
    ctx.em.create(ActionFollowUp, { id: randomUUID(), actionId, caseId, meetingId: meetingId ?? null, status, note: note ? requireText('note', note, 4000) : '', recordedAt: new Date(), recordedBy: ctx.actor.name });
    await commitWrite(ctx);
    return action;
  }

  @Mutation(() => Intervention, { description: 'Records an intervention granted alongside the SIG.' })
  async grantIntervention(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('kind', () => InterventionKind, { description: 'Kind.' }) kind: InterventionKind,
    @Arg('grantedOn', () => String, { description: 'Date granted (ISO date).' }) grantedOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Intervention> {
    await caseForWrite(ctx, caseId);
    const intervention = ctx.em.create(Intervention, { id: randomUUID(), caseId, kind, grantedOn: requireIsoDate('grantedOn', grantedOn) });
    await commitWrite(ctx);
    return intervention;
  }

  @Mutation(() => DuplicateProposal, {
    description:
      'Decides on a later proposal of the young person of this open case (see `Case.duplicateProposals`): the proposal is closed as a duplicate (DUPLICATE_PROPOSAL), which its proposer then sees, and the group of this case goes on. For social services of this case.',
  })
  async closeDuplicateProposal(
    @Arg('caseId', () => ID, { description: 'The open case the proposal was routed to.' }) caseId: string,
    @Arg('duplicateProposalId', () => ID, { description: 'The routed proposal.' }) duplicateProposalId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DuplicateProposal> {
    const routed = await ctx.em.findOne(DuplicateProposal, { id: requireUuid('duplicateProposalId', duplicateProposalId), caseId });
    if (!routed) throw notFound('Duplicate proposal');
    if (routed.resolvedAt) throw badInput('duplicateProposalId', 'was already decided on');
    const proposal = await ctx.em.findOne(Case, { id: routed.proposalCaseId });
    if (proposal && proposal.status !== CaseStatusValue.CLOSED) {
      proposal.status = CaseStatusValue.CLOSED;
      proposal.closedOn = todayIso();
      proposal.closureReason = ClosureReason.DUPLICATE_PROPOSAL;
    }
    routed.resolvedAt = new Date();
    routed.resolvedBy = ctx.actor.name;
    await commitWrite(ctx);
    return routed;
  }
}
