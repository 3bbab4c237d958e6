import { DISTRICTS, type SubgraphContext } from '@sig/platform';
import { parseStatisticsPeriod } from '@sig/platform/statistics/period';
import { smallCellThreshold } from '@sig/platform/statistics/small-cells';
import { CITY, StatisticsCohort } from '@sig/platform/statistics/types';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { buildStatisticsReport } from './report';
import { cohortCaseIds } from './queries';
import { StatisticsReport } from './types';

@Resolver(() => StatisticsReport)
export class StatisticsResolver {
  @Query(() => StatisticsReport, {
    nullable: true,
    description: 'District statistics for a period, for SSPF dashboards. Needs the STATISTICS role. Aggregates only, small-cell protected.',
  })
  statistics(
    @Arg('period', () => String, { description: 'A year ("2026"), a quarter ("2026-Q3") or a month ("2026-07").' }) period: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StatisticsReport> {
    return buildStatisticsReport(ctx.em, parseStatisticsPeriod('period', period), smallCellThreshold());
  }

  @FieldResolver(() => [StatisticsCohort])
  async cohorts(@Root() report: StatisticsReport, @Ctx() ctx: SubgraphContext): Promise<StatisticsCohort[]> {
    const { period, cohortSizeShown } = sourceOf(report);
    const ids = new Map((await cohortCaseIds(ctx.em, period)).map((r) => [r.district, r.case_ids]));
    // Every district, as in social services' rows, so the agencies' rows and sums match them.
    return DISTRICTS.map(({ code }) => ({ district: code, caseIds: ids.get(code) ?? [], sizePublished: cohortSizeShown(code) }));
  }

  @FieldResolver(() => Boolean)
  citySizePublished(@Root() report: StatisticsReport): boolean {
    return sourceOf(report).cohortSizeShown(CITY);
  }
}

/** `_entities` for the report (the key is its period): built afresh, under the same statistics rule. */
export const statisticsReferenceResolvers = {
  StatisticsReport: {
    __resolveReference: (ref: { period: string }, ctx: SubgraphContext) =>
      buildStatisticsReport(ctx.em, parseStatisticsPeriod('period', ref.period), smallCellThreshold()),
  },
};

function sourceOf(report: StatisticsReport) {
  if (!report.source) throw new Error('statistics report without its source');
  return report.source;
}
