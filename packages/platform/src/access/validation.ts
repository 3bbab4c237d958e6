import { badInput } from './errors';

/** Control characters other than tab and line breaks: PostgreSQL refuses NUL in text, and none belongs in a record. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Non-empty text of bounded length, trimmed, without control characters (refused before any lookup or write). */
export function requireText(field: string, value: string, maxLength: number): string {
  if (CONTROL_CHARACTERS.test(value)) throw badInput(field, 'must not contain control characters');
  const text = value.trim();
  if (text.length === 0) throw badInput(field, 'must not be empty');
  if (text.length > maxLength) throw badInput(field, `must be at most ${maxLength} characters (got ${text.length})`);
  return text;
}

export function requireValidDate(field: string, value: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw badInput(field, 'is not a valid date');
  const year = value.getUTCFullYear();
  if (year < 1900 || year > 2200) throw badInput(field, 'is out of range (years 1900–2200)');
  return value;
}

/** A date that has already happened (records of events). */
export function requirePastDate(field: string, value: Date, now = new Date()): Date {
  requireValidDate(field, value);
  if (value.getTime() > now.getTime() + 60_000) throw badInput(field, 'must not be in the future');
  return value;
}

/** `from` must not be after `until` (when until is given). */
export function requireDateOrder(fromField: string, from: Date, untilField: string, until: Date | null | undefined): void {
  requireValidDate(fromField, from);
  if (until == null) return;
  requireValidDate(untilField, until);
  if (until.getTime() < from.getTime()) throw badInput(untilField, `must not be before ${fromField}`);
}

/** ISO calendar date (YYYY-MM-DD) of a Date, in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date given as an ISO string (YYYY-MM-DD) that really exists. */
export function requireIsoDate(field: string, value: string): string {
  if (!ISO_DATE.test(value)) throw badInput(field, 'must be an ISO date (YYYY-MM-DD)');
  const date = new Date(`${value}T00:00:00Z`);
  requireValidDate(field, date);
  if (isoDate(date) !== value) throw badInput(field, 'is not a valid calendar date');
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** An identifier argument: every id in the platform is a UUID; anything else is refused before any query. */
export function requireUuid(field: string, value: string): string {
  if (!isUuid(value)) throw badInput(field, 'is not a valid id');
  return value;
}

/** A period given as ISO dates: `from` required, `until` optional and not before it. */
export function requireIsoDateRange(fromField: string, from: string, untilField: string, until: string | null | undefined): { fromDate: string; untilDate: string | null } {
  const fromDate = requireIsoDate(fromField, from);
  const untilDate = until == null ? null : requireIsoDate(untilField, until);
  requireDateOrder(fromField, new Date(fromDate), untilField, untilDate ? new Date(untilDate) : null);
  return { fromDate, untilDate };
}
