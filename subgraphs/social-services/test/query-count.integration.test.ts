import { Agency, type Actor } from '@sig/platform/access';
import { gatewayRequestHeaders, KEY_ENV } from '@sig/platform/tokens';
import { generatePlatformKeys, PERSONAS } from '@sig/platform/dev';
import { openOrm, startSubgraphServer, type RunningSubgraph } from '@sig/platform/subgraph';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '@sig/dev-kit';
import { createTestDatabases } from '@sig/dev-kit/testkit';
import { socialServicesSubgraph } from '../src/index';

/**
 * No N+1: the number of SQL statements a list costs does not grow with the number of cases in it
 * (every per-case field is loaded in one batch per request). Active cases, so that both lists
 * reach every kind of row (plans, goals, actions, follow-ups).
 */
const LIST = `query List($limit: Int!) {
  cases(status: ACTIVE, limit: $limit) {
    id status district
    youngPerson { givenName }
    members { agency role }
    consent { status }
    meetings { id }
    nextMeetingDue meetingOverdue
    actionPlan { goals { description subGoals { description } actions { id followUps { id } } } }
    interventions { kind }
  }
}`;

let orm: MikroORM;
let server: RunningSubgraph;
let drop: () => Promise<void>;
let statements = 0;
const keys = await generatePlatformKeys();

beforeAll(async () => {
  const created = await createTestDatabases();
  drop = created.drop;
  await seedDemoIfEmpty(created.databases, { cases: 1200, seed: 7 });
  process.env[KEY_ENV.gatewayPublic] = JSON.stringify(keys.gateway.publicJwk);
  orm = await openOrm({
    clientUrl: created.databases.subgraphs[Agency.SOCIAL_SERVICES],
    entities: socialServicesSubgraph.entities,
    migrations: socialServicesSubgraph.migrations,
    onQuery: (sql) => {
      statements += 1;
      if (process.env.SHOW_SQL) console.log(sql.slice(0, 160));
    },
  });
  server = await startSubgraphServer({ ...socialServicesSubgraph.schema, agency: Agency.SOCIAL_SERVICES, orm, port: 0, loadCaseFacts: socialServicesSubgraph.loadCaseFacts });
});

afterAll(async () => {
  await server?.stop();
  await orm?.close();
  await drop?.();
});

async function statementsFor(limit: number): Promise<{ statements: number; cases: number }> {
  // The district supervisor sees every case of the district, by role.
  const request = JSON.stringify({ query: LIST, variables: { limit } });
  const headers = await gatewayRequestHeaders(keys.gateway.privateJwk, 'social-services', { actor: PERSONAS['district-supervisor'] as Actor, grants: { cases: {} } }, request);
  const before = statements;
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: request });
  const body = (await response.json()) as { data: { cases: unknown[] }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { statements: statements - before, cases: body.data.cases.length };
}

describe('SQL statements per operation', () => {
  it('are the same for a list of 10 cases and of 100', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    console.log(`cases list: ${ten.statements} SQL statements for ${ten.cases} cases, ${hundred.statements} for ${hundred.cases}`);
    expect(ten.cases).toBe(10);
    expect(hundred.cases).toBe(100);
    expect(hundred.statements).toBe(ten.statements);
  });
});
