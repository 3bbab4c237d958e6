import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { jsonBody, platformApp, postOnly } from '../runtime/http-app';
import http, { type IncomingMessage } from 'node:http';
import type { SubgraphAgency } from '../access/agency';
import { SUBGRAPH_NAME } from '../access/agency';
import { createSubgraphContext, type CaseFactsLoader, type SubgraphContext } from '../request/context';
import { unauthenticated } from '../access/errors';
import { createGatewayTokenVerifier, GATEWAY_TOKEN_HEADER } from '../tokens/gateway-token';
import { checkRequestBinding, createRequestBindingVerifier, GATEWAY_BINDING_HEADER, sha256, type RequestBinding } from '../tokens/request-binding';
import { jwkFromEnv, KEY_ENV } from '../tokens/keys';
import { AccessLogWriter } from '../access-log/writer';
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { createLogger } from '../runtime/logger';
import { ChangeFeed, ChangeFeedCache } from '../runtime/change-feed';
import { formatError } from '../runtime/format-error';
import { formatSubgraphError } from './format-error';
import { listen } from '../runtime/process';
import { buildGuardedSubgraphSchema, type SubgraphSchemaDefinition } from './schema';

export interface SubgraphServerOptions extends SubgraphSchemaDefinition {
  agency: SubgraphAgency;
  orm: MikroORM;
  port: number;
  host?: string;
  /** This database's statistics change announcements: statistics are cached while it listens. Without it, nothing is cached. */
  changeFeed?: ChangeFeed;
  /** What the subgraph knows about a case, for district roles; loaded in batches per request. */
  loadCaseFacts?: CaseFactsLoader;
}

export interface RunningSubgraph {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts one agency subgraph: Apollo Server 5 in Express with a body limit, every request
 * verified as gateway-signed (audience: this subgraph) before any resolver runs, a forked
 * EntityManager per request, and a health endpoint that checks the database.
 */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningSubgraph> {
  const name = SUBGRAPH_NAME[options.agency];
  const log = createLogger(`subgraph-${name}`);
  const verify = await createGatewayTokenVerifier(jwkFromEnv(KEY_ENV.gatewayPublic), name);
  const verifyBinding = await createRequestBindingVerifier(jwkFromEnv(KEY_ENV.gatewayPublic), name);
  const schema = await buildGuardedSubgraphSchema(options);

  const app = platformApp();
  // Gateway tokens carry the actor's grants; a member of many groups makes a large header.
  const httpServer = http.createServer({ maxHeaderSize: 256 * 1024 }, app);
  const apollo = new ApolloServer<SubgraphContext>({
    schema,
    introspection: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatSubgraphError,
    // Drain in-flight requests on stop; no traces are sent to the gateway; no cache hints are
    // computed (nothing here may be cached by HTTP caches, and the hints cost a hook per field).
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      accessLogPlugin(log),
    ],
  });
  await apollo.start();

  // Readiness and health are the same check: this process, its database and (gateway) every subgraph.
  app.get(['/healthz', '/readyz'], async (_req, res) => {
    try {
      await options.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', subgraph: name });
    } catch (error) {
      log.warn({ err: error }, 'health check: database unreachable');
      res.status(503).json({ status: 'unavailable', subgraph: name });
    }
  });
  const statisticsCache = new ChangeFeedCache<unknown>(options.changeFeed ?? ChangeFeed.never());
  const accessLogWriter = new AccessLogWriter(options.orm.em);
  const verified = new WeakMap<express.Request, Awaited<ReturnType<typeof verify>>>();
  const bindings = new WeakMap<IncomingMessage, { binding: RequestBinding; token: string; bodyHash?: string }>();
  const refuse = (res: express.Response, message: string) => res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
  app.use(
    '/graphql',
    postOnly(),
    // The gateway's signatures are checked before the body is read: only the gateway may send large
    // bodies (a statistics request carries the cases of the period, as `@requires` representations).
    // Two headers: the grants token (actor, grants, operation; reused by the gateway) and the binding
    // of this request's exact body to that token (tokens/request-binding.ts).
    async (req, res, next) => {
      const token = req.header(GATEWAY_TOKEN_HEADER);
      const binding = req.header(GATEWAY_BINDING_HEADER);
      if (!token || !binding) return refuse(res, 'This subgraph accepts only requests signed by the gateway');
      try {
        verified.set(req, await verify(token));
        bindings.set(req, { binding: await verifyBinding(binding), token });
      } catch (error) {
        log.warn({ reason: (error as Error).message }, 'refused a request with an invalid gateway signature');
        return refuse(res, 'Invalid gateway signature');
      }
      next();
    },
    // The body's bytes as received are hashed while they are parsed, and must be the bytes the gateway signed.
    jsonBody({
      limit: process.env.BODY_LIMIT ?? '32mb',
      log,
      verify: (req, _res, buf) => {
        const entry = bindings.get(req);
        if (entry) entry.bodyHash = sha256(buf);
      },
    }),
    (req, res, next) => {
      const entry = bindings.get(req);
      try {
        if (!entry) throw new Error('no binding');
        checkRequestBinding(entry.binding, entry.token, entry.bodyHash);
      } catch (error) {
        log.warn({ reason: (error as Error).message }, 'refused a request whose body or token does not match its binding');
        return refuse(res, 'The request does not match its gateway signature');
      }
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const gateway = verified.get(req);
        if (!gateway) throw unauthenticated('This subgraph accepts only requests signed by the gateway');
        return createSubgraphContext({ gateway, em: options.orm.em.fork(), log, statisticsCache, accessLogSink: accessLogWriter, loadCaseFacts: options.loadCaseFacts });
      },
    }),
  );

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port, host);
  const url = `http://${host}:${port}/graphql`;
  log.info({ url }, `${name} subgraph ready`);
  return {
    url,
    async stop() {
      // The drain plugin stops accepting connections, lets in-flight requests finish, and closes the server.
      await apollo.stop();
    },
  };
}

/**
 * Holds the response until every access decision of the request is in the access log (the recorder
 * hands them to the writer as they are made: AccessLogRecorder). If the log cannot be written,
 * nothing is disclosed: the response is replaced by an error (fail closed).
 */
function accessLogPlugin(log: ReturnType<typeof createLogger>): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, response }) {
          if (!ctx?.accessLog) return;
          try {
            await ctx.accessLog.written();
          } catch (error) {
            log.error({ err: error }, 'could not write the access log; response withheld');
            if (response.body.kind === 'single') {
              const refusal = new GraphQLError('The access log could not be written, so no data is disclosed', { extensions: { code: 'ACCESS_LOG_UNAVAILABLE' } });
              response.body.singleResult = { errors: [formatError(refusal.toJSON())] };
            }
          }
        },
      };
    },
  };
}
