import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatisticsPeriod } from '@sig/platform/statistics';
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
  not_yet_due: number;
}

/**
 * Cases active on the reference date, per district: with a network meeting held in the five weeks
 * up to it (recent), and not yet due (activated within those five weeks, no meeting held yet). The
 * rest are overdue: more than five weeks since the last meeting, or since activation when none was
 * held (the rule of `isMeetingOverdue`). Driven by the meetings of the last five weeks rather than
 * by every case's last meeting.
 */
export function meetingCadence(em: EntityManager, p: StatisticsPeriod) {
  const ref = p.referenceDate;
  return rows<MeetingCadenceRow>(
    em,
    sql`with active as (
      select c.id, c.district, c.activated_on from sig_case c where ${activeOn(ref)}
    ),
    recent as (
      select distinct m.case_id from meeting m where m.status = 'HELD' and m.held_on between ${ref}::date - 35 and ${ref}::date
    )
    select a.district, count(*)::int as active, count(r.case_id)::int as recent_meeting,
      count(*) filter (where r.case_id is null and a.activated_on >= ${ref}::date - 35
        and not exists (select 1 from meeting m where m.case_id = a.id and m.status = 'HELD' and m.held_on <= ${ref}::date))::int as not_yet_due
    from active a left join recent r on r.case_id = a.id
    group by a.district`,
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
    join action_plan ap on ap.id = a.plan_id
    where a.due_date between ${p.from}::date and ${p.to}::date and a.status <> 'CANCELLED'
      and not exists (select 1 from action_plan newer where newer.case_id = ap.case_id and newer.plan_version > ap.plan_version)
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
 * One pass over the months' activations and closures: the active count runs from the count at the
 * start of the first month, plus each month's activations, minus its closures of activated cases.
 */
export function monthlySeries(em: EntityManager, months: { month: string; from: string; to: string }[], referenceDate: string) {
  const first = months[0].from;
  const last = months.at(-1)!.to < referenceDate ? months.at(-1)!.to : referenceDate;
  return rows<MonthRow>(
    em,
    sql`with months as (
      select m::date as f, to_char(m, 'YYYY-MM') as month from generate_series(${first}::date, ${last}::date, interval '1 month') m
    ),
    before as (
      select count(*)::int as n from sig_case c where c.activated_on < ${first}::date and (c.closed_on is null or c.closed_on >= ${first}::date)
    ),
    starts as (
      select date_trunc('month', c.activated_on)::date as m, count(*)::int as n from sig_case c
      where c.activated_on between ${first}::date and ${last}::date group by 1
    ),
    ends as (
      select date_trunc('month', c.closed_on)::date as m, count(*)::int as n, count(*) filter (where c.activated_on is not null)::int as n_activated
      from sig_case c where c.closed_on between ${first}::date and ${last}::date group by 1
    )
    select months.month, coalesce(s.n, 0) as started, coalesce(e.n, 0) as closed,
      ((select n from before) + sum(coalesce(s.n, 0) - coalesce(e.n_activated, 0)) over (order by months.f))::int as active_at_end
    from months left join starts s on s.m = months.f left join ends e on e.m = months.f
    order by months.f`,
  );
}

/**
 * The ids of the cohort's cases per district, packed (16 bytes each, base64, no line breaks): handed
 * to the other agencies' subgraphs, never to a client.
 */
export function cohortCaseIds(em: EntityManager, p: StatisticsPeriod) {
  return rows<{ district: string; packed: string; size: number }>(
    em,
    sql`select c.district, translate(encode(string_agg(uuid_send(c.id), ''::bytea order by c.id), 'base64'), E'\n', '') as packed, count(*)::int as size
    from sig_case c where ${activeDuring(p)} group by c.district`,
  );
}
