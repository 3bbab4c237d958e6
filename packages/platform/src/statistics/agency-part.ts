import type { EntityManager } from '@mikro-orm/postgresql';
import type { RawBuilder } from 'kysely';
import { protectCohortMeasures, cohortArrays, type CohortMeasure, type CohortRow } from './cohort-table';
import { smallCellThreshold } from './small-cells';
import type { CohortInput } from './types';

/**
 * Computes an agency subgraph's part of a statistics report: its SQL counts the measures over the
 * cohort social services handed over (one row per district), then the counts are small-cell
 * protected together with the cohort sizes. `query` gets the cohort as parallel arrays for
 * `unnest(${districts}::text[], ${caseIds}::uuid[]) as co(district, case_id)`.
 */
export async function agencyStatisticsPart(
  em: EntityManager,
  report: CohortInput,
  measures: CohortMeasure[],
  query: (cohort: { districts: string[]; caseIds: string[] }) => RawBuilder<{ district: string } & Record<string, unknown>>,
): Promise<{ districts: CohortRow[]; city: CohortRow }> {
  if (!Array.isArray(report.cohorts)) throw new Error('statistics: the report reached this subgraph without its cohorts (@requires)');
  const { rows } = await query(cohortArrays(report)).execute(em.getKysely());
  const values = new Map(rows.map((r) => [r.district, Object.fromEntries(measures.map((m) => [m.name, Number(r[m.name] ?? 0)]))]));
  return protectCohortMeasures(smallCellThreshold(), report, values, measures);
}
