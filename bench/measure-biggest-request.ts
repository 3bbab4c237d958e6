/**
 * `npx tsx bench/measure-biggest-request.ts [cases]`: the memory the most expensive requests
 * the gateway accepts (list cost just under GRAPHQL_MAX_LIST_COST) take in each platform process.
 * Starts its own PostgreSQL with `cases` demo cases (default 800) and a coordinator in 500 groups,
 * the whole platform as in production (--max-old-space-size=384), sends each request alone and then
 * four at once, and prints per process the resident set before, its peak during (VmHWM, reset first
 * through /proc/<pid>/clear_refs) and after, with the response's size and time. Linux only.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { ActorRole, Agency, SUBGRAPH_AGENCIES, type Actor } from '@sig/platform/access';
import { generatePlatformKeys, issueActorToken } from '@sig/platform/dev';
import { benchDatabases } from './lib/setup';
import { freePort, startSystem } from '@sig/dev-kit';
import { listCostLimitFromEnv } from '../gateway/src/limits';

const CASES = Number(process.argv[2] ?? 800);
const say = (line: string) => console.log(`[measure] ${line}`);
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = graphql.buildSchema(fs.readFileSync(path.resolve(import.meta.dirname, '../schema/api.graphql'), 'utf8'));
const limit = listCostLimitFromEnv();

const CASE_SCALARS =
  'id district status targetGroup proposalReason proposedByAgency proposedByName proposedOn assessmentStartedOn activatedOn closedOn closureReason nextMeetingDue meetingOverdue';
const statistics = fs.readFileSync(path.resolve(import.meta.dirname, '../gateway/playground/operations/DistrictStatistics.graphql'), 'utf8');
const statisticsBody = /query DistrictStatistics\(\$period: String!\) \{\s*statistics\(period: \$period\) \{([\s\S]*?)\n  \}\n\}/.exec(statistics)![1];
const statisticsFragments = statistics.slice(statistics.indexOf('fragment '));

const REQUESTS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  'cases: 500 with every field that fits': {
    query: `query Widest { cases(limit: 500) { ${CASE_SCALARS} youngPerson { id personalNumber givenName familyName dateOfBirth district } consent { id caseId consentVersion validFrom validUntil formReference recordedAt recordedBy status missingSignatures } school { placement { schoolName grade } } leisure { caseId } } }`,
  },
  // As many times as graphql-armor's own cost limit (GRAPHQL_MAX_COST) lets through: found below.
  statistics: { query: '', variables: { period: String(new Date().getFullYear()) } },
  'access log: 250 cases with their logs': {
    query: `query Logs { cases(limit: 250) { id accessLog { at actorName actorAgency categories decision reason legalBasis } } }`,
  },
};

function statusOf(pid: number): { rssMb: number; hwmMb: number } {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)![1]);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

const { databases, dispose } = await benchDatabases(CASES, 14, say);
const keys = await generatePlatformKeys();
const coordinator: Actor = { id: 'measure-coordinator', name: 'Measure Coordinator', agency: Agency.SOCIAL_SERVICES, unit: 'Measure', district: 'measure', roles: [ActorRole.CASE_WORKER, ActorRole.STATISTICS] };
const social = new pg.Client({ connectionString: databases.subgraphs[Agency.SOCIAL_SERVICES] });
await social.connect();
const { rows } = await social.query<{ id: string }>(`SELECT id FROM sig_case ORDER BY id LIMIT 500`);
for (const { id } of rows) {
  await social.query(`INSERT INTO group_member (id, case_id, agency, person_id, person_name, role, from_date) VALUES (gen_random_uuid(), $1, 'SOCIAL_SERVICES', $2, $3, 'COORDINATOR', '2020-01-01')`, [id, coordinator.id, coordinator.name]);
}
await social.end();
say(`the coordinator is in ${rows.length} groups`);

// V8's own figures: every garbage collection prints the heap in use before and after (--trace-gc).
process.env.SIG_NODE_ARGS = `${process.env.SIG_NODE_ARGS ?? ''} --trace-gc`.trim();
const heapPeak: Record<string, number> = {};
const heapAfterGc: Record<string, number> = {};
const onLine = (name: string, line: string) => {
  const gc = /(\d+\.\d+) \((\d+\.\d+)\) -> (\d+\.\d+) \((\d+\.\d+)\) MB/.exec(line);
  if (!gc) return;
  heapPeak[name] = Math.max(heapPeak[name] ?? 0, Number(gc[1]));
  heapAfterGc[name] = Number(gc[3]);
};
const ports = { gateway: await freePort(), subgraphs: Object.fromEntries(await Promise.all(SUBGRAPH_AGENCIES.map(async (a) => [a, await freePort()]))) as any };
const system = await startSystem({ keys, databases, ports, onLine, env: { LOG_LEVEL: 'warn' } });
const token = await issueActorToken(coordinator, keys.issuer.privateJwk);
const pids = Object.fromEntries([...system.processes].map(([name, child]) => [name, child.pid!]));

async function ask(query: string, variables?: Record<string, unknown>) {
  const started = performance.now();
  const response = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, bytes: text.length, ms: performance.now() - started, body };
}

const statisticsTimes = (n: number) => `query Stats($period: String!) { ${Array.from({ length: n }, (_, i) => `s${i}: statistics(period: $period) { ${statisticsBody} }`).join(' ')} } ${statisticsFragments}`;
for (let n = 5; n >= 1; n--) {
  const { status } = await ask(statisticsTimes(n), REQUESTS.statistics.variables);
  if (status === 200 || n === 1) {
    say(`the dashboard's statistics query is accepted at most ${n} times in one request`);
    REQUESTS.statistics.query = statisticsTimes(n);
    break;
  }
}

try {
  // Warm up: every process has compiled its paths and filled its caches before anything is measured.
  for (const { query, variables } of Object.values(REQUESTS)) await ask(query, variables);
  for (const [name, { query, variables }] of Object.entries(REQUESTS)) {
    const document = graphql.parse(query);
    const operation = document.definitions.find((d) => d.kind === graphql.Kind.OPERATION_DEFINITION) as import('graphql').OperationDefinitionNode;
    const cost = limit.cost(schema, document, operation, variables);
    for (const concurrent of [1, 4]) {
      const before = Object.fromEntries(Object.entries(pids).map(([p, pid]) => [p, statusOf(pid)]));
      for (const pid of Object.values(pids)) fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
      for (const p of Object.keys(pids)) heapPeak[p] = 0;
      const answers = await Promise.all(Array.from({ length: concurrent }, () => ask(query, variables)));
      const after = Object.fromEntries(Object.entries(pids).map(([p, pid]) => [p, statusOf(pid)]));
      const first = answers[0];
      const data = (first.body.data ?? {}) as Record<string, unknown>;
      const items = Object.values(data).reduce((n: number, v) => n + (Array.isArray(v) ? v.length : 1), 0);
      const errors = [...new Set((first.body.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message.slice(0, 120)}`))];
      say(
        `${name} × ${concurrent}: cost ${cost} of ${limit.maxCost}; HTTP ${first.status}, ${items} items, ${(first.bytes / 1e6).toFixed(2)} MB, ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms${errors.length ? `, errors: ${errors.join(', ')}` : ''}`,
      );
      for (const p of Object.keys(pids)) {
        say(
          `    ${p.padEnd(16)} RSS ${before[p].rssMb.toFixed(0).padStart(4)} MB before, peak ${after[p].hwmMb.toFixed(0).padStart(4)} MB, ${after[p].rssMb.toFixed(0).padStart(4)} MB after; V8 heap in use: peak ${(heapPeak[p] || 0).toFixed(0).padStart(4)} MB (0: no collection), ${(heapAfterGc[p] ?? 0).toFixed(0).padStart(4)} MB after the last collection`,
        );
      }
    }
  }
} finally {
  await system.stop();
  await dispose();
}
