import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { SubgraphAgency } from '@sig/platform/access';
import { createLogger, formatError, jsonBody, listen, platformApp, postOnly } from '@sig/platform/runtime';
import { createActorTokenVerifier, type ActorTokenVerifier, type GatewayContext } from '@sig/platform/tokens';
import type { JWK } from 'jose';
import http from 'node:http';
import { authenticate } from './authentication';
import { dashboardRouter } from './dashboard';
import { GrantsSource } from './grants';
import { healthRouter } from './health';
import { armorConfigFromEnv, listCostLimitFromEnv, tokenLimit } from './limits';
import { playgroundRouter, type PlaygroundPersona } from './playground';
import { legacyJsonStatusPlugin } from './plugins/use-legacy-json-status';
import { operationLimitsPlugin } from './plugins/use-operation-limits';
import { readYourWritesPlugin } from './plugins/use-read-your-writes';
import { unwrittenNamesPlugin } from './plugins/use-unwritten-names';
import { createSubgraphGateway } from './subgraph-service';

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
 * The only door to the platform, wired here: authentication (authentication.ts), the subgraph data
 * sources (subgraph-service.ts), health (health.ts), the operation plugins (plugins/), the
 * playground and the dashboard. Headers from the client are never forwarded.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = createLogger('gateway');
  const verifyActor: ActorTokenVerifier = await createActorTokenVerifier(options.actorTokens);
  const grants = new GrantsSource(options.grantsDatabaseUrl, log);
  await grants.start();
  const gateway = createSubgraphGateway(options);

  const app = platformApp();
  const httpServer = http.createServer(app);
  const armor = new ApolloArmor(armorConfigFromEnv()).protect();
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
      operationLimitsPlugin(listCostLimitFromEnv()),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }),
      ApolloServerPluginLandingPageDisabled(),
      readYourWritesPlugin(grants),
      ...(process.env.NODE_ENV === 'production' ? [unwrittenNamesPlugin()] : []),
      legacyJsonStatusPlugin(),
    ],
  });
  await apollo.start();

  app.use(healthRouter(options.subgraphUrls, grants));
  if (options.playground && process.env.NODE_ENV !== 'production') app.use(playgroundRouter(options.playground.personas));
  // The dashboard asks the API with the reader's own token, so it is served in production too.
  app.use(dashboardRouter());

  // One rule for /graphql: POST with a JSON body (postOnly, jsonBody); everything else is refused here.
  app.use(
    '/graphql',
    postOnly(),
    jsonBody({ limit: process.env.BODY_LIMIT ?? '1mb', log }),
    tokenLimit(),
    expressMiddleware(apollo, { context: authenticate(verifyActor, grants, log) }),
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
