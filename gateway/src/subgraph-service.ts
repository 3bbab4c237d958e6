import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { SUBGRAPH_AGENCIES, SUBGRAPH_NAME, type SubgraphAgency } from '@sig/platform/access';
import { createGatewayTokenSigner, createRequestBindingSigner, GATEWAY_TOKEN_HEADER, type GatewayContext } from '@sig/platform/tokens';
import { GraphQLError } from 'graphql';
import type { JWK } from 'jose';
import { signedSubgraphFetch } from './subgraph-fetch';

/**
 * The federation gateway over the supergraph, with one data source per subgraph: each request it
 * sends carries the gateway's own signature (actor, grants, operation name and purpose, for that one
 * subgraph) and a binding of its exact body; nothing the client sent is passed on.
 */
export function createSubgraphGateway(options: { supergraphSdl: string; subgraphUrls: Record<SubgraphAgency, string>; gatewayPrivateJwk: JWK }): ApolloGateway {
  const nameToUrl = new Map<string, string>(SUBGRAPH_AGENCIES.map((a) => [SUBGRAPH_NAME[a], options.subgraphUrls[a]]));

  const signToken = createGatewayTokenSigner(options.gatewayPrivateJwk);
  const signBinding = createRequestBindingSigner(options.gatewayPrivateJwk);
  return new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = nameToUrl.get(name);
      if (!url) throw new Error(`supergraph names a subgraph "${name}" the gateway has no URL for`);
      return new RemoteGraphQLDataSource<GatewayContext>({
        url,
        // Adds the binding of each request's exact body to its grants token (see willSendRequest).
        fetcher: signedSubgraphFetch(name, signBinding),
        // A subgraph that cannot be reached: say which agency's part is missing, not where it lives.
        didEncounterError(error, _request, response) {
          if (response) throw error;
          throw new GraphQLError(`The ${name} service is unavailable; its part of the answer is missing`, {
            extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: name },
          });
        },
        // The gateway makes a GraphQLError of each error a subgraph sends (a denial, mostly). Without a
        // stack of its own, graphql-js captures the gateway's, which says nothing of the subgraph's
        // error and costs time per error: a list of cases carries dozens of denials (docs/decisions.md).
        didReceiveResponse({ response }) {
          for (const error of response.errors ?? []) Object.defineProperty(error, 'stack', { value: `${name}: ${error.message}`, writable: true, configurable: true });
          return response;
        },
        async willSendRequest(sent) {
          // Only the gateway's own signature goes out; nothing the client sent is passed on.
          // Requests that are not a client's operation (none are made today) go unsigned and are refused.
          if (!('incomingRequestContext' in sent)) return;
          const { actor, grants, purpose } = sent.context as GatewayContext;
          // The operation's name as the gateway resolved it from the document, and its purpose as the
          // gateway derived it (operationLimitsPlugin), for the access log.
          const operationName = sent.incomingRequestContext.operationName ?? undefined;
          sent.request.http?.headers.set(GATEWAY_TOKEN_HEADER, await signToken(name, { actor, grants, operationName, purpose }));
        },
      });
    },
  });
}
