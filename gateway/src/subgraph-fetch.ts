import type { RemoteGraphQLDataSource } from '@apollo/gateway';

/**
 * Requests to the subgraphs go through Node's own fetch (undici, keep-alive). The gateway's default,
 * make-fetch-happen, goes through agent-base, which formats a stack trace on every request to tell
 * http from https: with source maps on, that alone was about 3 % of the gateway's CPU
 * (docs/benchmarks.md).
 */
export const subgraphFetch = globalThis.fetch as unknown as NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];
