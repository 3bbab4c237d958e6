import { statisticsReportReference } from '@sig/platform/statistics';
import { randomUUID } from 'node:crypto';
import { commitWrite, type SubgraphContext, rowsBy } from '@sig/platform/request';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { requireText, requirePastDate } from '@sig/platform/access';
import { policeCase, IncidentKind, PoliceCaseData, PoliceContact, PoliceContactKind, PoliceIncident } from './model';

@InputType({ description: 'A new police incident concerning the young person.' })
class PoliceIncidentInput {
  @Field(() => IncidentKind, { description: 'What kind of incident it was.' })
  kind!: IncidentKind;
  @Field(() => Date, { description: 'When it took place (not in the future).' })
  occurredAt!: Date;
  @Field(() => String, { description: 'Short description, at most 2000 characters.' })
  description!: string;
  @Field(() => String, { nullable: true, description: 'The police report number (K-nummer), if any.' })
  reportNumber?: string | null;
}

@InputType({ description: 'A new police contact with the young person or the family.' })
class PoliceContactInput {
  @Field(() => PoliceContactKind, { description: 'How the contact took place.' })
  kind!: PoliceContactKind;
  @Field(() => Date, { description: 'When it took place (not in the future).' })
  occurredAt!: Date;
  @Field(() => String, { description: 'What was said or done, at most 2000 characters.' })
  note!: string;
}

@Resolver(() => PoliceCaseData)
export class PoliceCaseDataResolver {
  @FieldResolver(() => [PoliceIncident], { nullable: true, description: 'Incidents concerning the young person, newest first. Category POLICE/INCIDENTS.' })
  incidents(@Root() root: PoliceCaseData, @Ctx() ctx: SubgraphContext) {
    return rowsBy(ctx, PoliceIncident, 'caseId', root.caseId, { occurredAt: 'desc' });
  }

  @FieldResolver(() => [PoliceContact], { nullable: true, description: 'Contacts with the young person or family, newest first. Category POLICE/CONTACTS.' })
  contacts(@Root() root: PoliceCaseData, @Ctx() ctx: SubgraphContext) {
    return rowsBy(ctx, PoliceContact, 'caseId', root.caseId, { occurredAt: 'desc' });
  }
}

@Resolver()
export class PoliceMutations {
  @Mutation(() => PoliceIncident, { description: 'Records an incident for a case. Police group members only.' })
  async recordPoliceIncident(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => PoliceIncidentInput, { description: 'The incident.' }) input: PoliceIncidentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PoliceIncident> {
    const incident = ctx.em.create(PoliceIncident, {
      id: randomUUID(),
      caseId,
      kind: input.kind,
      occurredAt: requirePastDate('input.occurredAt', input.occurredAt),
      description: requireText('input.description', input.description, 2000),
      reportNumber: input.reportNumber ? requireText('input.reportNumber', input.reportNumber, 40) : null,
      recordedBy: ctx.actor.name,
      createdAt: new Date(),
    });
    await commitWrite(ctx);
    return incident;
  }

  @Mutation(() => PoliceContact, { description: 'Records a contact for a case. Police group members only.' })
  async recordPoliceContact(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => PoliceContactInput, { description: 'The contact.' }) input: PoliceContactInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PoliceContact> {
    const contact = ctx.em.create(PoliceContact, {
      id: randomUUID(),
      caseId,
      kind: input.kind,
      occurredAt: requirePastDate('input.occurredAt', input.occurredAt),
      note: requireText('input.note', input.note, 2000),
      officer: ctx.actor.name,
    });
    await commitWrite(ctx);
    return contact;
  }
}

export const referenceResolvers = {
  ...policeCase.referenceResolvers,
  ...statisticsReportReference,
};
