import { randomUUID } from 'node:crypto';
import { badInput, notFound, requireIsoDate, requireText, requireUuid } from '@sig/platform/access';
import { type SubgraphContext, commitWrite, refuseWrite } from '@sig/platform/request';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { mayHoldRole } from '../../domain/intake';
import { CaseStatus } from '../../enums';
import { load } from '../../loaders';
import { GroupMember } from '../../model';
import { SOCIAL_SERVICES_CATEGORIES as C } from '../../permissions';
import { caseForWrite } from '../case/case-write';
import { GroupMemberInput } from './group.inputs';
import { recordedBy } from './recorded-by';

/** Step 4: who is in the group, each decision recorded with who made it, when and why. */
@Resolver()
export class GroupMutations {
  @Mutation(() => GroupMember, { description: 'Adds a member to the group (step 4). Nobody adds themselves; a person holds one membership of a case at a time.' })
  async addGroupMember(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => GroupMemberInput, { description: 'The member.' }) input: GroupMemberInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<GroupMember> {
    const c = await caseForWrite(ctx, caseId);
    if (c.status === CaseStatus.CLOSED) throw badInput('caseId', 'the case is closed');
    const personId = requireText('input.personId', input.personId, 100);
    if (personId === ctx.actor.id) throw refuseWrite(ctx, caseId, C.GROUP, 'OWN_MEMBERSHIP');
    const fromDate = requireIsoDate('input.fromDate', input.fromDate);
    const reason = requireText('input.reason', input.reason, 2000);
    if (!mayHoldRole(input.agency, input.role)) {
      throw badInput('input.role', input.role === 'COORDINATOR' ? 'the coordinator (samordnare) belongs to social services' : 'a lots is social services or a contracted provider (YOUTH_SERVICE: BAS, Stockholms ungdomstjänst)');
    }
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
}
