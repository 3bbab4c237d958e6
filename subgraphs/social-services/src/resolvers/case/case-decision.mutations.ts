import { Agency, badInput, todayIso, consentStatus, requireIsoDate, requireText } from '@sig/platform/access';
import { type SubgraphContext, commitWrite } from '@sig/platform/request';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { activationDateRefusal, canTransition, closureRefusal } from '../../domain/case-lifecycle';
import { ClosureReason, GroupRole } from '../../enums';
import { load } from '../../loaders';
import { Case, GroupMember } from '../../model';
import { dateOfBirthOf } from '../consent/date-of-birth';
import { recordedBy } from '../group/recorded-by';
import { caseForWrite, transition } from './case-write';

/**
 * The decisions that start and end the group: activation and closure (steps 4 and 7), each recorded
 * with who decided, when and on what grounds (SIG is a biståndsbedömd insats). The lifecycle and its
 * invariants are in domain/case-lifecycle.ts.
 */
@Resolver()
export class CaseDecisionMutations {
  @Mutation(() => Case, {
    description:
      'Activates the group: a decision recorded with who made it and its grounds. Requires a consent in force (ACTIVE) and a named coordinator or lots. A group that was already running before it was registered here is registered with its real start date (`startedOn`, not in the future nor before the proposal) and the reason (`startedBeforeRegistration`).',
  })
  async activateCase(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('grounds', () => String, { description: 'The grounds of the decision (beslutsmotivering).' }) grounds: string,
    @Arg('startedOn', () => String, { nullable: true, description: 'The day the group started (ISO date); today when omitted.' }) startedOn: string | null,
    @Arg('startedBeforeRegistration', () => String, { nullable: true, description: 'Why the group started before it was registered; required when `startedOn` is before today.' })
    startedBeforeRegistration: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The case version you read; a stale write is refused.' }) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Case> {
    const why = requireText('grounds', grounds, 4000);
    const today = todayIso();
    const started = startedOn == null ? today : requireIsoDate('startedOn', startedOn);
    const lateReason = startedBeforeRegistration == null ? null : requireText('startedBeforeRegistration', startedBeforeRegistration, 2000);
    const c = await caseForWrite(ctx, caseId, expectedVersion);
    if (!canTransition(c.status, 'ACTIVE')) throw badInput('caseId', `a ${c.status} case cannot become ACTIVE`);
    const dateRefusal = activationDateRefusal(started, today, c.proposedOn, lateReason);
    if (dateRefusal) throw badInput(dateRefusal.field, dateRefusal.message);
    const consent = await load.currentConsent(ctx, caseId);
    const status = consent ? consentStatus(consent, await dateOfBirthOf(ctx, caseId), today) : 'NONE';
    if (status !== 'ACTIVE') throw badInput('caseId', `the case cannot become active without an ACTIVE consent (consent is ${status})`);
    const members = (await load.members(ctx, caseId)).filter((m) => !m.untilDate || m.untilDate > today);
    if (!members.some((m) => m.role === GroupRole.COORDINATOR || m.role === GroupRole.LOTS)) {
      throw badInput('caseId', 'name a coordinator (samordnare) or a lots before activating');
    }
    transition(c, 'ACTIVE');
    Object.assign(c, { activatedOn: started, activatedById: ctx.actor.id, activatedByName: ctx.actor.name, activationGrounds: why, startedBeforeRegistration: started < today ? lateReason : null });
    await commitWrite(ctx);
    return c;
  }

  @Mutation(() => Case, {
    description:
      "Closes the case with a reason and the decision's grounds (step 7). Every membership of another agency ends on the closing date (recorded like `removeGroupMember`), so no other agency reads the closed case; social services keeps it as a closed record. A case that never became active closes as NOT_STARTED; one that was active with any other reason but DUPLICATE_PROPOSAL (see `closeDuplicateProposal`).",
  })
  async closeCase(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('reason', () => ClosureReason, { description: 'Why it is closed.' }) reason: ClosureReason,
    @Arg('note', () => String, { description: 'The grounds of the decision (beslutsmotivering).' }) note: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The case version you read; a stale write is refused.' }) expectedVersion: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Case> {
    const why = requireText('note', note, 4000);
    const c = await caseForWrite(ctx, caseId, expectedVersion);
    if (!canTransition(c.status, 'CLOSED')) throw badInput('caseId', `a ${c.status} case cannot become CLOSED`);
    if (reason === ClosureReason.DUPLICATE_PROPOSAL) throw badInput('reason', 'a duplicate proposal is closed with closeDuplicateProposal, which names the open case');
    const refusal = closureRefusal(c.status, c.activatedOn != null, reason);
    if (refusal) throw badInput('reason', refusal);
    const today = todayIso();
    transition(c, 'CLOSED');
    Object.assign(c, { closedOn: today, closureReason: reason, closedById: ctx.actor.id, closedByName: ctx.actor.name, closureNote: why });
    // The sharing ends: every other agency's membership ends on the closing date.
    for (const m of await ctx.em.find(GroupMember, { caseId })) {
      if (m.agency === Agency.SOCIAL_SERVICES || (m.untilDate && m.untilDate <= today)) continue;
      m.untilDate = m.fromDate > today ? m.fromDate : today;
      Object.assign(m, recordedBy(ctx, 'ended', `The case was closed (${reason}).`));
    }
    await commitWrite(ctx);
    return c;
  }
}
