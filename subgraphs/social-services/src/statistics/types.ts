import 'reflect-metadata';
import { Agency } from '@sig/platform/access';
import { StatisticCount, StatisticFigure, StatisticsCohort, type StatisticsPeriod } from '@sig/platform/statistics';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { ClosureReason } from '../enums';
import { graphqlEnum } from '../graphql-enum';

export const AGE_GROUPS = ['AGE_12_14', 'AGE_15_17', 'AGE_18_19', 'AGE_20_24', 'AGE_25_29', 'OTHER'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const AgeGroup = graphqlEnum(
  'AgeGroup',
  AGE_GROUPS,
  'Age group of the young person on the reference date. SIG Unga is 12–19, SIG unga vuxna 20–29.',
  {
    AGE_12_14: '12–14 years.',
    AGE_15_17: '15–17 years.',
    AGE_18_19: '18–19 years.',
    AGE_20_24: '20–24 years.',
    AGE_25_29: '25–29 years.',
    OTHER: 'Outside 12–29 (a case with a documented age exception).',
  },
);

/** The age group of an age; every age has exactly one. */
export function ageGroupOf(age: number): AgeGroup {
  if (age >= 12 && age <= 14) return AgeGroup.AGE_12_14;
  if (age >= 15 && age <= 17) return AgeGroup.AGE_15_17;
  if (age >= 18 && age <= 19) return AgeGroup.AGE_18_19;
  if (age >= 20 && age <= 24) return AgeGroup.AGE_20_24;
  if (age >= 25 && age <= 29) return AgeGroup.AGE_25_29;
  return AgeGroup.OTHER;
}

@ObjectType({ description: 'Cases closed in the period for one reason.' })
export class ClosureReasonCount {
  @Field(() => ClosureReason, { description: 'The closure reason.' })
  reason!: ClosureReason;
  @Field(() => StatisticCount, { description: 'Cases closed for it.' })
  cases!: StatisticCount;
}

@ObjectType({ description: 'Cases of the period in one age group.' })
export class AgeGroupCount {
  @Field(() => AgeGroup, { description: 'The age group.' })
  ageGroup!: AgeGroup;
  @Field(() => StatisticCount, { description: 'Cases active during the period in it.' })
  cases!: StatisticCount;
}

@ObjectType({ description: "One agency's participation: cases active during the period with a member from it (Socialstyrelsen's 9-of-10 figures)." })
export class AgencyParticipation {
  @Field(() => Agency, { description: 'The agency.' })
  agency!: Agency;
  @Field(() => StatisticCount, { description: 'Cases with a member from the agency at some time in the period.' })
  cases!: StatisticCount;
  @Field(() => StatisticFigure, { description: 'Share of the cases active during the period (0–1).' })
  share!: StatisticFigure;
}

@ObjectType({ description: 'Actions of current action plans falling due in the period, for one responsible agency.' })
export class AgencyActions {
  @Field(() => Agency, { description: 'The responsible agency.' })
  agency!: Agency;
  @Field(() => StatisticCount, { description: 'Done.' })
  done!: StatisticCount;
  @Field(() => StatisticCount, { description: 'Not done and past due on the reference date.' })
  late!: StatisticCount;
  @Field(() => StatisticCount, { description: 'Not done and not yet due on the reference date.' })
  open!: StatisticCount;
}

@ObjectType({ description: "Social services' figures for one district, or for all districts together." })
export class DistrictStatistics {
  @Field(() => String, { description: 'District code, or "city" for all districts together.' })
  district!: string;
  @Field(() => String, { description: 'District name.' })
  name!: string;
  @Field(() => StatisticCount, { description: 'Cases proposed in the period.' })
  proposals!: StatisticCount;
  @Field(() => StatisticCount, { description: 'Cases that became active (the group started) in the period.' })
  started!: StatisticCount;
  @Field(() => StatisticCount, { description: 'Cases closed in the period.' })
  closed!: StatisticCount;
  @Field(() => [ClosureReasonCount], { description: 'Cases closed in the period, by reason.' })
  closedByReason!: ClosureReasonCount[];
  @Field(() => StatisticCount, { description: 'Cases active at some time in the period: the cases the other figures of the period are about.' })
  activeDuringPeriod!: StatisticCount;
  @Field(() => [AgeGroupCount], { description: 'Cases active during the period, by age group.' })
  ageGroups!: AgeGroupCount[];
  @Field(() => StatisticCount, { description: 'Cases active on the reference date.' })
  activeOnReferenceDate!: StatisticCount;
  @Field(() => StatisticCount, { description: 'Of those, cases with a network meeting held in the five weeks before the reference date.' })
  meetingInLastFiveWeeks!: StatisticCount;
  @Field(() => StatisticFigure, { description: 'meetingInLastFiveWeeks as a share of activeOnReferenceDate (0–1).' })
  meetingInLastFiveWeeksShare!: StatisticFigure;
  @Field(() => StatisticCount, { description: 'Of those, cases more than five weeks past their last meeting (or their activation, when none was held).' })
  meetingOverdue!: StatisticCount;
  @Field(() => [AgencyParticipation], { description: 'Participation of police, school, child psychiatry (BUP) and leisure.' })
  participation!: AgencyParticipation[];
  @Field(() => [AgencyActions], { description: 'Actions falling due in the period, by responsible agency.' })
  actions!: AgencyActions[];
  @Field(() => StatisticFigure, { description: 'Median days from proposal to active, over the cases started in the period.' })
  medianDaysProposalToActive!: StatisticFigure;
}

@ObjectType({ description: 'All districts together in one month.' })
export class MonthStatistics {
  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;
  @Field(() => StatisticCount, { description: 'Cases that became active in the month.' })
  started!: StatisticCount;
  @Field(() => StatisticCount, { description: 'Cases closed in the month.' })
  closed!: StatisticCount;
  @Field(() => StatisticCount, { description: "Cases active on the month's last day (on the reference date in the month it falls in)." })
  activeAtEnd!: StatisticCount;
}

@Directive('@key(fields: "period")')
@ObjectType({ description: "District statistics for one period (SSPF dashboards). Aggregates only, small-cell protected: no count under the threshold is shown, nor one that could be worked out by subtraction. Each agency's subgraph adds its own part." })
export class StatisticsReport {
  @Field(() => String, { description: 'The period: "2026", "2026-Q3" or "2026-07".' })
  period!: string;
  @Field(() => String, { description: 'First day of the period (ISO date).' })
  from!: string;
  @Field(() => String, { description: 'Last day of the period (ISO date).' })
  to!: string;
  @Field(() => String, { description: "The day stock figures are taken on: the period's last day, or today while it runs." })
  referenceDate!: string;
  @Field(() => Int, { description: 'Counts under this are suppressed (small-cell protection).' })
  smallCellThreshold!: number;
  @Field(() => [DistrictStatistics], { description: 'One row per city district.' })
  districts!: DistrictStatistics[];
  @Field(() => DistrictStatistics, { description: 'All districts together.' })
  city!: DistrictStatistics;
  @Field(() => [MonthStatistics], { description: "Cases over time, all districts together: the twelve months ending with the period's last month, up to the reference date." })
  months!: MonthStatistics[];
  @Directive('@inaccessible')
  @Field(() => [StatisticsCohort], { description: 'Internal: the cases each district row is about, for the other agencies\' parts.' })
  cohorts!: StatisticsCohort[];
  @Directive('@inaccessible')
  @Field(() => Boolean, { description: 'Internal: whether the number of cases of all districts together is published.' })
  citySizePublished!: boolean;
  /** Not in the schema: what the internal fields are computed from, on demand. */
  source?: { period: StatisticsPeriod; cohortSizeShown(district: string): boolean };
}
