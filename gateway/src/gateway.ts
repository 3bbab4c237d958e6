import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { createActorTokenVerifier, GATEWAY_TOKEN_HEADER, createGatewayTokenSigner, createRequestBindingSigner, type ActorTokenVerifier, type GatewayContext } from '@sig/platform/tokens';
import { createLogger, formatError, hideUnwrittenNames, jsonBody, platformApp, postOnly, listen } from '@sig/platform/runtime';
import { SUBGRAPH_AGENCIES, SUBGRAPH_NAME, unauthenticated, type SubgraphAgency } from '@sig/platform/access';
import { GraphQLError } from 'graphql';
import type { JWK } from 'jose';
import http from 'node:http';
import { GrantsSource } from './grants';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { armorConfigFromEnv, listCostLimitFromEnv, tokenLimit, type ListCostLimit } from './limits';
import { dashboardRouter } from './dashboard';
import { playgroundRouter, type PlaygroundPersona } from './playground';
import { signedSubgraphFetch } from './subgraph-fetch';
import { OPERATION_NAME_MAX, purposeOf } from './purpose';

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraphSdl: string;
  subgraphUrls: Record<SubgraphAgency, string>;
  grantsDatabaseUrl: string;
  /** Actor tokens: the development issuer's public key, or a real provider's JWKS URL. */
  actorTokens: { publicJwk: JWK } | { jwksUrl: string };
  gatewayPrivateJwk: JWK;
  /** Serve the playground at `/` (never in production); with these demo personas in its picker. */
  playground?: { personas: Record<string, PlaygroundPersona> };
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * The only door to the platform: verifies the caller's token, works out the actor's grants,
 * and signs both into every request it sends to a subgraph (a token per subgraph audience).
 * Headers from the client are never forwarded.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = createLogger('gateway');
  const verifyActor: ActorTokenVerifier = await createActorTokenVerifier(options.actorTokens);
  const grants = new GrantsSource(options.grantsDatabaseUrl, log);
  await grants.start();
  const nameToUrl = new Map<string, string>(SUBGRAPH_AGENCIES.map((a) => [SUBGRAPH_NAME[a], options.subgraphUrls[a]]));

  const signToken = createGatewayTokenSigner(options.gatewayPrivateJwk);
  const signBinding = createRequestBindingSigner(options.gatewayPrivateJwk);
  const gateway = new ApolloGateway({
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

  const app = platformApp();
  const httpServer = http.createServer(app);
  const armor = new ApolloArmor(armorConfigFromEnv()).protect();
  const listCost = listCostLimitFromEnv();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Limits on depth, aliases, directives, tokens and cost; no field suggestions; no batched requests.
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    introspection: process.env.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ...armor.plugins,
      operationLimitsPlugin(listCost),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }),
      ApolloServerPluginLandingPageDisabled(),
      readYourWritesPlugin(grants),
      ...(process.env.NODE_ENV === 'production' ? [unwrittenNamesPlugin()] : []),
      legacyJsonStatusPlugin(),
    ],
  });
  await apollo.start();

  // Readiness and health are the same check: this process, its database and (gateway) every subgraph.
  app.get(['/healthz', '/readyz'], async (_req, res) => {
    const checks = await Promise.all(
      SUBGRAPH_AGENCIES.map(async (agency) => {
        const url = options.subgraphUrls[agency].replace(/\/graphql$/, '/healthz');
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
          return [SUBGRAPH_NAME[agency], response.ok ? 'ok' : `http ${response.status}`] as const;
        } catch {
          // No error text: this endpoint is public, and the message would name internal addresses.
          return [SUBGRAPH_NAME[agency], 'unreachable'] as const;
        }
      }),
    );
    const grantsOk = await grants.healthy();
    const all = Object.fromEntries([...checks, ['grants-database', grantsOk ? 'ok' : 'unreachable']]);
    const ok = Object.values(all).every((v) => v === 'ok');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks: all });
  });

  if (options.playground && process.env.NODE_ENV !== 'production') app.use(playgroundRouter(options.playground.personas));
  // The dashboard asks the API with the reader's own token, so it is served in production too.
  app.use(dashboardRouter());

  // One rule for /graphql: POST with a JSON body (postOnly, jsonBody); everything else is refused here.
  app.use(
    '/graphql',
    postOnly(),
    jsonBody({ limit: process.env.BODY_LIMIT ?? '1mb', log }),
    tokenLimit(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.header('authorization') ?? '';
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        if (!match) throw unauthenticated('Send a token: Authorization: Bearer <token> (npm run token -- <persona> prints one)');
        let actor;
        try {
          actor = await verifyActor(match[1]);
        } catch (error) {
          log.info({ reason: (error as Error).message }, 'refused a request with an invalid token');
          throw unauthenticated('Invalid or expired token');
        }
        try {
          return { actor, grants: await grants.grantsFor(actor) };
        } catch (error) {
          // Without grants nothing may be served: refuse the request, and say it is temporary.
          log.error({ err: error }, 'could not read grants');
          throw new GraphQLError('Access rights cannot be checked right now; try again shortly', {
            extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
          });
        }
      },
    }),
  );

  const host = options.host ?? '127.0.0.1';
  const port = await listen(httpServer, options.port, host);
  const url = `http://${host}:${port}/graphql`;
  log.info({ url }, 'gateway ready');
  return {
    url,
    async stop() {
      await apollo.stop();
      await grants.close();
    },
  };
}

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (the legacy media type) SHOULD
 * get status 200 when the document does not parse or validate or its variables do not coerce; the
 * errors are in the body. `application/graphql-response+json` clients keep the 4xx statuses.
 */
function legacyJsonStatusPlugin(): ApolloServerPlugin<GatewayContext> {
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

/**
 * Read your own writes: after a mutation, the caller's next request reads the caller's grants
 * afresh. Everyone else's grants, at this instance and every other, are cleared by the database's
 * announcement of the change (grants.ts), which is sent at commit.
 */
function readYourWritesPlugin(grants: GrantsSource): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === 'mutation' && contextValue?.actor) grants.invalidateActor(contextValue.actor);
        },
      };
    },
  };
}

/**
 * What the gateway checks once it knows the operation, before anything runs: the operation name's
 * length, and the operation's cost with its lists counted (limits.ts); and it derives the purpose
 * that the access log records (`purposeOf`), carried to the subgraphs in the signed grants token.
 */
function operationLimitsPlugin(listCost: ListCostLimit): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (!operation) return;
          const name = operation.name?.value;
          if (name && name.length > OPERATION_NAME_MAX) {
            throw new GraphQLError(`The operation name is longer than ${OPERATION_NAME_MAX} characters`, {
              extensions: { code: 'BAD_USER_INPUT', field: 'operationName', http: { status: 400 } },
            });
          }
          listCost.check(schema, document, operation, request.variables);
          contextValue.purpose = purposeOf(operation, document);
        },
      };
    },
  };
}

/**
 * In production, errors about the request itself (it does not parse or validate, its variables do
 * not coerce) name no schema type or field that the client did not write: the client's own names and
 * the locations stay (format-error.ts, hideUnwrittenNames).
 */
function unwrittenNamesPlugin(): ApolloServerPlugin<GatewayContext> {
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
