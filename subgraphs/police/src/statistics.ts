import 'reflect-metadata';
import type { SubgraphContext } from '@sig/platform/request';
import { TIME_ZONE } from '@sig/platform/access';
import { agencyStatisticsPart, AgencyStatisticsReport, COHORT_REQUIRES, StatisticCount, StatisticFigure } from '@sig/platform/statistics';
import { sql } from 'kysely';
import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';

@ObjectType({ description: "The police's figures for one district (or \"city\"), over the cases active during the period." })
export class PoliceDistrictStatistics {
  @Field(() => String, { description: 'District code, or "city" for all districts together.' })
  district!: string;
  @Field(() => StatisticCount, { description: 'Cases with a police incident recorded as taking place in the period.' })
  casesWithIncident!: StatisticCount;
  @Field(() => StatisticFigure, { description: 'casesWithIncident as a share of the cases active during the period (0–1).' })
  casesWithIncidentShare!: StatisticFigure;
  @Field(() => StatisticCount, { description: 'Cases with a police contact (talk, home visit, worry report) in the period.' })
  casesWithContact!: StatisticCount;
  @Field(() => StatisticFigure, { description: 'casesWithContact as a share of the cases active during the period (0–1).' })
  casesWithContactShare!: StatisticFigure;
}

@ObjectType({ description: "The police's part of the statistics, computed on police data, small-cell protected." })
export class PoliceStatistics {
  @Field(() => [PoliceDistrictStatistics], { description: 'One row per district.' })
  districts!: PoliceDistrictStatistics[];
  @Field(() => PoliceDistrictStatistics, { description: 'All districts together.' })
  city!: PoliceDistrictStatistics;
}

const MEASURES = [
  { name: 'casesWithIncident', of: 'cohort' },
  { name: 'casesWithContact', of: 'cohort' },
];

@Resolver(() => AgencyStatisticsReport)
export class PoliceStatisticsResolver {
  @Directive(`@requires(fields: "${COHORT_REQUIRES}")`)
  @FieldResolver(() => PoliceStatistics, { nullable: true, description: "The police's part: incidents and contacts over the period's cases. Needs the STATISTICS role." })
  async police(@Root() report: AgencyStatisticsReport, @Ctx() ctx: SubgraphContext): Promise<PoliceStatistics> {
    const part = await agencyStatisticsPart(ctx, 'police', report, MEASURES, ({ from, to }, cohort) => sql`
      with co as (select * from ${cohort} as co(district, case_id)),
      -- Driven by the period's incidents and contacts (a hash join), not by a lookup per case.
      incident as (
        select distinct i.case_id from police_incident i
        where i.occurred_at >= ${from}::date::timestamp at time zone ${TIME_ZONE} and i.occurred_at < (${to}::date + 1)::timestamp at time zone ${TIME_ZONE}
      ),
      contact as (
        select distinct k.case_id from police_contact k
        where k.occurred_at >= ${from}::date::timestamp at time zone ${TIME_ZONE} and k.occurred_at < (${to}::date + 1)::timestamp at time zone ${TIME_ZONE}
      )
      select co.district, count(incident.case_id)::int as "casesWithIncident", count(contact.case_id)::int as "casesWithContact"
      from co left join incident using (case_id) left join contact using (case_id)
      group by co.district`);
    const shape = (r: (typeof part)['city']): PoliceDistrictStatistics => ({
      district: r.district,
      casesWithIncident: r.counts.casesWithIncident,
      casesWithIncidentShare: r.shares.casesWithIncident,
      casesWithContact: r.counts.casesWithContact,
      casesWithContactShare: r.shares.casesWithContact,
    });
    return { districts: part.districts.map(shape), city: shape(part.city) };
  }
}
