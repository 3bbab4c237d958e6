import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatisticsPeriod } from '@sig/platform/statistics/period';
import { sql } from 'kysely';

/**
 * The SQL behind social services' statistics: every figure is counted in PostgreSQL, grouped by
 * district; no case row is loaded into Node. The indexes these queries use are in the migration
 * that added them (Migration20261125033142).
 *
 * Definitions (one place for each):
 * - proposals, started, closed: cases proposed, activated, closed within the period;
 * - active during the period (the cohort): activated on or before its last day and not closed
 *   before its first day;
 * - active on the reference date: activated on or before it and not closed on or before it.
 */
const activeDuring = (p: StatisticsPeriod) => sql`c.activated_on <= ${p.to}::date and (c.closed_on is null or c.closed_on >= ${p.from}::date)`;
const activeOn = (date: string) => sql`c.activated_on <= ${date}::date and (c.closed_on is null or c.closed_on > ${date}::date)`;

async function rows<T>(em: EntityManager, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(em.getKysely())).rows;
}

export interface CaseFlowRow {
  /** Null on the row for all districts together. */
  district: string | null;
  proposals: number;
  started: number;
  closed: number;
  active_during: number;
  median_days_to_active: number | null;
}

/** Flows of the period and the cohort size per district, and a row for all districts together (for its median). */
export function caseFlows(em: EntityManager, p: StatisticsPeriod) {
  return rows<CaseFlowRow>(
    em,
    sql`select c.district,
      count(*) filter (where c.proposed_on between ${p.from}::date and ${p.to}::date)::int as proposals,
      count(*) filter (where c.activated_on between ${p.from}::date and ${p.to}::date)::int as started,
      count(*) filter (where c.closed_on between ${p.from}::date and ${p.to}::date)::int as closed,
      count(*) filter (where ${activeDuring(p)})::int as active_during,
      (percentile_cont(0.5) within group (order by c.activated_on - c.proposed_on)
         filter (where c.activated_on between ${p.from}::date and ${p.to}::date))::float8 as median_days_to_active
    from sig_case c
    where c.proposed_on <= ${p.to}::date and (c.closed_on is null or c.closed_on >= ${p.from}::date)
    group by grouping sets ((c.district), ())`,
  );
}

/** Cases closed in the period, per district and closure reason. */
export function closuresByReason(em: EntityManager, p: StatisticsPeriod) {
  return rows<{ district: string; reason: string; cases: number }>(
    em,
    sql`select c.district, c.closure_reason as reason, count(*)::int as cases
    from sig_case c where c.closed_on between ${p.from}::date and ${p.to}::date
    group by c.district, c.closure_reason`,
  );
}

/** The cohort per district and age group (age on the reference date). */
export function cohortAgeGroups(em: EntityManager, p: StatisticsPeriod) {
  return rows<{ district: string; age: number; cases: number }>(
    em,
    sql`select c.district, date_part('year', age(${p.referenceDate}::date, y.date_of_birth))::int as age, count(*)::int as cases
    from sig_case c join young_person y on y.id = c.young_person_id
    where ${activeDuring(p)}
    group by 1, 2`,
  );
}

export interface MeetingCadenceRow {
  district: string;
  active: number;
  recent_meeting: number;
  overdue: number;
}

/**
 * Cases active on the reference date, per district: with a network meeting held in the five weeks
 * before it, overdue (more than five weeks since the last meeting, or since activation when none
 * was held: the rule of `isMeetingOverdue`), and the rest (activated within five weeks, no meeting yet).
 */
export function meetingCadence(em: EntityManager, p: StatisticsPeriod) {
  const ref = p.referenceDate;
  return rows<MeetingCadenceRow>(
    em,
    sql`select c.district, count(*)::int as active,
      count(*) filter (where m.last_held >= ${ref}::date - 35)::int as recent_meeting,
      count(*) filter (where coalesce(m.last_held, c.activated_on) + 35 < ${ref}::date)::int as overdue
    from sig_case c
    left join lateral (
      select max(held_on) as last_held from meeting m
      where m.case_id = c.id and m.status = 'HELD' and m.held_on <= ${ref}::date
    ) m on true
    where ${activeOn(ref)}
    group by c.district`,
  );
}

/** Cohort cases with a member of each agency at some time in the period. */
export function agencyParticipation(em: EntityManager, p: StatisticsPeriod) {
  return rows<{ district: string; agency: string; cases: number }>(
    em,
    sql`select c.district, g.agency, count(distinct c.id)::int as cases
    from sig_case c join group_member g on g.case_id = c.id
    where ${activeDuring(p)}
      and g.from_date <= ${p.to}::date and (g.until_date is null or g.until_date > ${p.from}::date)
    group by c.district, g.agency`,
  );
}

/**
 * Actions of the cases' current plans that fall due in the period, per district and responsible
 * agency: done, late (not done and past due on the reference date) and open (not yet due).
 * Cancelled actions are left out.
 */
export function actionsDue(em: EntityManager, p: StatisticsPeriod) {
  const ref = p.referenceDate;
  return rows<{ district: string; agency: string; done: number; late: number; open: number }>(
    em,
    sql`select c.district, a.responsible_agency as agency,
      count(*) filter (where a.status = 'DONE')::int as done,
      count(*) filter (where a.status in ('OPEN', 'IN_PROGRESS') and a.due_date < ${ref}::date)::int as late,
      count(*) filter (where a.status in ('OPEN', 'IN_PROGRESS') and a.due_date >= ${ref}::date)::int as open
    from plan_action a
    join sig_case c on c.id = a.case_id
    join lateral (select id from action_plan ap where ap.case_id = a.case_id order by ap.plan_version desc limit 1) cur on cur.id = a.plan_id
    where a.due_date between ${p.from}::date and ${p.to}::date and a.status <> 'CANCELLED'
    group by c.district, a.responsible_agency`,
  );
}

export interface MonthRow {
  month: string;
  started: number;
  closed: number;
  active_at_end: number;
}

/**
 * All districts together, per month: cases started, closed, and active on the month's last day (or
 * on the reference date, for the month it falls in). Months after the reference date are left out.
 */
export function monthlySeries(em: EntityManager, months: { month: string; from: string; to: string }[], referenceDate: string) {
  const first = months[0].from;
  const last = months.at(-1)!.to;
  return rows<MonthRow>(
    em,
    sql`with months as (
      select to_char(m, 'YYYY-MM') as month, m::date as f, least((m + interval '1 month' - interval '1 day')::date, ${referenceDate}::date) as t
      from generate_series(${first}::date, least(${last}::date, ${referenceDate}::date), interval '1 month') m
    )
    select months.month,
      (select count(*) from sig_case c where c.activated_on between months.f and months.t)::int as started,
      (select count(*) from sig_case c where c.closed_on between months.f and months.t)::int as closed,
      (select count(*) from sig_case c where c.activated_on <= months.t and (c.closed_on is null or c.closed_on > months.t))::int as active_at_end
    from months order by months.month`,
  );
}

/** The ids of the cohort's cases per district: handed to the other agencies' subgraphs, never to a client. */
export function cohortCaseIds(em: EntityManager, p: StatisticsPeriod) {
  return rows<{ district: string; case_ids: string[] }>(
    em,
    sql`select c.district, array_agg(c.id::text order by c.id) as case_ids from sig_case c where ${activeDuring(p)} group by c.district`,
  );
}
