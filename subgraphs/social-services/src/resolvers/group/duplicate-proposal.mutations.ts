import { badInput, notFound, todayIso, requireUuid } from '@sig/platform/access';
import { type SubgraphContext, commitWrite } from '@sig/platform/request';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { CaseStatus, ClosureReason } from '../../enums';
import { Case, DuplicateProposal } from '../../model';

/** Social services' decision on a later proposal routed to their open case. */
@Resolver()
export class DuplicateProposalMutations {
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
    if (proposal && proposal.status !== CaseStatus.CLOSED) {
      proposal.status = CaseStatus.CLOSED;
      proposal.closedOn = todayIso();
      proposal.closureReason = ClosureReason.DUPLICATE_PROPOSAL;
    }
    routed.resolvedAt = new Date();
    routed.resolvedBy = ctx.actor.name;
    await commitWrite(ctx);
    return routed;
  }
}
