import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { Agency } from './agency';

/** Why a datum was withheld. See docs/access-model.md. */
export type DenyReason =
  | 'NOT_A_MEMBER'
  | 'NO_CONSENT'
  | 'CONSENT_PENDING'
  | 'CONSENT_EXPIRED'
  | 'CONSENT_WITHDRAWN'
  | 'CATEGORY_NOT_COVERED'
  /** The case is not running (before activation, or closed): consent shares nothing then. */
  | 'CASE_NOT_ACTIVE'
  | 'NOT_OWN_AGENCY'
  | 'ROLE_REQUIRED'
  /** No actor decides on its own membership or role in a group. */
  | 'OWN_MEMBERSHIP'
  /** No actor approves what it proposed itself (the age exception of its own proposal). */
  | 'OWN_PROPOSAL';

/**
 * An error that is an answer, not a fault (a denial, bad input): its stack trace would point at no
 * bug and is never shown, so none is captured. A GraphQLError captures one twice (as an Error, then
 * its own), and graphql-js reads it when it places the error, formatting it through source maps; a
 * list of cases has dozens of denials (docs/decisions.md, "Errors that are answers carry no stack
 * trace").
 *
 * Given the field it answers for (`at`), the error is made already placed (path and location), as
 * graphql-js would place it; otherwise graphql-js makes a second error around it to place it.
 */
function answer(message: string, extensions: Record<string, unknown>, at?: GraphQLResolveInfo): GraphQLError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const placed = at ? { nodes: at.fieldNodes, path: responsePathAsArray(at.path) } : {};
    const error = new GraphQLError(message, { ...placed, extensions });
    Object.defineProperty(error, 'stack', { value: `GraphQLError: ${message}`, writable: true, configurable: true });
    return error;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * A denied read or write: the datum is null and this error names why, and nothing of the datum.
 * `at`: the field denied, when known (a guard's rule), so that the error is made in place.
 */
export function forbidden(reason: DenyReason, details: { caseId?: string; source?: Agency; category?: string } = {}, at?: GraphQLResolveInfo) {
  return answer(`Access denied: ${reason}`, { code: 'FORBIDDEN', reason, ...details }, at);
}

/** Bad input from the caller: names the offending field so a client can show it. */
export function badInput(field: string, message: string) {
  return answer(`${field}: ${message}`, { code: 'BAD_USER_INPUT', field });
}

export function notFound(what: string) {
  return answer(`${what} not found`, { code: 'NOT_FOUND' });
}

export function unauthenticated(message: string) {
  return answer(message, { code: 'UNAUTHENTICATED', http: { status: 401 } });
}
