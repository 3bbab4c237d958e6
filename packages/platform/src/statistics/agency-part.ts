import { createHash } from 'node:crypto';
import type { RawBuilder } from 'kysely';
import type { SubgraphContext } from '../request/context';
import { parseStatisticsPeriod, type StatisticsPeriod } from './period';
import { cohortRows, protectCohortMeasures, type CohortMeasure, type CohortRow } from './cohort-table';
import { smallCellThreshold } from './small-cells';
import type { CohortInput } from './types';

export interface AgencyPart {
  districts: CohortRow[];
  city: CohortRow;
}

/**
 * Computes an agency subgraph's part of a statistics report: its SQL counts the measures over the
 * cohort social services handed over (one row per district), then the counts are small-cell
 * protected together with the cohort sizes. `query` gets the period and the cohort as SQL rows
 * (district, case_id), to use as `from ${cohort} as co(district, case_id)`.
 *
 * Kept until this agency's database announces a change; the cohort is part of the key, so a change
 * at social services (a new cohort) is a new entry.
 */
export function agencyStatisticsPart(
  ctx: SubgraphContext,
  part: string,
  report: CohortInput & { period: string },
  measures: CohortMeasure[],
  query: (period: StatisticsPeriod, cohort: RawBuilder<unknown>) => RawBuilder<{ district: string } & Record<string, unknown>>,
): Promise<AgencyPart> {
  if (!Array.isArray(report.cohorts)) throw new Error('statistics: the report reached this subgraph without its cohorts (@requires)');
  const period = parseStatisticsPeriod('period', report.period);
  const threshold = smallCellThreshold();
  const cohortDigest = createHash('sha256').update(JSON.stringify([report.cohorts, report.citySizePublished])).digest('base64url');
  const key = `${part}|${period.label}|${period.referenceDate}|${threshold}|${cohortDigest}`;
  return ctx.statisticsCache.get(key, async () => {
    const { rows } = await query(period, cohortRows(report)).execute(ctx.em.getKysely());
    const values = new Map(rows.map((r) => [r.district, Object.fromEntries(measures.map((m) => [m.name, Number(r[m.name] ?? 0)]))]));
    return protectCohortMeasures(threshold, report, values, measures);
  }) as Promise<AgencyPart>;
}
