import { addDays, todayIso } from '../access/dates';
import { badInput } from '../access/errors';

export type PeriodGranularity = 'MONTH' | 'QUARTER' | 'YEAR';

/** A calendar period that statistics are asked for: a month ("2026-07"), a quarter ("2026-Q3") or a year ("2026"). */
export interface StatisticsPeriod {
  /** As the caller wrote it, normalised: "2026", "2026-Q3" or "2026-07". */
  label: string;
  granularity: PeriodGranularity;
  /** First day (ISO date). */
  from: string;
  /** Last day, inclusive (ISO date). */
  to: string;
  /**
   * The day stock figures (active cases, meeting cadence, late actions) are taken on: the period's
   * last day, or today while the period is still running.
   */
  referenceDate: string;
}

const PATTERN = /^(\d{4})(?:-(Q[1-4]|\d{2}))?$/;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Parses a period label; a clear BAD_USER_INPUT error for anything else. */
export function parseStatisticsPeriod(field: string, label: string, today: string = todayIso()): StatisticsPeriod {
  const match = PATTERN.exec(label.trim());
  if (!match) throw badInput(field, `must be a year ("2026"), a quarter ("2026-Q3") or a month ("2026-07"), got "${label}"`);
  const year = Number(match[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw badInput(field, `year must be from ${FIRST_YEAR} to ${LAST_YEAR}`);
  const part = match[2];
  let granularity: PeriodGranularity;
  let firstMonth: number;
  let months: number;
  if (part === undefined) [granularity, firstMonth, months] = ['YEAR', 1, 12];
  else if (part.startsWith('Q')) [granularity, firstMonth, months] = ['QUARTER', (Number(part[1]) - 1) * 3 + 1, 3];
  else {
    const month = Number(part);
    if (month < 1 || month > 12) throw badInput(field, `month must be from 01 to 12, got "${part}"`);
    [granularity, firstMonth, months] = ['MONTH', month, 1];
  }
  const from = monthStart(year, firstMonth);
  const to = addDays(monthStart(year, firstMonth + months), -1);
  if (from > today) throw badInput(field, `${label.trim()} has not begun yet`);
  return { label: match[0], granularity, from, to, referenceDate: to < today ? to : today };
}

/** The calendar months (first days, oldest first) of the `count` months that end with the period's last month. */
export function monthsEndingWith(period: StatisticsPeriod, count: number): { month: string; from: string; to: string }[] {
  const [year, month] = period.to.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const from = monthStart(year, month - count + 1 + i);
    return { month: from.slice(0, 7), from, to: addDays(monthStart(year, month - count + 2 + i), -1) };
  });
}

/** First day of a month; months outside 1–12 roll over into the neighbouring years. */
function monthStart(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month - 1, 1));
  return date.toISOString().slice(0, 10);
}
