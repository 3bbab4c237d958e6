/**
 * `npm run bench [-- --cases 50000 --seconds 10 --connections 16]`: the cost of consent enforcement.
 *
 * Makes a deterministic data set on its own PostgreSQL (embedded, or DATABASE_URL), starts the
 * subgraphs once with enforcement and once without, and measures with autocannon, per query:
 *   (a) our gateway with enforcement (token, grants, signatures, shield, access log);
 *   (b) a plain @apollo/gateway over the same resolvers and supergraph, enforcement off;
 *   (c) the subgraph alone, for the part of the query one subgraph answers (the floor).
 * Prints requests/second and p50/p95/p99 for each, the ratios (a)/(b) and (a)/(c), and the targets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  ActorRole,
  Agency,
  createLogger,
  GATEWAY_TOKEN_HEADER,
  generatePlatformKeys,
  issueActorToken,
  SUBGRAPH_AGENCIES,
  SUBGRAPH_NAME,
  signGatewayToken,
  type Actor,
} from '@sig/platform';
import { databaseUrlEnvName } from '@sig/platform/database';
import { GrantsSource } from '../gateway/src/grants';
import { startSystem } from '../scripts/lib/system';
import { benchDatabases, formatMeasured, measure as measureWith, progress, type Measured } from './lib/setup';
import { ROOT } from '../scripts/subgraphs';
import { freePort } from '../scripts/lib/ports';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '5000' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '16' } } });
const CASES = Number(values.cases);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const say = progress('bench');
const measure = (url: string, headers: Record<string, string>, body: string) => measureWith(url, headers, body, { connections: CONNECTIONS, seconds: SECONDS });

// 1. Data: the demo scenario at size, plus one coordinator who is a member of 100 active groups.
const { databases, dispose } = await benchDatabases(CASES, 99, say);
const children: ChildProcess[] = [];
let system: Awaited<ReturnType<typeof startSystem>> | undefined;
const cleanUp = async () => {
  for (const child of children) child.kill('SIGTERM');
  await system?.stop();
  await dispose();
};
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

try {
  const coordinator: Actor = { id: 'bench-coordinator', name: 'Bench Coordinator', agency: Agency.SOCIAL_SERVICES, unit: 'Benchmark', district: 'bench', roles: [ActorRole.CASE_WORKER, ActorRole.STATISTICS] };
  const social = new pg.Client({ connectionString: databases.subgraphs[Agency.SOCIAL_SERVICES] });
  await social.connect();
  const { rows: active } = await social.query<{ id: string }>(`SELECT id FROM sig_case WHERE status = 'ACTIVE' ORDER BY id LIMIT 100`);
  for (const { id } of active) {
    await social.query(`INSERT INTO group_member (id, case_id, agency, person_id, person_name, role, from_date) VALUES (gen_random_uuid(), $1, 'SOCIAL_SERVICES', $2, $3, 'COORDINATOR', '2020-01-01')`, [id, coordinator.id, coordinator.name]);
  }
  await social.end();
  const caseId = active[0].id;
  say(`data ready: ${CASES} cases; the benchmark coordinator is in ${active.length} active groups`);

  // 2. The platform with enforcement, and the plain variant over the same databases.
  const keys = await generatePlatformKeys();
  const ports = { gateway: await freePort(), subgraphs: Object.fromEntries(await Promise.all(SUBGRAPH_AGENCIES.map(async (a) => [a, await freePort()]))) as any };
  system = await startSystem({ keys, databases, ports, env: { LOG_LEVEL: 'error' } });
  const grants = await new GrantsSource(databases.gatewayGrants, createLogger('bench')).grantsFor(coordinator);
  const plainUrls: Record<string, string> = {};
  for (const agency of SUBGRAPH_AGENCIES) {
    const port = await freePort();
    plainUrls[SUBGRAPH_NAME[agency]] = `http://127.0.0.1:${port}/`;
    await spawnReady(`plain-${SUBGRAPH_NAME[agency]}`, path.join(ROOT, 'bench', 'plain-subgraph.ts'), [SUBGRAPH_NAME[agency]], {
      PORT: String(port),
      [databaseUrlEnvName(agency)]: databases.subgraphs[agency],
      LOG_LEVEL: 'error',
    });
  }
  const plainPort = await freePort();
  await spawnReady('plain-gateway', path.join(ROOT, 'bench', 'plain-gateway.ts'), [], {
    PORT: String(plainPort),
    BENCH_SUBGRAPH_URLS: JSON.stringify(plainUrls),
    BENCH_CONTEXT: JSON.stringify({ actor: coordinator, grants }),
  });
  say('both variants running');

  // 3. The queries, and what the subgraph alone answers of each.
  const token = await issueActorToken(coordinator, keys.issuer.privateJwk);
  const dashboard = fs.readFileSync(path.join(ROOT, 'gateway', 'playground', 'operations', 'DistrictStatistics.graphql'), 'utf8');
  const year = String(new Date().getFullYear());
  const QUERIES: { name: string; query: string; floor: string; variables?: Record<string, unknown> }[] = [
    {
      name: 'case overview, four subgraphs',
      query: `query Overview($id: ID!) { case(id: $id) { id status youngPerson { givenName } police { incidents { kind } } school { attendance { attendancePercent } } leisure { activities { activity } } } }`,
      floor: `query Overview($id: ID!) { case(id: $id) { id status youngPerson { givenName } } }`,
    },
    {
      name: 'list of 100 cases, four subgraphs',
      query: `query List { cases(limit: 100) { id status police { incidents { kind } } school { attendance { attendancePercent } } leisure { activities { activity } } } }`,
      floor: `query List { cases(limit: 100) { id status } }`,
    },
    {
      name: 'action plan of one case',
      query: `query Plan($id: ID!) { case(id: $id) { actionPlan { goals { description subGoals { description } actions { description responsibleAgency status dueDate } } } } }`,
      floor: `query Plan($id: ID!) { case(id: $id) { actionPlan { goals { description subGoals { description } actions { description responsibleAgency status dueDate } } } } }`,
    },
    {
      name: 'statistics: the full dashboard query, this year',
      query: dashboard,
      floor: `query Floor($period: String!) { statistics(period: $period) { period city { proposals { value } } districts { proposals { value } started { value } closed { value } activeDuringPeriod { value } meetingOverdue { value } participation { share { value } } } months { started { value } } } }`,
      variables: { period: year },
    },
  ];
  const rows: Row[] = [];
  for (const q of QUERIES) {
    const variables = q.variables ?? { id: caseId };
    const body = JSON.stringify({ query: q.query, variables });
    const a = await measure(system.gatewayUrl, { authorization: `Bearer ${token}` }, body);
    const b = await measure(`http://127.0.0.1:${plainPort}/`, {}, body);
    const floorToken = await signGatewayToken(keys.gateway.privateJwk, 'social-services', { actor: coordinator, grants });
    const c = await measure(system.subgraphUrls[Agency.SOCIAL_SERVICES], { [GATEWAY_TOKEN_HEADER]: floorToken }, JSON.stringify({ query: q.floor, variables }));
    rows.push({ name: q.name, a, b, c });
    say(`${q.name}: done`);
  }

  // 4. The table.
  const fmt = formatMeasured;
  const lines = [
    `SIG platform benchmark: ${CASES} cases, ${CONNECTIONS} connections, ${SECONDS} s per measurement, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`,
    '',
    ...rows.flatMap((r) => [
      `${r.name}`,
      `  (a) gateway with enforcement  ${fmt(r.a)}`,
      `  (b) plain federation          ${fmt(r.b)}`,
      `  (c) subgraph alone (floor)    ${fmt(r.c)}`,
      `  (a)/(b) throughput ${(r.a.rps / r.b.rps).toFixed(2)} (target ≥ 0.90)   p50 +${(r.a.p50 - r.b.p50).toFixed(1)} ms (target ≤ 2 ms)   (a)/(c) throughput ${(r.a.rps / r.c.rps).toFixed(2)}`,
      '',
    ]),
    `target: list of 100 cases p95 < 50 ms at ${CONNECTIONS} connections: measured ${rows[1].a.p95.toFixed(1)} ms (${rows[1].a.p95 < 50 ? 'met' : 'NOT met'})`,
    `statistics at ${CONNECTIONS} connections: p95 ${rows[3].a.p95.toFixed(1)} ms (one dashboard at a time: npm run bench:statistics)`,
  ];
  console.log(`\n${lines.join('\n')}`);
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-output', 'bench.txt'), `${lines.join('\n')}\n`);
  say('written to test-output/bench.txt');
} finally {
  await cleanUp();
}

interface Row {
  name: string;
  a: Measured;
  b: Measured;
  c: Measured;
}

/** Starts a benchmark process and waits for its "ready" line. */
function spawnReady(name: string, entry: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    // The plain variant carries the actor's grants in a header too: allow the same size as the real subgraphs.
    const child = spawn(process.execPath, ['--max-http-header-size=262144', '--import', 'tsx', entry, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready ')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
  });
}
