import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import './provided';
import { generatePlatformKeys, issueActorToken, PERSONAS, type PersonaName, type PlatformKeys } from '@sig/platform/dev';
import pg from 'pg';
import { SUBGRAPH_AGENCIES, type Actor, type SubgraphAgency } from '@sig/platform/access';
import { type PlatformDatabases, startSystem, type RunningSystem, personaTokens, freePort } from '@sig/dev-kit';
import { createTestDatabases } from '@sig/dev-kit/testkit';
import { PLAYGROUND_PERSONAS_ENV } from '../../gateway/src/playground';

export { freePort } from '@sig/dev-kit';
export { createTestDatabases };

export interface TestPlatform {
  system: RunningSystem;
  keys: PlatformKeys;
  databases: PlatformDatabases;
  adminUrl: string;
  token(persona: PersonaName | Actor): Promise<string>;
  /** POSTs a GraphQL operation to the gateway as a persona (or with no token when persona is null). */
  query<T = any>(persona: PersonaName | Actor | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: GraphQLBody<T> }>;
  /** Runs a typed operation (test/generated/operations.ts): variables and result are checked by the compiler. */
  run<TResult, TVariables extends Record<string, unknown>>(
    persona: PersonaName | Actor,
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<{ status: number; body: GraphQLBody<TResult> }>;
  /**
   * POSTs a body as it is (malformed, oversized, of another type) to the gateway, as a persona
   * (`social-worker` unless given; null for none), and reads the answer whatever it is.
   */
  raw(body: string, options?: { headers?: Record<string, string>; persona?: PersonaName | null; url?: string }): Promise<RawResponse>;
  /**
   * Runs one statement on an agency's database and returns its rows: as the subgraph's own
   * application login, or `as: 'admin'` (a superuser, for what the platform may not do itself).
   */
  sql<T = any>(agency: SubgraphAgency, text: string, params?: unknown[], options?: { as?: 'app' | 'admin' }): Promise<T[]>;
  stop(): Promise<void>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
  text: string;
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** The whole platform, as separate processes over real PostgreSQL, for end-to-end tests. */
/** `adminUrl`: another PostgreSQL server than the run's shared one (a test that restarts it needs its own). */
export async function startTestPlatform(options: { seed?: boolean; adminUrl?: string } = {}): Promise<TestPlatform> {
  const keys = await generatePlatformKeys();
  const { adminUrl, databases, drop } = await createTestDatabases(options);
  const subgraphPorts = await Promise.all(SUBGRAPH_AGENCIES.map(() => freePort()));
  let system: RunningSystem;
  try {
    system = await startSystem({
      keys,
      databases,
      ports: { gateway: await freePort(), subgraphs: Object.fromEntries(SUBGRAPH_AGENCIES.map((a, i) => [a, subgraphPorts[i]])) as any },
      env: { LOG_LEVEL: 'warn' },
      gatewayEnv: { [PLAYGROUND_PERSONAS_ENV]: JSON.stringify(await personaTokens(keys)) },
    });
  } catch (error) {
    await drop();
    throw error;
  }
  const token = (persona: PersonaName | Actor) => issueActorToken(typeof persona === 'string' ? PERSONAS[persona] : persona, keys.issuer.privateJwk);
  return {
    system,
    keys,
    databases,
    adminUrl,
    token,
    query,
    run(persona, document, variables) {
      return query(persona, print(document), variables);
    },
    async sql(agency, text, params = [], { as = 'app' } = {}) {
      const url = new URL(databases.subgraphs[agency]);
      if (as === 'admin') {
        const admin = new URL(adminUrl);
        url.username = admin.username;
        url.password = admin.password;
      }
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(text, params as unknown[])).rows;
      } finally {
        await client.end();
      }
    },
    async raw(body, { headers = {}, persona = 'social-worker', url = system.gatewayUrl } = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(persona ? { authorization: `Bearer ${await token(persona)}` } : {}), ...headers },
        body,
      });
      const text = await response.text();
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, json, text };
    },
    async stop() {
      await system.stop();
      await drop();
    },
  };

  async function query(persona: PersonaName | Actor | null, text: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(persona ? { authorization: `Bearer ${await token(persona)}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query: text, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLBody<any> };
  }
}
