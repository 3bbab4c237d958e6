import { readOnlyRows, type SubgraphContext } from '@sig/platform/request';
import { Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { proposalStage } from '../../domain/intake';
import { CaseStatus, ProposalStage, ReferralSource } from '../../enums';
import { load } from '../../loaders';
import { Case } from '../../model';

@ObjectType({
  description:
    "One of the actor's own proposals, as its proposer may know it: what it sent and a coarse stage. Never the case's content, its closure reason, or anything of another case (a proposal routed to an open case reads only its own stage).",
})
export class OwnProposal {
  @Field(() => ID, { description: 'The case the proposal opened (its id, as `proposeCase` answered).' })
  caseId!: string;
  @Field(() => String, { description: 'Date of the proposal (ISO date).' })
  proposedOn!: string;
  @Field(() => String, { description: 'The district the proposer sent it to.' })
  district!: string;
  @Field(() => ReferralSource, { nullable: true, description: 'The referral source the proposer gave.' })
  referralSource?: ReferralSource | null;
  @Field(() => ProposalStage, { description: 'Where the proposal is: received, under assessment, started, not started, closed.' })
  stage!: ProposalStage;
}

/** The proposals: the proposer's own, and the district's incoming ones. */
@Resolver()
export class ProposalQueries {
  @Query(() => [OwnProposal], {
    description:
      "The actor's own proposals (proposed by this person), newest first, each with a coarse stage only: a proposer outside the group learns that its proposal was received, assessed, started or not, and nothing of the case.",
  })
  async myProposals(@Ctx() ctx: SubgraphContext): Promise<OwnProposal[]> {
    const rows = await readOnlyRows(ctx.em, Case, { proposedById: ctx.actor.id } as any, { proposedOn: 'desc', id: 'asc' }, 500);
    return rows
      .filter((c) => c.proposedById === ctx.actor.id)
      .map((c) => Object.assign(new OwnProposal(), { caseId: c.id, proposedOn: c.proposedOn, district: c.district, referralSource: c.referralSource ?? null, stage: proposalStage(c) }));
  }

  @Query(() => [Case], {
    description:
      "The district's incoming proposals (PROPOSED cases), newest first, for the district supervisor of social services, who assesses and allots them (seed 003: social services assesses and decides). Each case's fields are decided as in `case`.",
  })
  async incomingProposals(@Ctx() ctx: SubgraphContext): Promise<Case[]> {
    const rows = await readOnlyRows(ctx.em, Case, { district: ctx.actor.district, status: CaseStatus.PROPOSED } as any, { proposedOn: 'desc', id: 'asc' }, 500);
    return load.casesRead(ctx, rows);
  }
}
