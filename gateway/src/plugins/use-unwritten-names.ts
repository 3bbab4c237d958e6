import type { ApolloServerPlugin } from '@apollo/server';
import { hideUnwrittenNames } from '@sig/platform/runtime';
import type { GatewayContext } from '@sig/platform/tokens';

/**
 * In production, errors about the request itself (it does not parse or validate, its variables do
 * not coerce) name no schema type or field that the client did not write: the client's own names and
 * the locations stay (format-error.ts, hideUnwrittenNames).
 */
export function unwrittenNamesPlugin(): ApolloServerPlugin<GatewayContext> {
  const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, source, request }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const written = `${source ?? ''} ${request.operationName ?? ''} ${JSON.stringify(request.variables ?? {})}`;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.path === undefined && REQUEST_ERRORS.has(String(error.extensions?.code)) ? { ...error, message: hideUnwrittenNames(error.message, written) } : error,
          );
        },
      };
    },
  };
}
