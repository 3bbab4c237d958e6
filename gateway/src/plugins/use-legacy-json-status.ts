import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '@sig/platform/tokens';

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (the legacy media type) SHOULD
 * get status 200 when the document does not parse or validate or its variables do not coerce; the
 * errors are in the body. `application/graphql-response+json` clients keep the 4xx statuses.
 */
export function legacyJsonStatusPlugin(): ApolloServerPlugin<GatewayContext> {
  const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
  return {
    async requestDidStart({ request }) {
      const accept = request.http?.headers.get('accept') ?? '';
      const legacy = accept.includes('application/json') && !accept.includes('application/graphql-response+json');
      return {
        async willSendResponse({ response, errors }) {
          if (!legacy || response.http.status !== 400 || response.body.kind !== 'single') return;
          if (errors?.length && errors.every((e) => REQUEST_ERRORS.has(String(e.extensions?.code)))) response.http.status = 200;
        },
      };
    },
  };
}
