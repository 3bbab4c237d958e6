import 'reflect-metadata';
import type { SubgraphContext } from '@sig/platform/request';
import { agencyStatisticsPart, AgencyStatisticsReport, COHORT_REQUIRES, StatisticCount, StatisticFigure } from '@sig/platform/statistics';
import { sql } from 'kysely';
import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';

@ObjectType({ description: "Leisure's figures for one district (or \"city\"), over the cases active during the period." })
export class LeisureDistrictStatistics {
  @Field(() => String, { description: 'District code, or "city" for all districts together.' })
  district!: string;
  @Field(() => StatisticCount, { description: 'Cases with a leisure activity going on at some time in the period.' })
  casesWithActivity!: StatisticCount;
  @Field(() => StatisticFigure, { description: 'casesWithActivity as a share of the cases active during the period (0–1).' })
  casesWithActivityShare!: StatisticFigure;
  @Field(() => StatisticCount, { description: 'Cases with a summer job in a year the period touches.' })
  casesWithSummerJob!: StatisticCount;
  @Field(() => StatisticFigure, { description: 'casesWithSummerJob as a share of the cases active during the period (0–1).' })
  casesWithSummerJobShare!: StatisticFigure;
}

@ObjectType({ description: "Leisure's part of the statistics, computed on leisure data, small-cell protected." })
export class LeisureStatistics {
  @Field(() => [LeisureDistrictStatistics], { description: 'One row per district.' })
  districts!: LeisureDistrictStatistics[];
  @Field(() => LeisureDistrictStatistics, { description: 'All districts together.' })
  city!: LeisureDistrictStatistics;
}

const MEASURES = [
  { name: 'casesWithActivity', of: 'cohort' },
  { name: 'casesWithSummerJob', of: 'cohort' },
];

@Resolver(() => AgencyStatisticsReport)
export class LeisureStatisticsResolver {
  @Directive(`@requires(fields: "${COHORT_REQUIRES}")`)
  @FieldResolver(() => LeisureStatistics, { nullable: true, description: "Leisure's part: activities and summer jobs over the period's cases. Needs the STATISTICS role." })
  async leisure(@Root() report: AgencyStatisticsReport, @Ctx() ctx: SubgraphContext): Promise<LeisureStatistics> {
    const part = await agencyStatisticsPart(ctx, 'leisure', report, MEASURES, ({ from, to }, cohort) => sql`
      with co as (select * from ${cohort} as co(district, case_id)),
      -- Driven by the period's activities and summer jobs (a hash join), not by a lookup per case.
      activity as (
        select distinct a.case_id from leisure_activity a
        where a.from_date <= ${to}::date and (a.until_date is null or a.until_date >= ${from}::date)
      ),
      job as (
        select distinct j.case_id from summer_job j where j.year between ${Number(from.slice(0, 4))} and ${Number(to.slice(0, 4))}
      )
      select co.district, count(activity.case_id)::int as "casesWithActivity", count(job.case_id)::int as "casesWithSummerJob"
      from co left join activity using (case_id) left join job using (case_id)
      group by co.district`);
    const shape = (r: (typeof part)['city']): LeisureDistrictStatistics => ({
      district: r.district,
      casesWithActivity: r.counts.casesWithActivity,
      casesWithActivityShare: r.shares.casesWithActivity,
      casesWithSummerJob: r.counts.casesWithSummerJob,
      casesWithSummerJobShare: r.shares.casesWithSummerJob,
    });
    return { districts: part.districts.map(shape), city: shape(part.city) };
  }
}
