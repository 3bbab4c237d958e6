import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { formatError } from '../runtime/format-error';

/**
 * A subgraph's errors: a write conflict becomes CONFLICT, anything else is formatted as in every
 * process (formatError). Kept apart so that the gateway does not load the ORM to format its errors.
 */
export function formatSubgraphError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  // Two writers changed the same row, or made the same next version: the later one is refused,
  // nothing is lost, and the client is told to reload.
  const cause = error === undefined ? undefined : unwrapResolverError(error);
  if (cause instanceof OptimisticLockError || cause instanceof UniqueConstraintViolationException) {
    return { message: 'Someone else changed this record at the same time; reload it and try again', path: formatted.path, extensions: { code: 'CONFLICT' } };
  }
  return formatError(formatted, error);
}
