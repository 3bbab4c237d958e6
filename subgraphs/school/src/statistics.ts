import 'reflect-metadata';
import type { SubgraphContext } from '@sig/platform/request';
import { agencyStatisticsPart, AgencyStatisticsReport, COHORT_REQUIRES, StatisticCount, StatisticFigure } from '@sig/platform/statistics';
import { sql } from 'kysely';
import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';

@ObjectType({ description: "The school's figures for one district (or \"city\"), over the cases active during the period." })
export class SchoolDistrictStatistics {
  @Field(() => String, { description: 'District code, or "city" for all districts together.' })
  district!: string;
  @Field(() => StatisticCount, { description: 'Pupils with at least two attendance periods by the reference date (attendance can be compared over the case).' })
  pupilsWithAttendance!: StatisticCount;
  @Field(() => StatisticFigure, { description: 'pupilsWithAttendance as a share of the cases active during the period (0–1).' })
  pupilsWithAttendanceShare!: StatisticFigure;
  @Field(() => StatisticCount, { description: 'Of those, pupils whose attendance in the latest period is higher than in the first.' })
  attendanceRose!: StatisticCount;
  @Field(() => StatisticFigure, { description: 'attendanceRose as a share of pupilsWithAttendance (0–1).' })
  attendanceRoseShare!: StatisticFigure;
}

@ObjectType({ description: "The school's part of the statistics, computed on school data, small-cell protected." })
export class SchoolStatistics {
  @Field(() => [SchoolDistrictStatistics], { description: 'One row per district.' })
  districts!: SchoolDistrictStatistics[];
  @Field(() => SchoolDistrictStatistics, { description: 'All districts together.' })
  city!: SchoolDistrictStatistics;
}

const MEASURES = [
  { name: 'pupilsWithAttendance', of: 'cohort' },
  { name: 'attendanceRose', of: 'pupilsWithAttendance' },
];

@Resolver(() => AgencyStatisticsReport)
export class SchoolStatisticsResolver {
  @Directive(`@requires(fields: "${COHORT_REQUIRES}")`)
  @FieldResolver(() => SchoolStatistics, { nullable: true, description: "The school's part: whether attendance rose over the case. Needs the STATISTICS role." })
  async school(@Root() report: AgencyStatisticsReport, @Ctx() ctx: SubgraphContext): Promise<SchoolStatistics> {
    const part = await agencyStatisticsPart(ctx, 'school', report, MEASURES, ({ referenceDate }, cohort) => sql`
      with co as (select * from ${cohort} as co(district, case_id)),
      -- Per pupil: the first and the latest attendance period up to the reference date, and how many.
      pupil as (
        select distinct on (a.case_id) a.case_id,
          first_value(a.attendance_percent) over w as first, last_value(a.attendance_percent) over w as latest, count(*) over w as periods
        from attendance_period a join co using (case_id)
        where a.period_start <= ${referenceDate}::date
        window w as (partition by a.case_id order by a.period_start rows between unbounded preceding and unbounded following)
      )
      select co.district,
        count(*) filter (where pupil.periods >= 2)::int as "pupilsWithAttendance",
        count(*) filter (where pupil.periods >= 2 and pupil.latest > pupil.first)::int as "attendanceRose"
      from co left join pupil using (case_id)
      group by co.district`);
    const shape = (r: (typeof part)['city']): SchoolDistrictStatistics => ({
      district: r.district,
      pupilsWithAttendance: r.counts.pupilsWithAttendance,
      pupilsWithAttendanceShare: r.shares.pupilsWithAttendance,
      attendanceRose: r.counts.attendanceRose,
      attendanceRoseShare: r.shares.attendanceRose,
    });
    return { districts: part.districts.map(shape), city: shape(part.city) };
  }
}
