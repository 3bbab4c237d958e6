import type { GraphQLFormattedError } from 'graphql';

const PASS_THROUGH_CODES = new Set([
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'CONFLICT',
  'SUBGRAPH_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'ACCESS_LOG_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * graphql-js's suggestions ("Did you mean "cases"?", "Did you mean the enum value "ACTIVE"?") name
 * fields, types and enum values the client did not write: with them anyone could map the schema
 * without introspection. Each is dropped from the message, in every environment.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean\b[^?]*\?/g, '');
}

/** Names every client may use without having written them (GraphQL's built-in scalars). */
const BUILT_IN = new Set(['Int', 'Float', 'String', 'Boolean', 'ID']);
export const HIDDEN_NAME = '[hidden]';

/**
 * An error message about the request with every name in quotes that the client did not write
 * itself (in its document, operation name or variables) replaced by "[hidden]": `Cannot query field
 * "districtz" on type "Query".` becomes `… on type "[hidden]".`, `Value "ACTIV" does not exist in
 * "CaseStatus" enum.` keeps ACTIV and hides CaseStatus. Used in production (gateway.ts).
 */
export function hideUnwrittenNames(message: string, written: string): string {
  const words = new Set(written.match(/[_A-Za-z][_0-9A-Za-z]*/g) ?? []);
  return message.replace(/"([^"]*)"/g, (_quoted, inner: string) => `"${inner.replace(/[_A-Za-z][_0-9A-Za-z]*/g, (word) => (words.has(word) || BUILT_IN.has(word) ? word : HIDDEN_NAME))}"`);
}

/**
 * Errors leave a process without stack traces, and without suggestions (withoutSuggestions).
 * Errors the platform raises on purpose (codes above) keep their message; anything else is an internal failure and is reported without its message in
 * production, so that no SQL, path or datum leaks. A subgraph first turns write conflicts into
 * CONFLICT (formatSubgraphError); the gateway holds no ORM, so it needs no such step.
 */
export function formatError(formatted: GraphQLFormattedError, _error?: unknown): GraphQLFormattedError {
  const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  if (PASS_THROUGH_CODES.has(code) || process.env.NODE_ENV !== 'production') {
    return { ...formatted, message: withoutSuggestions(formatted.message), extensions: { ...extensions, code } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
