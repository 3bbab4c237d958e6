/**
 * `npm run bench:statistics [-- --cases 50000 --requests 100 --connections 1]`: how fast the SSPF
 * dashboard's statistics answer on a large data set.
 *
 * Seeds the deterministic demo scenario (seed 4, `--cases` cases, default 50,000) on its own
 * PostgreSQL, starts the whole platform, and asks the full dashboard query
 * (gateway/playground/operations/DistrictStatistics.graphql, every district, every agency's part)
 * through the gateway as an actor with the statistics role, for a year, a quarter and a month.
 * Prints p50 and p95 (and p99, req/s) per period next to the target: p95 under 300 ms.
 *
 * Two figures per period, because the subgraphs keep a computed report until their database
 * announces a change: "unchanged data" (what a dashboard sees between changes: the cache answers)
 * and "after a change" (a write to every agency database before each request, so everything is
 * computed afresh in SQL: the cost of the first dashboard after a change).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generatePlatformKeys, issueActorToken, PERSONAS } from '@sig/platform/dev';
import { SUBGRAPH_AGENCIES, todayIso } from '@sig/platform/access';
import { freePort, startSystem, ROOT } from '@sig/dev-kit';
import { benchDatabases, formatMeasured, measure, progress } from './lib/setup';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '50000' }, requests: { type: 'string', default: '100' }, connections: { type: 'string', default: '1' }, cold: { type: 'string', default: '20' } } });
const CASES = Number(values.cases);
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);
const COLD = Number(values.cold);
const TARGET_P95_MS = 300;
const say = progress('bench:statistics');

const { databases, dispose } = await benchDatabases(CASES, 4, say);
let system: Awaited<ReturnType<typeof startSystem>> | undefined;
const cleanUp = async () => {
  await system?.stop();
  await dispose();
};
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

try {
  const keys = await generatePlatformKeys();
  const ports = { gateway: await freePort(), subgraphs: Object.fromEntries(await Promise.all(SUBGRAPH_AGENCIES.map(async (a) => [a, await freePort()]))) as any };
  system = await startSystem({ keys, databases, ports, env: { LOG_LEVEL: 'error' } });
  const token = await issueActorToken(PERSONAS['district-supervisor'], keys.issuer.privateJwk);
  const query = fs.readFileSync(path.join(ROOT, 'gateway', 'playground', 'operations', 'DistrictStatistics.graphql'), 'utf8');
  const today = todayIso();
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  const periods = [today.slice(0, 4), quarter, today.slice(0, 7)];
  const lines = [
    `SIG statistics benchmark: ${CASES} cases, the full dashboard query through the gateway, ${REQUESTS} requests per period at ${CONNECTIONS} connection(s), ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`,
    '',
  ];
  // A change that touches no figure but is announced like any other: one per agency database.
  const writers = await Promise.all(
    SUBGRAPH_AGENCIES.map(async (agency) => {
      const client = new pg.Client({ connectionString: databases.subgraphs[agency] });
      await client.connect();
      return client;
    }),
  );
  const TOUCH: Record<string, string> = {
    SOCIAL_SERVICES: 'update sig_case set version = version where false',
    POLICE: 'update police_incident set description = description where false',
    SCHOOL: 'update attendance_period set period_end = period_end where false',
    LEISURE: 'update summer_job set weeks = weeks where false',
  };
  const change = () => Promise.all(SUBGRAPH_AGENCIES.map((agency, i) => writers[i].query(TOUCH[agency])));
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  let worstWarm = 0;
  let worstCold = 0;
  try {
    for (const period of periods) {
      const body = JSON.stringify({ query, variables: { period } });
      // Warm up: query plan cache, connection pools, PostgreSQL's buffers.
      await measure(system.gatewayUrl, { authorization: `Bearer ${token}` }, body, { connections: 1, requests: 10 });
      const warm = await measure(system.gatewayUrl, { authorization: `Bearer ${token}` }, body, { connections: CONNECTIONS, requests: REQUESTS });
      const cold: number[] = [];
      for (let i = 0; i < COLD; i++) {
        await change();
        await new Promise((r) => setTimeout(r, 50)); // the announcements arrive within milliseconds
        const started = performance.now();
        const response = await fetch(system.gatewayUrl, { method: 'POST', headers, body });
        const answer = (await response.json()) as { errors?: unknown[] };
        if (!response.ok || answer.errors) throw new Error(`statistics failed after a change: ${JSON.stringify(answer).slice(0, 300)}`);
        cold.push(performance.now() - started);
      }
      cold.sort((a, b) => a - b);
      const at = (p: number) => cold[Math.min(cold.length - 1, Math.floor((p / 100) * cold.length))];
      worstWarm = Math.max(worstWarm, warm.p95);
      worstCold = Math.max(worstCold, at(95));
      lines.push(`  period ${period.padEnd(8)} unchanged data  ${formatMeasured(warm)}`);
      lines.push(`  ${''.padEnd(15)} after a change  ${String(COLD).padStart(5)} requests  p50 ${at(50).toFixed(1).padStart(6)}  p95 ${at(95).toFixed(1).padStart(6)}  max ${cold.at(-1)!.toFixed(1).padStart(6)} ms`);
      say(`${period}: unchanged data p50 ${warm.p50.toFixed(1)} / p95 ${warm.p95.toFixed(1)} ms; after a change p50 ${at(50).toFixed(1)} / p95 ${at(95).toFixed(1)} ms`);
    }
  } finally {
    await Promise.all(writers.map((w) => w.end()));
  }
  lines.push(
    '',
    `target: p95 < ${TARGET_P95_MS} ms: unchanged data at most ${worstWarm.toFixed(1)} ms (${worstWarm < TARGET_P95_MS ? 'met' : 'NOT met'}); after a change at most ${worstCold.toFixed(1)} ms (${worstCold < TARGET_P95_MS ? 'met' : 'NOT met'})`,
  );
  console.log(`\n${lines.join('\n')}`);
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-output', 'bench-statistics.txt'), `${lines.join('\n')}\n`);
  say('written to test-output/bench-statistics.txt');
} finally {
  await cleanUp();
}
