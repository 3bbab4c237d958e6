import { statisticsReportReference } from '@sig/platform/statistics';
import { randomUUID } from 'node:crypto';
import { commitWrite, rowsBy, type SubgraphContext } from '@sig/platform/request';
import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import { badInput, requireIsoDateRange, requireText } from '@sig/platform/access';
import { AttendancePeriod, SchoolCaseData, schoolCase, SchoolPlacement, SupportMeasure, SupportMeasureKind } from './model';

@InputType({ description: 'A school placement.' })
class SchoolPlacementInput {
  @Field(() => String, { description: 'Name of the school.' })
  schoolName!: string;
  @Field(() => Int, { description: 'Grade 1–12 (10–12: upper secondary years 1–3).' })
  grade!: number;
  @Field(() => String, { description: 'The mentor.' })
  mentor!: string;
  @Field(() => String, { description: 'From (ISO date).' })
  fromDate!: string;
  @Field(() => String, { nullable: true, description: 'Until (ISO date), if known.' })
  untilDate?: string | null;
}

@InputType({ description: 'Attendance over one period.' })
class AttendanceInput {
  @Field(() => String, { description: 'First day (ISO date).' })
  periodStart!: string;
  @Field(() => String, { description: 'Last day (ISO date), not before the first.' })
  periodEnd!: string;
  @Field(() => Float, { description: 'Share of lessons attended, 0–100.' })
  attendancePercent!: number;
  @Field(() => Float, { description: 'Share missed without a valid reason, 0–100.' })
  unexcusedAbsencePercent!: number;
}

@InputType({ description: 'A support measure.' })
class SupportMeasureInput {
  @Field(() => SupportMeasureKind, { description: 'Kind of support.' })
  kind!: SupportMeasureKind;
  @Field(() => String, { description: 'What the support is.' })
  description!: string;
  @Field(() => String, { description: 'From (ISO date).' })
  fromDate!: string;
  @Field(() => String, { nullable: true, description: 'Until (ISO date), if known.' })
  untilDate?: string | null;
}

function percent(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 100) throw badInput(field, 'must be between 0 and 100');
  return Math.round(value * 100) / 100;
}

@Resolver(() => SchoolCaseData)
export class SchoolCaseDataResolver {
  @FieldResolver(() => SchoolPlacement, { nullable: true, description: 'The current school placement. Category SCHOOL/PLACEMENT.' })
  async placement(@Root() root: SchoolCaseData, @Ctx() ctx: SubgraphContext): Promise<SchoolPlacement | null> {
    const placements = await rowsBy(ctx, SchoolPlacement, 'caseId', root.caseId, { fromDate: 'desc' });
    return placements[0] ?? null;
  }

  @FieldResolver(() => [AttendancePeriod], { nullable: true, description: 'Attendance per period, oldest first. Category SCHOOL/ATTENDANCE.' })
  attendance(@Root() root: SchoolCaseData, @Ctx() ctx: SubgraphContext) {
    return rowsBy(ctx, AttendancePeriod, 'caseId', root.caseId, { periodStart: 'asc' });
  }

  @FieldResolver(() => [SupportMeasure], { nullable: true, description: 'Support measures (stödinsatser). Category SCHOOL/SUPPORT.' })
  supportMeasures(@Root() root: SchoolCaseData, @Ctx() ctx: SubgraphContext) {
    return rowsBy(ctx, SupportMeasure, 'caseId', root.caseId, { fromDate: 'asc' });
  }
}

@Resolver()
export class SchoolMutations {
  @Mutation(() => SchoolPlacement, { description: 'Records where the young person goes to school. School group members only.' })
  async recordSchoolPlacement(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => SchoolPlacementInput, { description: 'The placement.' }) input: SchoolPlacementInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolPlacement> {
    if (!Number.isInteger(input.grade) || input.grade < 1 || input.grade > 12) throw badInput('input.grade', 'must be a whole number from 1 to 12');
    const placement = ctx.em.create(SchoolPlacement, {
      id: randomUUID(),
      caseId,
      schoolName: requireText('input.schoolName', input.schoolName, 200),
      grade: input.grade,
      mentor: requireText('input.mentor', input.mentor, 200),
      ...requireIsoDateRange('input.fromDate', input.fromDate, 'input.untilDate', input.untilDate),
    });
    await commitWrite(ctx);
    return placement;
  }

  @Mutation(() => AttendancePeriod, { description: 'Records attendance for a period. School group members only.' })
  async recordAttendance(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => AttendanceInput, { description: 'The attendance.' }) input: AttendanceInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AttendancePeriod> {
    const { fromDate, untilDate } = requireIsoDateRange('input.periodStart', input.periodStart, 'input.periodEnd', input.periodEnd);
    const period = ctx.em.create(AttendancePeriod, {
      id: randomUUID(),
      caseId,
      periodStart: fromDate,
      periodEnd: untilDate!,
      attendancePercent: percent('input.attendancePercent', input.attendancePercent),
      unexcusedAbsencePercent: percent('input.unexcusedAbsencePercent', input.unexcusedAbsencePercent),
    });
    await commitWrite(ctx);
    return period;
  }

  @Mutation(() => SupportMeasure, { description: 'Records a support measure. School group members only.' })
  async recordSupportMeasure(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('input', () => SupportMeasureInput, { description: 'The measure.' }) input: SupportMeasureInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupportMeasure> {
    const measure = ctx.em.create(SupportMeasure, {
      id: randomUUID(),
      caseId,
      kind: input.kind,
      description: requireText('input.description', input.description, 2000),
      ...requireIsoDateRange('input.fromDate', input.fromDate, 'input.untilDate', input.untilDate),
    });
    await commitWrite(ctx);
    return measure;
  }
}

export const referenceResolvers = {
  ...schoolCase.referenceResolvers,
  ...statisticsReportReference,
};
