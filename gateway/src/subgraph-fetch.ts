import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GATEWAY_BINDING_HEADER, GATEWAY_TOKEN_HEADER, type RequestBindingSigner } from '@sig/platform/tokens';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/**
 * Requests to the subgraphs go through Node's own fetch (undici, keep-alive). The gateway's default,
 * make-fetch-happen, goes through agent-base, which formats a stack trace on every request to tell
 * http from https, a visible share of the gateway's CPU with source maps on (docs/decisions.md).
 */
export const subgraphFetch = globalThis.fetch as unknown as Fetcher;

/**
 * The fetcher of one subgraph: the last hands the request passes through, where its body is the
 * exact string that goes on the wire. It adds the binding of that body to the grants token that
 * `willSendRequest` put in the headers (gateway-token.ts); a request without a grants token goes
 * out without a binding, and the subgraph refuses it.
 */
export function signedSubgraphFetch(subgraph: string, signBinding: RequestBindingSigner): Fetcher {
  return (async (url: string, init: { headers?: Record<string, string>; body?: unknown } & Record<string, unknown>) => {
    const headers = init.headers ?? {};
    const token = headers[GATEWAY_TOKEN_HEADER];
    if (typeof token !== 'string' || typeof init.body !== 'string') return globalThis.fetch(url, init as RequestInit);
    const binding = await signBinding(subgraph, token, init.body);
    return globalThis.fetch(url, { ...(init as RequestInit), headers: { ...headers, [GATEWAY_BINDING_HEADER]: binding } });
  }) as unknown as Fetcher;
}
