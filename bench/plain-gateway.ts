/**
 * Benchmark only: a plain @apollo/gateway over the plain subgraphs and the same supergraph, with
 * no authentication and no grants lookup: it forwards one fixed actor and its grants (computed once
 * by the benchmark) in a header, to each subgraph the part the real gateway would send it
 * (grantsForSource). Never started by `npm start`; never deploy it.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { platformApp, listen } from '@sig/platform/runtime';
import express from 'express';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { grantsForSource, subgraphAgency } from '@sig/platform/access';
import { subgraphFetch } from '../gateway/src/subgraph-fetch';

const urls: Record<string, string> = JSON.parse(process.env.BENCH_SUBGRAPH_URLS!);
const benchContext = JSON.parse(process.env.BENCH_CONTEXT!);
const contextFor = (name: string) => JSON.stringify({ ...benchContext, grants: grantsForSource(benchContext.grants, subgraphAgency(name)) });
const gateway = new ApolloGateway({
  supergraphSdl: fs.readFileSync(path.resolve(import.meta.dirname, '../schema/supergraph.graphql'), 'utf8'),
  buildService: ({ name }) => {
    const context = contextFor(name);
    return new RemoteGraphQLDataSource({
      url: urls[name],
      // The same HTTP client as the real gateway: the variants differ only in enforcement.
      fetcher: subgraphFetch,
      willSendRequest: ({ request }) => {
        request.http?.headers.set('x-bench-context', context);
      },
    });
  },
});
// The same Express app, body limit and Apollo integration as the real gateway: the variants differ only in enforcement.
const server = new ApolloServer({ gateway });
await server.start();
const app = platformApp();
app.use('/', express.json({ limit: process.env.BODY_LIMIT ?? '1mb' }), expressMiddleware(server));
const port = await listen(http.createServer(app), Number(process.env.PORT), '127.0.0.1');
const url = `http://127.0.0.1:${port}/`;
console.log(`ready ${url}`);
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
