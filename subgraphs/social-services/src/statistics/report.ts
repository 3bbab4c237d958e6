import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, DISTRICTS } from '@sig/platform/access';
import { monthsEndingWith, type StatisticsPeriod, SmallCellTable, CITY } from '@sig/platform/statistics';
import { CLOSURE_REASONS } from '../enums';
import * as q from './queries';
import { AGE_GROUPS, ageGroupOf, DistrictStatistics, MonthStatistics, StatisticsReport } from './types';

/** The agencies whose participation the dashboards show (Socialstyrelsen's figures: police, school, BUP, leisure). */
export const PARTICIPATION_AGENCIES = [Agency.POLICE, Agency.SCHOOL, Agency.CHILD_PSYCHIATRY, Agency.LEISURE] as const;
const AGENCIES = Object.values(Agency);
const ACTION_STATES = ['done', 'late', 'open'] as const;
const SERIES_MONTHS = 12;

/** Counts of one district (or the city) before protection, keyed like the table's cells. */
type Counts = Map<string, number>;

/**
 * Social services' statistics for a period: counted in SQL, put in one small-cell table with every
 * sum a reader could use (districts → city, reasons → closed, age groups → cohort, with/without an
 * agency → cohort, meeting cadence → active, months → period), protected, then shaped for GraphQL.
 */
