import type { GraphQLFormattedError } from 'graphql';

const PASS_THROUGH_CODES = new Set([
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Errors leave a process without stack traces. Errors the platform raises on purpose (codes above)
 * keep their message; anything else is an internal failure and is reported without its message in
 * production, so that no SQL, path or datum leaks.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  if (PASS_THROUGH_CODES.has(code) || process.env.NODE_ENV !== 'production') {
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
