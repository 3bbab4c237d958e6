import { accessLogEntries, AccessLogEntry, ActorRole, Agency, badInput, DISTRICTS, notFound, readOnlyRows, todayIso, type SubgraphContext } from '@sig/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { consentStatus, missingSignatures } from '@sig/platform/consent';
import { decideCaseVisible, decideRead } from '@sig/platform';
import { parsePersonalNumber } from './domain/personal-number';
import { recordPersonalNumberLookup } from './lookup-log';
import { SOCIAL_SERVICES_CATEGORIES } from './permissions';
import { isMeetingOverdue, nextMeetingDue } from './domain/rules';
import { CaseStatusValue, ConsentStatusValue, MeetingStatus } from './enums';
import { load } from './loaders';
import {
  ActionFollowUp,
  ActionPlan,
  AgeException,
  Case,
  Consent,
  District,
  GroupMember,
  Intervention,
  Meeting,
  PlanAction,
  PlanGoal,
  YoungPerson,
} from './model';

const today = () => todayIso();

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true, description: 'One case (ärende) by id, for its group members and own-agency supervisors.' })
  async case(@Arg('id', () => ID, { description: 'The case id.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<Case | null> {
    const found = await load.case(ctx, id);
    if (!found) throw notFound('Case');
    return found;
  }

  @Query(() => [Case], {
    description:
      'The cases the actor may see: where the actor is a current group member, and for a district supervisor of social services every case of the district. Cases the actor may not see are left out. Listed first: the cases whose case data (SOCIAL_SERVICES/CASE: status, dates) the actor may read, newest proposal first; then the others, by id, an order that says nothing about them.',
  })
  async cases(
    @Ctx() ctx: SubgraphContext,
    @Arg('status', () => CaseStatusValue, {
      nullable: true,
      description: "Only cases with this status whose case data (SOCIAL_SERVICES/CASE) the actor may read: a case whose status the actor may not read is left out whatever its status, so the filter reveals no status it could not read.",
    })
    status?: CaseStatusValue,
    @Arg('limit', () => Int, { defaultValue: 100, description: 'At most this many cases (1–500), taken after the order above.' }) limit = 100,
  ): Promise<Case[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput('limit', 'must be from 1 to 500');
    // A filter or a sort may use only what the actor may read on that case (docs/access-model.md):
    // status and proposal date are SOCIAL_SERVICES/CASE. For a member, reading CASE does not depend
    // on the case's district (decideRead looks at the grant), so it is decided here from the grants;
    // a district supervisor of social services reads the district's cases as its own agency.
    const memberOf = Object.keys(ctx.grants.cases);
    const readableAsMember = memberOf.filter((id) => decideRead(ctx.actor, ctx.grants, { caseId: id }, SOCIAL_SERVICES_CATEGORIES.CASE).permit);
    const readable: object[] = [];
    if (readableAsMember.length > 0) readable.push({ id: { $in: readableAsMember } });
    if (coversDistrict(ctx)) readable.push({ district: ctx.actor.district });
    const first =
      readable.length === 0
        ? []
        : (await readOnlyRows(ctx.em, Case, { $and: [{ $or: readable }, status ? { status } : {}] } as any, { proposedOn: 'desc', id: 'asc' }, limit)).filter((c) => readsCase(ctx, c));
    if (status || first.length >= limit) return load.casesRead(ctx, first);
    // The visible cases whose CASE the actor may not read: members under a consent that does not
    // disclose it. They are only ever members' cases (a district role reads its cases).
    const readableIds = new Set(readableAsMember);
    const others = memberOf.filter((id) => !readableIds.has(id));
    if (others.length === 0) return load.casesRead(ctx, first);
    const rest = (await readOnlyRows(ctx.em, Case, { id: { $in: others } } as any, { id: 'asc' }, limit - first.length)).filter((c) => !readsCase(ctx, c));
    return load.casesRead(ctx, [...first, ...rest]);
  }

  @Query(() => [Case], {
    description:
      "Every case of one young person that the actor may see: the starting point of the log extract (registerutdrag över åtkomst): select `accessLog` here and on each agency's part of the case. Ordered as `cases`: those whose case data the actor may read first, newest proposal first, then the others by id. Every lookup is logged (who, when, a keyed hash of the number, how many cases were shown), and each of the person's cases gets an access-log row: PERMIT for the cases shown, DENY (NOT_A_MEMBER) for those left out.",
  })
  async casesOfYoungPerson(
    @Arg('personalNumber', () => String, { description: 'Personal identity number, YYYYMMDD-NNNN.' }) personalNumber: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Case[]> {
    const parsed = parsePersonalNumber(personalNumber);
    if (!parsed.ok) throw badInput('personalNumber', parsed.error);
    // The same work on every path, so the answer's time says nothing of cases left out or of whether
    // the number is known: one statement for every case of the number (with its district), decided
    // here, no query per case and no early return; then one statement that writes the lookup log
    // and the decisions, awaited before the answer is built (fail closed).
    const found = await readOnlyRows(
      ctx.em,
      Case,
      { youngPersonId: { $in: ctx.em.createQueryBuilder(YoungPerson, 'yp').select('yp.id').where({ personalNumber: parsed.value.value }) } } as any,
      { id: 'asc' },
    );
    const caseDecisions = found.map((c) => ({ caseId: c.id, decision: decideCaseVisible(ctx.actor, ctx.grants, { caseId: c.id, district: c.district }) }));
    const shown = found.filter((_, i) => caseDecisions[i].decision.permit);
    await recordPersonalNumberLookup(ctx, { personalNumber: parsed.value.value, purpose: 'casesOfYoungPerson', resultCount: shown.length, caseDecisions });
    return load.casesRead(ctx, listOrder(ctx, shown));
  }

  @Query(() => [District], { description: 'The city districts (stadsdelar).' })
  districts(): District[] {
    return DISTRICTS.map((d) => Object.assign(new District(), d));
  }

  @FieldResolver(() => YoungPerson, { nullable: true, description: 'The young person (den unge). Category SOCIAL_SERVICES/IDENTITY.' })
  async youngPerson(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<YoungPerson> {
    return (await load.youngPerson(ctx, c.youngPersonId))!;
  }

  @FieldResolver(() => AgeException, { nullable: true, description: 'The documented age exception, if the age is outside the target group. Category SOCIAL_SERVICES/CASE.' })
  ageException(@Root() c: Case): AgeException | null {
    if (!c.ageExceptionJustification) return null;
    return Object.assign(new AgeException(), { justification: c.ageExceptionJustification, approvedBy: c.ageExceptionApprovedBy ?? '' });
  }

  @FieldResolver(() => [GroupMember], { nullable: true, description: 'Group members, current and former. Category SOCIAL_SERVICES/GROUP.' })
  members(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.members(ctx, c.id);
  }

  @FieldResolver(() => Consent, { nullable: true, description: 'The current consent (samtycke), the highest version. Category SOCIAL_SERVICES/CONSENT.' })
  consent(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.currentConsent(ctx, c.id);
  }

  @FieldResolver(() => [Meeting], { nullable: true, description: 'Network meetings (nätverksmöten), oldest first. Category SOCIAL_SERVICES/MEETINGS.' })
  meetings(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.meetings(ctx, c.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'When the next network meeting is due: five weeks after the last one held (or after activation). Category SOCIAL_SERVICES/MEETINGS.' })
  async nextMeetingDue(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return nextMeetingDue(c.status, c.activatedOn ?? null, lastHeld(await load.meetings(ctx, c.id)));
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'True when an active case has gone more than five weeks without a network meeting. Category SOCIAL_SERVICES/MEETINGS.' })
  async meetingOverdue(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return isMeetingOverdue(nextMeetingDue(c.status, c.activatedOn ?? null, lastHeld(await load.meetings(ctx, c.id))), today());
  }

  @FieldResolver(() => ActionPlan, { nullable: true, description: 'The current action plan (åtgärdsplan). Category SOCIAL_SERVICES/ACTION_PLAN.' })
  actionPlan(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.currentPlan(ctx, c.id);
  }

  @FieldResolver(() => [AccessLogEntry], { nullable: true, description: "Who was allowed or denied which of social services' data on this case, when (åtkomstlogg), newest first. Read by the case coordinator for the log extract." })
  accessLog(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return accessLogEntries(ctx, c.id);
  }

  @FieldResolver(() => [Intervention], { nullable: true, description: 'Interventions granted alongside the SIG (insatser). Category SOCIAL_SERVICES/INTERVENTIONS.' })
  interventions(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.interventions(ctx, c.id);
  }
}

/** A district supervisor of social services sees, and reads as own agency, every case of the district. */
function coversDistrict(ctx: SubgraphContext): boolean {
  return ctx.actor.agency === Agency.SOCIAL_SERVICES && ctx.actor.roles.includes(ActorRole.DISTRICT_SUPERVISOR);
}

/** May the actor read the case's own data (SOCIAL_SERVICES/CASE: status, dates), the only data a list may be filtered or sorted by? */
function readsCase(ctx: SubgraphContext, c: Case): boolean {
  return decideRead(ctx.actor, ctx.grants, { caseId: c.id, district: c.district }, SOCIAL_SERVICES_CATEGORIES.CASE).permit;
}

/**
 * The order of a list of visible cases: those whose case data the actor may read, newest proposal
 * first (then by id); then the others by id, which carries nothing about them (ids are random).
 */
function listOrder(ctx: SubgraphContext, cases: Case[]): Case[] {
  const readable = cases.filter((c) => readsCase(ctx, c));
  const others = cases.filter((c) => !readsCase(ctx, c));
  readable.sort((a, b) => (a.proposedOn === b.proposedOn ? compare(a.id, b.id) : compare(b.proposedOn, a.proposedOn)));
  others.sort((a, b) => compare(a.id, b.id));
  return [...readable, ...others];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function lastHeld(meetings: Meeting[]): string | null {
  return meetings.filter((m) => m.status === MeetingStatus.HELD && m.heldOn).map((m) => m.heldOn!).sort().at(-1) ?? null;
}

@Resolver(() => Consent)
export class ConsentResolver {
  @FieldResolver(() => ConsentStatusValue, { description: 'Derived status today: PENDING, ACTIVE, EXPIRED or WITHDRAWN.' })
  async status(@Root() consent: Consent, @Ctx() ctx: SubgraphContext): Promise<ConsentStatusValue> {
    return consentStatus(consent, await dateOfBirthOf(ctx, consent.caseId), today()) as ConsentStatusValue;
  }

  @FieldResolver(() => [String], { description: 'What still keeps the consent pending (missing signatures).' })
  async missingSignatures(@Root() consent: Consent, @Ctx() ctx: SubgraphContext): Promise<string[]> {
    return missingSignatures(consent, await dateOfBirthOf(ctx, consent.caseId), today());
  }
}

export async function dateOfBirthOf(ctx: SubgraphContext, caseId: string): Promise<string> {
  const c = await load.case(ctx, caseId);
  return (await load.youngPerson(ctx, c!.youngPersonId))!.dateOfBirth;
}

@Resolver(() => ActionPlan)
export class ActionPlanResolver {
  @FieldResolver(() => [PlanGoal], { description: 'Main goals (mål); sub-goals hang under each.' })
  async goals(@Root() plan: ActionPlan, @Ctx() ctx: SubgraphContext) {
    return (await load.goals(ctx, plan.id)).filter((g) => !g.parentGoalId);
  }
}

@Resolver(() => PlanGoal)
export class PlanGoalResolver {
  @FieldResolver(() => [PlanGoal], { description: 'Sub-goals (delmål).' })
  async subGoals(@Root() goal: PlanGoal, @Ctx() ctx: SubgraphContext) {
    return (await load.goals(ctx, goal.planId)).filter((g) => g.parentGoalId === goal.id);
  }

  @FieldResolver(() => [PlanAction], { description: 'Actions (åtgärder) for this goal.' })
  actions(@Root() goal: PlanGoal, @Ctx() ctx: SubgraphContext) {
    return load.actions(ctx, goal.id);
  }
}

@Resolver(() => PlanAction)
export class PlanActionResolver {
  @FieldResolver(() => [ActionFollowUp], { description: 'Follow-ups of this action at network meetings.' })
  followUps(@Root() action: PlanAction, @Ctx() ctx: SubgraphContext) {
    return load.followUps(ctx, action.id);
  }

  @FieldResolver(() => Boolean, { description: 'True when the due date has passed and the action is neither done nor cancelled.' })
  late(@Root() action: PlanAction): boolean {
    return (action.status === 'OPEN' || action.status === 'IN_PROGRESS') && action.dueDate < today();
  }
}

export const referenceResolvers = {
  Case: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) => load.case(ctx, ref.id),
  },
};
