import { readOnlyRows, type SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Case, DuplicateProposal } from '../../model';

/** Later proposals of the same young person, routed to an open case (see `proposeCase`). */
@Resolver(() => Case)
export class DuplicateProposalFields {
  @FieldResolver(() => [DuplicateProposal], {
    nullable: true,
    description: 'Later proposals of this young person (same personal number) made while this case was open, for social services to decide on (`closeDuplicateProposal`). The proposer is not told of this case. Category SOCIAL_SERVICES/CASE.',
  })
  duplicateProposals(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<DuplicateProposal[]> {
    return readOnlyRows(ctx.em, DuplicateProposal, { caseId: c.id } as never, { recordedAt: 'asc' } as never);
  }
}
