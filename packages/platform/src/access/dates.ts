/** The platform's calendar: dates are Swedish dates (Europe/Stockholm), settable with SIG_TIME_ZONE. */
export const TIME_ZONE = process.env.SIG_TIME_ZONE ?? 'Europe/Stockholm';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in the platform's time zone. Consent validity, memberships and meeting rules use it. */
export function todayIso(now: Date = new Date()): string {
  return formatter.format(now);
}

/** An ISO date moved by a number of days (negative for earlier). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
