import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
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
 * Errors leave a process without stack traces. Errors the platform raises on purpose (codes above)
 * keep their message; anything else is an internal failure and is reported without its message in
 * production, so that no SQL, path or datum leaks.
 */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  // Two writers changed the same row, or made the same next version: the later one is refused,
  // nothing is lost, and the client is told to reload.
  const cause = error === undefined ? undefined : unwrapResolverError(error);
  if (cause instanceof OptimisticLockError || cause instanceof UniqueConstraintViolationException) {
    return { message: 'Someone else changed this record at the same time; reload it and try again', path: formatted.path, extensions: { code: 'CONFLICT' } };
  }
  const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  if (PASS_THROUGH_CODES.has(code) || process.env.NODE_ENV !== 'production') {
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
