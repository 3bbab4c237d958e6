import { sql, type RawBuilder } from 'kysely';
import { SmallCellTable, type StatisticCountValue, type StatisticFigureValue } from './small-cells';
import { CITY, type CohortInput } from './types';

/**
 * A count an agency subgraph publishes about the cohort social services handed it: cases of the
 * cohort with some property, as a share of `of` (the cohort itself, or another such count).
 */
export interface CohortMeasure {
  name: string;
  of: 'cohort' | string;
}

export interface CohortRow {
  district: string;
  counts: Record<string, StatisticCountValue>;
  shares: Record<string, StatisticFigureValue>;
}

/**
 * An agency's part of the statistics, small-cell protected together with what social services
 * publishes: per district and for the city, each measure as a count and a share of its base. The
 * cohort sizes are social services' cells: treated as known where social services shows them and as
 * unknown where it suppressed them, so neither a count here nor its complement ("cases without")
 * lets a reader recover a suppressed cell.
 */
export function protectCohortMeasures(
  threshold: number,
  input: CohortInput,
  valuesByDistrict: Map<string, Record<string, number>>,
  measures: CohortMeasure[],
): { districts: CohortRow[]; city: CohortRow } {
  const districts = input.cohorts.map((c) => c.district);
  const size = new Map(input.cohorts.map((c) => [c.district, c.size]));
  const cell = (name: string, d: string) => `${name}@${d}`;
  const raw = (name: string, d: string): number => {
    if (d === CITY) return districts.reduce((s, x) => s + raw(name, x), 0);
    return name === 'cohort' ? size.get(d)! : (valuesByDistrict.get(d)?.[name] ?? 0);
  };
  const table = new SmallCellTable(threshold);
  for (const d of [...districts, CITY]) {
    const shown = d === CITY ? input.citySizePublished : input.cohorts.find((c) => c.district === d)!.sizePublished;
    table.add(cell('cohort', d), raw('cohort', d), shown ? 'fixed' : 'hidden');
    for (const m of measures) {
      const value = raw(m.name, d);
      const base = raw(m.of, d);
      if (value > base) throw new Error(`statistics: ${m.name} (${value}) exceeds ${m.of} (${base}) in ${d}`);
      table.add(cell(m.name, d), value);
      table.add(cell(`not:${m.name}`, d), base - value, 'hidden');
      table.line(cell(m.of, d), [cell(m.name, d), cell(`not:${m.name}`, d)]);
    }
  }
  for (const name of ['cohort', ...measures.flatMap((m) => [m.name, `not:${m.name}`])]) {
    table.line(cell(name, CITY), districts.map((d) => cell(name, d)));
  }
  table.protect();
  const row = (d: string): CohortRow => ({
    district: d,
    counts: Object.fromEntries(measures.map((m) => [m.name, table.count(cell(m.name, d))])),
    shares: Object.fromEntries(measures.map((m) => [m.name, table.rate(cell(m.name, d), cell(m.of, d))])),
  });
  return { districts: districts.map(row), city: row(CITY) };
}

/**
 * The cohort as SQL rows `(district, case_id)`, from the compact form social services sends (16
 * bytes per case id, base64), unpacked here: use as `from ${cohortRows(input)} as co(district, case_id)`.
 */
export function cohortRows(input: CohortInput): RawBuilder<unknown> {
  const districts: string[] = [];
  const caseIds: string[] = [];
  for (const c of input.cohorts) {
    const bytes = Buffer.from(c.packedCaseIds, 'base64');
    if (bytes.length !== c.size * 16) throw new Error(`statistics: cohort of ${c.district} does not hold ${c.size} case ids`);
    for (let i = 0; i < bytes.length; i += 16) {
      const hex = bytes.toString('hex', i, i + 16);
      districts.push(c.district);
      caseIds.push(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
    }
  }
  return sql`unnest(${districts}::text[], ${caseIds}::uuid[])`;
}
