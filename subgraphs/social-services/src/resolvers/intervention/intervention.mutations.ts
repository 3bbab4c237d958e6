import { randomUUID } from 'node:crypto';
import { type SubgraphContext, commitWrite } from '@sig/platform/request';
import { requireIsoDate } from '@sig/platform/access';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { InterventionKind } from '../../enums';
import { Intervention } from '../../model';
import { caseForWrite } from '../case/case-write';

/** Interventions granted alongside the SIG (insatser). */
@Resolver()
export class InterventionMutations {
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
}
