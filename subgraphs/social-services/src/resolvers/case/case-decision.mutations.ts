import { badInput, todayIso, consentStatus } from '@sig/platform/access';
import { type SubgraphContext, commitWrite } from '@sig/platform/request';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { canTransition } from '../../domain/rules';
import { CaseStatus, ClosureReason, GroupRole } from '../../enums';
import { load } from '../../loaders';
import { Case } from '../../model';
import { dateOfBirthOf } from '../consent/date-of-birth';
import { caseForWrite, transition } from './case-write';

/** The decisions that start and end the group: activation and closure (step 7). */
@Resolver()
export class CaseDecisionMutations {
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
    if (!members.some((m) => m.role === GroupRole.COORDINATOR || m.role === GroupRole.LOTS)) {
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
    if (c.status !== CaseStatus.ACTIVE && reason !== ClosureReason.NOT_STARTED) {
      throw badInput('reason', 'a case that never became active is closed with NOT_STARTED');
    }
    transition(c, 'CLOSED');
    c.closedOn = todayIso();
    c.closureReason = reason;
    await commitWrite(ctx);
    return c;
  }
}
