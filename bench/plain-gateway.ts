/**
 * Benchmark only: a plain @apollo/gateway over the plain subgraphs and the same supergraph, with
 * no authentication and no grants lookup: it forwards one fixed actor and its grants (computed once
 * by the benchmark) in a header. Never started by `npm start`; never deploy it.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import fs from 'node:fs';
import path from 'node:path';
import { subgraphFetch } from '../gateway/src/subgraph-fetch';

const urls: Record<string, string> = JSON.parse(process.env.BENCH_SUBGRAPH_URLS!);
const benchContext = process.env.BENCH_CONTEXT!;
const gateway = new ApolloGateway({
  supergraphSdl: fs.readFileSync(path.resolve(import.meta.dirname, '../schema/supergraph.graphql'), 'utf8'),
  buildService: ({ name }) =>
    new RemoteGraphQLDataSource({
      url: urls[name],
      // The same HTTP client as the real gateway: the variants differ only in enforcement.
      fetcher: subgraphFetch,
      willSendRequest: ({ request }) => {
        request.http?.headers.set('x-bench-context', benchContext);
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
console.log(`ready ${url}`);
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
