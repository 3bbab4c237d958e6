/**
 * Benchmark only: one subgraph with the same resolvers but none of the enforcement (no gateway
 * signature, no shield, no access log), for the "plain federation" baseline. The actor and grants
 * come in a header, unverified. Never started by `npm start`; never deploy it.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import http from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { mergeDeep } from '@graphql-tools/utils';
import { parse } from 'graphql';
import { createResolversMap } from 'type-graphql';
import type { AccessLogSink } from '@sig/platform/access-log';
import { createLogger, ChangeFeed, ChangeFeedCache, platformApp, listen } from '@sig/platform/runtime';
import { createSubgraphContext, type SubgraphContext } from '@sig/platform/request';
import { SUBGRAPH_AGENCIES, SUBGRAPH_NAME } from '@sig/platform/access';
import { databaseUrlFromEnv, openOrm, buildSubgraphTypeDefs } from '@sig/platform/subgraph';
import { STATISTICS_CHANNEL } from '@sig/platform/statistics';
import { SUBGRAPH_MODULES } from '@sig/dev-kit';

const agency = SUBGRAPH_AGENCIES.find((a) => SUBGRAPH_NAME[a] === process.argv[2])!;
const module = await SUBGRAPH_MODULES[agency]();
const { schema: built, sdl } = await buildSubgraphTypeDefs(module.schema);
const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: mergeDeep([createResolversMap(built), module.schema.referenceResolvers]) as any });
const orm = await openOrm({ clientUrl: databaseUrlFromEnv(agency), entities: module.entities, migrations: module.migrations });
// Statistics are cached as in the real subgraph, so the variants differ only in enforcement.
const changeFeed = new ChangeFeed(databaseUrlFromEnv(agency), STATISTICS_CHANNEL, createLogger('plain'));
await changeFeed.start();
const statisticsCache = new ChangeFeedCache<unknown>(changeFeed);
const log = createLogger(`plain-${SUBGRAPH_NAME[agency]}`);
// Nothing is guarded here, so nothing is decided or logged: a decision reaching the log is a bug in the benchmark.
const noAccessLog: AccessLogSink = {
  append: () => {
    throw new Error('the plain variant decides nothing, yet an access decision was recorded');
  },
};
// Configured like the real subgraph in everything that is not enforcement: the same Express app,
// body limit and Apollo integration (bench/plain-gateway.ts likewise).
const server = new ApolloServer<SubgraphContext>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()] });
await server.start();
const app = platformApp();
app.use(
  '/',
  express.json({ limit: process.env.BODY_LIMIT ?? '32mb' }),
  expressMiddleware(server, {
    context: async ({ req }) => {
      const { actor, grants } = JSON.parse(String(req.headers['x-bench-context']));
      return createSubgraphContext({ gateway: { actor, grants }, em: orm.em.fork(), log, statisticsCache, accessLogSink: noAccessLog, loadCaseFacts: module.loadCaseFacts });
    },
  }),
);
const port = await listen(http.createServer(app), Number(process.env.PORT), '127.0.0.1');
const url = `http://127.0.0.1:${port}/`;
console.log(`ready ${url}`);
process.on('SIGTERM', async () => {
  await server.stop();
  await orm.close();
  process.exit(0);
});
