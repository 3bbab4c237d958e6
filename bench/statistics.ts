/**
 * `npm run bench:statistics [-- --cases 50000 --requests 100 --connections 1]`: how fast the SSPF
 * dashboard's statistics answer on a large data set.
 *
 * Seeds the deterministic demo scenario (seed 4, `--cases` cases, default 50,000) on its own
 * PostgreSQL, starts the whole platform, and asks the full dashboard query
 * (gateway/playground/operations/DistrictStatistics.graphql, every district, every agency's part)
 * through the gateway as an actor with the statistics role, for a year, a quarter and a month.
 * Prints p50 and p95 (and p99, req/s) per period next to the target: p95 under 300 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generatePlatformKeys, issueActorToken, PERSONAS, SUBGRAPH_AGENCIES, todayIso } from '@sig/platform';
import { freePort } from '../scripts/lib/ports';
import { startSystem } from '../scripts/lib/system';
import { ROOT } from '../scripts/subgraphs';
import { benchDatabases, formatMeasured, measure, progress } from './lib/setup';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '50000' }, requests: { type: 'string', default: '100' }, connections: { type: 'string', default: '1' } } });
const CASES = Number(values.cases);
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);
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
  let worst = 0;
  for (const period of periods) {
    const body = JSON.stringify({ query, variables: { period } });
    // Warm up: query plan cache, connection pools, PostgreSQL's buffers.
    await measure(system.gatewayUrl, { authorization: `Bearer ${token}` }, body, { connections: 1, requests: 10 });
    const m = await measure(system.gatewayUrl, { authorization: `Bearer ${token}` }, body, { connections: CONNECTIONS, requests: REQUESTS });
    worst = Math.max(worst, m.p95);
    lines.push(`  period ${period.padEnd(8)} ${formatMeasured(m)}`);
    say(`${period}: p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms`);
  }
  lines.push('', `target: p95 < ${TARGET_P95_MS} ms: measured at most ${worst.toFixed(1)} ms (${worst < TARGET_P95_MS ? 'met' : 'NOT met'})`);
  console.log(`\n${lines.join('\n')}`);
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-output', 'bench-statistics.txt'), `${lines.join('\n')}\n`);
  say('written to test-output/bench-statistics.txt');
} finally {
  await cleanUp();
}
