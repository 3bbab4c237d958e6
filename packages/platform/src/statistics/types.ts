import 'reflect-metadata';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** A published count: the number, or null when small-cell protection suppressed it. */
@Directive('@shareable')
@ObjectType({ description: 'A count in a statistic. Null and `suppressed` when it is under the small-cell threshold, or when it would let a reader work out such a count by subtraction.' })
export class StatisticCount {
  @Field(() => Int, { nullable: true, description: 'The count; null when suppressed.' })
  value!: number | null;
  @Field(() => Boolean, { description: 'True when the count is withheld by small-cell protection.' })
  suppressed!: boolean;
}

/** A published figure derived from counts (a share 0–1, a median): suppressed with the counts it comes from. */
@Directive('@shareable')
@ObjectType({ description: 'A figure derived from counts: a share (0–1, three decimals) or a median. Null and `suppressed` whenever a count it is computed from is suppressed.' })
export class StatisticFigure {
  @Field(() => Float, { nullable: true, description: 'The figure; null when suppressed.' })
  value!: number | null;
  @Field(() => Boolean, { description: 'True when the figure is withheld by small-cell protection.' })
  suppressed!: boolean;
}

/**
 * The cases a district's statistics are about (active at some time in the period), handed by social
 * services to the other agencies' subgraphs through the gateway (`@requires`) so each can compute its
 * part on its own data. Internal to the supergraph: `@inaccessible`, so no client can select it.
 */
@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType({ description: 'Internal: the cases of one district that a statistics report is about.' })
export class StatisticsCohort {
  @Field(() => String, { description: 'District code.' })
  district!: string;
  @Field(() => String, { description: 'The cases: their ids as 16 bytes each, in one base64 string (compact: a year can hold tens of thousands).' })
  packedCaseIds!: string;
  @Field(() => Int, { description: 'How many cases.' })
  size!: number;
  @Field(() => Boolean, { description: 'Whether social services publishes the number of these cases (not suppressed).' })
  sizePublished!: boolean;
}

/** The district code of the row for all districts together. */
export const CITY = 'city';

/** What a subgraph's statistics part gets from social services through `@requires`. */
export interface CohortInput {
  cohorts: StatisticsCohort[];
  /** Whether social services publishes the number of cases in all districts together. */
  citySizePublished: boolean;
}

/** The `@requires` selection every agency subgraph's statistics part declares. */
export const COHORT_REQUIRES = 'cohorts { district packedCaseIds size sizePublished } citySizePublished';

/**
 * The statistics report as an agency subgraph (police, school, leisure) sees it: the key, and the
 * cohorts social services computes (`@external`, delivered through `@requires`). Each agency adds its
 * part with a field resolver on this class.
 */
@Directive('@key(fields: "period")')
@ObjectType('StatisticsReport', { description: 'District statistics for one period.' })
export class AgencyStatisticsReport implements CohortInput {
  @Field(() => String, { description: 'The period.' })
  period!: string;
  @Directive('@external')
  @Field(() => [StatisticsCohort], { description: 'Internal: the cases each district row is about.' })
  cohorts!: StatisticsCohort[];
  @Directive('@external')
  @Field(() => Boolean, { description: 'Internal: whether the number of cases of all districts together is published.' })
  citySizePublished!: boolean;
}

/** `_entities` for the report: the representation (period, and the cohorts through @requires) is the report. */
export const statisticsReportReference = { StatisticsReport: { __resolveReference: (ref: object) => ref } };
