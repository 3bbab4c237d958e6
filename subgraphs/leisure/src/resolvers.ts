import { statisticsReportReference } from '@sig/platform/statistics';
import { randomUUID } from 'node:crypto';
import { commitWrite, rowsBy, type SubgraphContext } from '@sig/platform/request';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import { badInput, requireIsoDateRange, requirePastDate, requireText } from '@sig/platform/access';
import { leisureCase, LeisureActivity, LeisureCaseData, LeisureContact, LeisureContactKind, SummerJob } from './model';

@InputType({ description: 'A leisure activity.' })
class LeisureActivityInput {
  @Field(() => String, { description: 'The activity.' })
  activity!: string;
  @Field(() => String, { description: 'Where it takes place.' })
  venue!: string;
  @Field(() => String, { description: 'From (ISO date).' })
  fromDate!: string;
  @Field(() => String, { nullable: true, description: 'Until (ISO date), if known.' })
  untilDate?: string | null;
}

@InputType({ description: 'A leisure contact.' })
class LeisureContactInput {
  @Field(() => LeisureContactKind, { description: 'Where it took place.' })
  kind!: LeisureContactKind;
  @Field(() => Date, { description: 'When (not in the future).' })
  occurredAt!: Date;
  @Field(() => String, { description: 'What happened, at most 2000 characters.' })
  note!: string;
}

@InputType({ description: 'A summer job.' })
class SummerJobInput {
  @Field(() => String, { description: 'The employer.' })
  employer!: string;
  @Field(() => Int, { description: 'The year (2000–2100).' })
  year!: number;
  @Field(() => Int, { description: 'Number of weeks (1–12).' })
  weeks!: number;
}

@Resolver(() => LeisureCaseData)
export class LeisureCaseDataResolver {
  @FieldResolver(() => [LeisureActivity], { nullable: true, description: 'Leisure activities. Category LEISURE/ACTIVITIES.' })
  activities(@Root() root: LeisureCaseData, @Ctx() ctx: SubgraphContext) {
    return rowsBy(ctx, LeisureActivity, 'caseId', root.caseId, { fromDate: 'asc' });
  }

  @FieldResolver(() => [LeisureContact], { nullable: true, description: 'Youth-centre and field-assistant contacts, newest first. Category LEISURE/CONTACTS.' })
  contacts(@Root() root: LeisureCaseData, @Ctx() ctx: SubgraphContext) {
    return rowsBy(ctx, LeisureContact, 'caseId', root.caseId, { occurredAt: 'desc' });
  }

  @FieldResolver(() => [SummerJob], { nullable: true, description: 'Summer jobs (feriejobb). Category LEISURE/SUMMER_JOB.' })
  summerJobs(@Root() root: LeisureCaseData, @Ctx() ctx: SubgraphContext) {
    return rowsBy(ctx, SummerJob, 'caseId', root.caseId, { year: 'asc' });
  }
}

@Resolver()
export class LeisureMutations {
  @Mutation(() => LeisureActivity, { description: 'Records a leisure activity. Leisure group members only.' })
  async recordLeisureActivity(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => LeisureActivityInput, { description: 'The activity.' }) input: LeisureActivityInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LeisureActivity> {
    const { fromDate, untilDate } = requireIsoDateRange('input.fromDate', input.fromDate, 'input.untilDate', input.untilDate);
    const activity = ctx.em.create(LeisureActivity, {
      id: randomUUID(),
      caseId,
      activity: requireText('input.activity', input.activity, 200),
      venue: requireText('input.venue', input.venue, 200),
      fromDate,
      untilDate,
    });
    await commitWrite(ctx);
    return activity;
  }

  @Mutation(() => LeisureContact, { description: 'Records a youth-centre or field-assistant contact. Leisure group members only.' })
  async recordLeisureContact(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => LeisureContactInput, { description: 'The contact.' }) input: LeisureContactInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LeisureContact> {
    const contact = ctx.em.create(LeisureContact, {
      id: randomUUID(),
      caseId,
      kind: input.kind,
      occurredAt: requirePastDate('input.occurredAt', input.occurredAt),
      note: requireText('input.note', input.note, 2000),
      staff: ctx.actor.name,
    });
    await commitWrite(ctx);
    return contact;
  }

  @Mutation(() => SummerJob, { description: 'Records a summer job. Leisure group members only.' })
  async recordSummerJob(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => SummerJobInput, { description: 'The job.' }) input: SummerJobInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SummerJob> {
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badInput('input.year', 'must be a year from 2000 to 2100');
    if (!Number.isInteger(input.weeks) || input.weeks < 1 || input.weeks > 12) throw badInput('input.weeks', 'must be from 1 to 12 weeks');
    const job = ctx.em.create(SummerJob, { id: randomUUID(), caseId, employer: requireText('input.employer', input.employer, 200), year: input.year, weeks: input.weeks });
    await commitWrite(ctx);
    return job;
  }
}

export const referenceResolvers = {
  ...leisureCase.referenceResolvers,
  ...statisticsReportReference,
};