export async function buildStatisticsReport(em: EntityManager, period: StatisticsPeriod, threshold: number): Promise<StatisticsReport> {
  const months = monthsEndingWith(period, SERIES_MONTHS).filter((m) => m.from <= period.referenceDate);
  const [flows, reasons, ages, cadence, participation, actions, series] = await Promise.all([
    q.caseFlows(em, period),
    q.closuresByReason(em, period),
    q.cohortAgeGroups(em, period),
    q.meetingCadence(em, period),
    q.agencyParticipation(em, period),
    q.actionsDue(em, period),
    q.monthlySeries(em, months, period.referenceDate),
  ]);

  // 1. Counts per district, every cell zero unless a query found cases.
  const districts = DISTRICTS.map((d) => d.code as string);
  const counts = new Map<string, Counts>(districts.map((d) => [d, new Map()]));
  const add = (district: string, key: string, n: number) => {
    const c = counts.get(district);
    if (!c) throw new Error(`statistics: case in unknown district "${district}"`);
    c.set(key, (c.get(key) ?? 0) + n);
  };
  const medians = new Map<string, number | null>();
  for (const r of flows) {
    if (r.district === null) {
      medians.set(CITY, r.median_days_to_active);
      continue;
    }
    add(r.district, 'proposals', r.proposals);
    add(r.district, 'started', r.started);
    add(r.district, 'closed', r.closed);
    add(r.district, 'cohort', r.active_during);
    medians.set(r.district, r.median_days_to_active);
  }
  for (const r of reasons) add(r.district, `closed:${r.reason}`, r.cases);
  for (const r of ages) add(r.district, `age:${ageGroupOf(r.age)}`, r.cases);
  for (const r of cadence) {
    add(r.district, 'active', r.active);
    add(r.district, 'recent', r.recent_meeting);
    add(r.district, 'overdue', r.active - r.recent_meeting - r.not_yet_due);
    add(r.district, 'notYetDue', r.not_yet_due);
  }
  for (const r of participation) add(r.district, `with:${r.agency}`, r.cases);
  for (const r of actions) for (const s of ACTION_STATES) add(r.district, `actions:${r.agency}:${s}`, r[s]);

  // 2. The table: every cell of every district and the city, and the lines between them.
  const table = new SmallCellTable(threshold);
  const published = [
    'proposals', 'started', 'closed', 'cohort', 'active', 'recent', 'overdue',
    ...CLOSURE_REASONS.map((r) => `closed:${r}`),
    ...AGE_GROUPS.map((g) => `age:${g}`),
    ...PARTICIPATION_AGENCIES.map((a) => `with:${a}`),
    ...AGENCIES.flatMap((a) => ACTION_STATES.map((s) => `actions:${a}:${s}`)),
  ];
  const hidden = ['notYetDue', ...PARTICIPATION_AGENCIES.map((a) => `without:${a}`)];
  for (const d of districts) {
    const c = counts.get(d)!;
    for (const a of PARTICIPATION_AGENCIES) c.set(`without:${a}`, (c.get('cohort') ?? 0) - (c.get(`with:${a}`) ?? 0));
  }
  const cell = (key: string, d: string) => `${key}@${d}`;
  const valueOf = (key: string, d: string) => (d === CITY ? districts.reduce((s, x) => s + (counts.get(x)!.get(key) ?? 0), 0) : (counts.get(d)!.get(key) ?? 0));
  for (const d of [...districts, CITY]) {
    for (const key of published) table.add(cell(key, d), valueOf(key, d));
    for (const key of hidden) table.add(cell(key, d), valueOf(key, d), 'hidden');
    table.line(cell('closed', d), CLOSURE_REASONS.map((r) => cell(`closed:${r}`, d)));
    table.line(cell('cohort', d), AGE_GROUPS.map((g) => cell(`age:${g}`, d)));
    table.line(cell('active', d), ['recent', 'overdue', 'notYetDue'].map((k) => cell(k, d)));
    for (const a of PARTICIPATION_AGENCIES) table.line(cell('cohort', d), [cell(`with:${a}`, d), cell(`without:${a}`, d)]);
  }
  for (const key of [...published, ...hidden]) table.line(cell(key, CITY), districts.map((d) => cell(key, d)));
  for (const m of months) {
    const row = series.find((s) => s.month === m.month);
    table.add(cell('started', m.month), row?.started ?? 0);
    table.add(cell('closed', m.month), row?.closed ?? 0);
    table.add(cell('activeAtEnd', m.month), row?.active_at_end ?? 0);
  }
  const monthsOfPeriod = months.filter((m) => m.from >= period.from);
  for (const key of ['started', 'closed']) table.line(cell(key, CITY), monthsOfPeriod.map((m) => cell(key, m.month)));
  table.protect();

  // 3. The GraphQL shape.
  const row = (d: string): DistrictStatistics => ({
    district: d,
    name: d === CITY ? 'Stockholm' : DISTRICTS.find((x) => x.code === d)!.name,
    proposals: table.count(cell('proposals', d)),
    started: table.count(cell('started', d)),
    closed: table.count(cell('closed', d)),
    closedByReason: CLOSURE_REASONS.map((reason) => ({ reason, cases: table.count(cell(`closed:${reason}`, d)) })),
    activeDuringPeriod: table.count(cell('cohort', d)),
    ageGroups: AGE_GROUPS.map((ageGroup) => ({ ageGroup, cases: table.count(cell(`age:${ageGroup}`, d)) })),
    activeOnReferenceDate: table.count(cell('active', d)),
    meetingInLastFiveWeeks: table.count(cell('recent', d)),
    meetingInLastFiveWeeksShare: table.rate(cell('recent', d), cell('active', d)),
    meetingOverdue: table.count(cell('overdue', d)),
    participation: PARTICIPATION_AGENCIES.map((agency) => ({
      agency,
      cases: table.count(cell(`with:${agency}`, d)),
      share: table.rate(cell(`with:${agency}`, d), cell('cohort', d)),
    })),
    actions: AGENCIES.map((agency) => ({
      agency,
      done: table.count(cell(`actions:${agency}:done`, d)),
      late: table.count(cell(`actions:${agency}:late`, d)),
      open: table.count(cell(`actions:${agency}:open`, d)),
    })),
    // The city's median is over every case started in the period, not a median of the districts' medians.
    medianDaysProposalToActive: table.figure(medians.get(d) ?? null, cell('started', d)),
  });
  return Object.assign(new StatisticsReport(), {
    period: period.label,
    from: period.from,
    to: period.to,
    referenceDate: period.referenceDate,
    smallCellThreshold: threshold,
    districts: districts.map(row),
    city: row(CITY),
    months: months.map((m): MonthStatistics => ({
      month: m.month,
      started: table.count(cell('started', m.month)),
      closed: table.count(cell('closed', m.month)),
      activeAtEnd: table.count(cell('activeAtEnd', m.month)),
    })),
    source: { period, cohortSizeShown: (d: string) => table.isShown(cell('cohort', d)) },
  });
}
