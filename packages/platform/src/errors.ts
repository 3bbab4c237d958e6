import { GraphQLError } from 'graphql';
import type { Agency } from './agency';

/** Why a datum was withheld. See docs/access-model.md. */
export type DenyReason =
  | 'NOT_A_MEMBER'
  | 'NO_CONSENT'
  | 'CONSENT_PENDING'
  | 'CONSENT_EXPIRED'
  | 'CONSENT_WITHDRAWN'
  | 'CATEGORY_NOT_COVERED'
  | 'NOT_OWN_AGENCY'
  | 'ROLE_REQUIRED';

/**
 * An error that is an answer, not a fault (a denial, bad input): its stack trace would point at no
 * bug and is never shown, but graphql-js reads it when it places the error in the response, and with
 * source maps on, formatting one cost about 20 µs: a 100-case list has dozens of denials.
 */
function answer(error: GraphQLError): GraphQLError {
  Object.defineProperty(error, 'stack', { value: `GraphQLError: ${error.message}`, writable: true, configurable: true });
  return error;
}

/** A denied read or write: the datum is null and this error names why, and nothing of the datum. */
export function forbidden(reason: DenyReason, details: { caseId?: string; source?: Agency; category?: string } = {}) {
  return answer(new GraphQLError(`Access denied: ${reason}`, { extensions: { code: 'FORBIDDEN', reason, ...details } }));
}

/** Bad input from the caller: names the offending field so a client can show it. */
export function badInput(field: string, message: string) {
  return answer(new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } }));
}

export function notFound(what: string) {
  return answer(new GraphQLError(`${what} not found`, { extensions: { code: 'NOT_FOUND' } }));
}

export function unauthenticated(message: string) {
  return answer(new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } }));
}
