import { DISTRICTS } from '@sig/platform/access';
import type { SubgraphContext } from '@sig/platform/request';
import { parseStatisticsPeriod, smallCellThreshold, CITY, StatisticsCohort } from '@sig/platform/statistics';
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
    return reportFor(ctx, period);
  }

  @FieldResolver(() => [StatisticsCohort])
  async cohorts(@Root() report: StatisticsReport, @Ctx() ctx: SubgraphContext): Promise<StatisticsCohort[]> {
    const { period, cohortSizeShown } = sourceOf(report);
    return ctx.statisticsCache.get(`cohorts|${period.label}|${period.referenceDate}|${report.smallCellThreshold}`, async () => {
      const found = new Map((await cohortCaseIds(ctx.em, period)).map((r) => [r.district, r]));
      // Every district, as in social services' rows, so the agencies' rows and sums match them.
      return DISTRICTS.map(({ code }) => ({ district: code, packedCaseIds: found.get(code)?.packed ?? '', size: found.get(code)?.size ?? 0, sizePublished: cohortSizeShown(code) }));
    }) as Promise<StatisticsCohort[]>;
  }

  @FieldResolver(() => Boolean)
  citySizePublished(@Root() report: StatisticsReport): boolean {
    return sourceOf(report).cohortSizeShown(CITY);
  }
}

/** `_entities` for the report (the key is its period): built afresh, under the same statistics rule. */
export const statisticsReferenceResolvers = {
  StatisticsReport: {
    __resolveReference: (ref: { period: string }, ctx: SubgraphContext) => reportFor(ctx, ref.period),
  },
};

/**
 * The report for a period: computed in SQL and protected, then kept until the database announces a
 * change to what it is computed from (or the reference date moves on, or the threshold changes).
 */
function reportFor(ctx: SubgraphContext, label: string): Promise<StatisticsReport> {
  const period = parseStatisticsPeriod('period', label);
  const threshold = smallCellThreshold();
  return ctx.statisticsCache.get(`report|${period.label}|${period.referenceDate}|${threshold}`, () => buildStatisticsReport(ctx.em, period, threshold)) as Promise<StatisticsReport>;
}

function sourceOf(report: StatisticsReport) {
  if (!report.source) throw new Error('statistics report without its source');
  return report.source;
}
