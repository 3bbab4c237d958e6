/**
 * `npm run bench [-- --cases 50000 --seconds 4 --connections 16 --rounds 6 --warmup 3 --queries list,plan]`: the cost of consent enforcement.
 *
 * Makes a deterministic data set on its own PostgreSQL (embedded, or DATABASE_URL), starts the
 * subgraphs once with enforcement and once without, and measures with autocannon, per query:
 *   (a) our gateway with enforcement (token, grants, signatures, shield, access log);
 *   (b) a plain @apollo/gateway over the same resolvers and supergraph, enforcement off;
 *   (c) the subgraph alone, for the part of the query one subgraph answers (the floor).
 * Prints requests/second and p50/p95/p99 for each, the ratios (a)/(b) and (a)/(c), and the targets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '@sig/dev-kit';
import { formatCpu, startCpuMeter } from './lib/cpu';
import { formatMeasured, measure as measureWith, progress, type Measured } from './lib/setup';
import { startBenchVariants, type Variant } from './lib/variants';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '4' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '3' },
    // Rounds of one request at a time per variant: the latency enforcement adds, without queueing.
    'latency-rounds': { type: 'string', default: '2' },
    // Some of the queries only, by key (overview, list, plan, statistics): for trying one change quickly.
    queries: { type: 'string', default: 'overview,list,plan,statistics' },
  },
});
const CASES = Number(values.cases);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);
const WARMUP_SECONDS = Number(values.warmup);
const LATENCY_ROUNDS = Number(values['latency-rounds']);
const say = progress('bench');

interface Round {
  measured: Measured;
  cpu: { name: string; ms: number }[];
}

/** One variant under load for one round, with the CPU time each of its processes spent per request. */
async function measure(variant: Variant, body: string): Promise<Round> {
  const meter = startCpuMeter(variant.cpu);
  const measured = await measureWith(variant.url, await variant.headers(body), body, { connections: CONNECTIONS, seconds: SECONDS });
  return { measured, cpu: meter.perRequest(measured.requests) };
}

/**
 * The machine's CPU per request of (b) over (a): what the throughput ratio would be if only CPU
 * limited both. Steadier than the throughput between runs; where the two differ, the rest is waiting.
 */
const cpuRatio = (r: Row) => (r.a.machineMs && r.b.machineMs ? `, machine CPU per request (b)/(a) ${(r.b.machineMs / r.a.machineMs).toFixed(2)}` : '');

const signed = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(1)}`;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The rounds of one variant: the median of each figure, and CPU per request over all its requests. */
function combine(rounds: Round[]): Measured & { cpu: string; machineMs?: number } {
  const requests = rounds.reduce((sum, r) => sum + r.measured.requests, 0);
  const cpu = rounds[0].cpu.map(({ name }, i) => ({ name, ms: rounds.reduce((sum, r) => sum + r.cpu[i].ms * r.measured.requests, 0) / Math.max(1, requests) }));
  const of = (key: 'rps' | 'p50' | 'p95' | 'p99') => median(rounds.map((r) => r.measured[key]));
  return {
    requests,
    rps: of('rps'),
    p50: of('p50'),
    p95: of('p95'),
    p99: of('p99'),
    errors: rounds.reduce((sum, r) => sum + r.measured.errors, 0),
    cpu: cpu.length > 0 ? formatCpu(cpu) : 'CPU per process: not measurable here (no /proc)',
    machineMs: cpu.find((c) => c.name === 'machine')?.ms,
  };
}

// 1. The queries, and what the subgraph alone answers of each.
const dashboard = fs.readFileSync(path.join(ROOT, 'gateway', 'playground', 'operations', 'DistrictStatistics.graphql'), 'utf8');
const year = String(new Date().getFullYear());
const ALL_QUERIES: { key: string; name: string; query: string; floor: string; variables?: Record<string, unknown> }[] = [
  {
    key: 'overview',
    name: 'case overview, four subgraphs',
    query: `query Overview($id: ID!) { case(id: $id) { id status youngPerson { givenName } police { incidents { kind } } school { attendance { attendancePercent } } leisure { activities { activity } } } }`,
    floor: `query Overview($id: ID!) { case(id: $id) { id status youngPerson { givenName } } }`,
  },
  {
    key: 'list',
    name: 'list of 100 cases, four subgraphs',
    query: `query List { cases(limit: 100) { id status police { incidents { kind } } school { attendance { attendancePercent } } leisure { activities { activity } } } }`,
    floor: `query List { cases(limit: 100) { id status } }`,
  },
  {
    key: 'plan',
    name: 'action plan of one case',
    query: `query Plan($id: ID!) { case(id: $id) { actionPlan { goals { description subGoals { description } actions { description responsibleAgency status dueDate } } } } }`,
    floor: `query Plan($id: ID!) { case(id: $id) { actionPlan { goals { description subGoals { description } actions { description responsibleAgency status dueDate } } } } }`,
  },
  {
    key: 'statistics',
    name: 'statistics: the full dashboard query, this year',
    query: dashboard,
    floor: `query Floor($period: String!) { statistics(period: $period) { period city { proposals { value } } districts { proposals { value } started { value } closed { value } activeDuringPeriod { value } meetingOverdue { value } participation { share { value } } } months { started { value } } } }`,
    variables: { period: year },
  },
];
const keys = values.queries.split(',').map((k) => k.trim());
const unknown = keys.filter((k) => !ALL_QUERIES.some((q) => q.key === k));
if (unknown.length > 0) throw new Error(`--queries: no query named ${unknown.join(', ')} (there are ${ALL_QUERIES.map((q) => q.key).join(', ')})`);
const QUERIES = ALL_QUERIES.filter((q) => keys.includes(q.key));

// 2. Data, and the platform with enforcement next to the plain variant over the same databases.
const variants = await startBenchVariants(CASES, say);
process.on('SIGINT', () => void variants.stop().then(() => process.exit(130)));

try {
  const { caseId } = variants;
  // 3. Each query: a warm-up of every variant, then the rounds.
  const rows: Row[] = [];
  for (const q of QUERIES) {
    const variables = q.variables ?? { id: caseId };
    const body = JSON.stringify({ query: q.query, variables });
    // Unmeasured load first, so that no variant is measured while its code is still being compiled.
    const floorBody = JSON.stringify({ query: q.floor, variables });
    // Each variant with what it is asked: (c), the floor, only its own subgraph's part of the query.
    const asked = { a: { variant: variants.enforced, body }, b: { variant: variants.plain, body }, c: { variant: variants.floor, body: floorBody } };
    for (const { variant, body: b } of Object.values(asked)) {
      await measureWith(variant.url, await variant.headers(b), b, { connections: CONNECTIONS, seconds: WARMUP_SECONDS });
    }
    // Rounds of (a), (b), (c) in turn, so that a slow spell of the machine falls on all three; every
    // other round in the reverse order (c, b, a), so that neither (a) nor (b) always goes first, nor
    // always follows the other (and gets its background work: autovacuum, checkpoints).
    const rounds: { a: Round; b: Round; c: Round }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const measured: Partial<Record<'a' | 'b' | 'c', Round>> = {};
      const order = round % 2 === 1 ? (['a', 'b', 'c'] as const) : (['c', 'b', 'a'] as const);
      for (const which of order) measured[which] = await measure(asked[which].variant, asked[which].body);
      const { a, b, c } = measured as Record<'a' | 'b' | 'c', Round>;
      rounds.push({ a, b, c });
      say(`${q.name}: round ${round} of ${ROUNDS}, (a)/(b) ${(a.measured.rps / b.measured.rps).toFixed(2)}`);
    }
    const ratios = rounds.map((r) => r.a.measured.rps / r.b.measured.rps);
    // Then one request at a time, (a) and (b) in turn: at 16 connections on two cores the p50 is
    // mostly queueing (about 16 × CPU per request / cores), so 1 ms more CPU shows as 8 ms more p50;
    // alone, a request's p50 is what enforcement adds to its latency.
    const alone: { a: number[]; b: number[] } = { a: [], b: [] };
    for (let round = 1; round <= LATENCY_ROUNDS; round++) {
      for (const which of round % 2 === 1 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
        const { variant } = asked[which];
        alone[which].push((await measureWith(variant.url, await variant.headers(body), body, { connections: 1, seconds: SECONDS })).p50);
      }
    }
    rows.push({ key: q.key, name: q.name, a: combine(rounds.map((r) => r.a)), b: combine(rounds.map((r) => r.b)), c: combine(rounds.map((r) => r.c)), ratios, alone: { a: median(alone.a), b: median(alone.b) } });
  }

  // 4. The table.
  const fmt = formatMeasured;
  const lines = [
    `SIG platform benchmark: ${CASES} cases, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up and ${ROUNDS} rounds of ${SECONDS} s per variant, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`,
    `Figures are the median of the rounds; CPU ms per request is over all of them; "one request at a time" is the median p50 of ${LATENCY_ROUNDS} rounds of ${SECONDS} s at 1 connection.`,
    '',
    ...rows.flatMap((r) => [
      `${r.name}`,
      `  (a) gateway with enforcement  ${fmt(r.a)}`,
      `      ${r.a.cpu}`,
      `  (b) plain federation          ${fmt(r.b)}`,
      `      ${r.b.cpu}`,
      `  (c) subgraph alone (floor)    ${fmt(r.c)}`,
      `      ${r.c.cpu}`,
      `  (a)/(b) throughput ${median(r.ratios).toFixed(2)} (rounds ${Math.min(...r.ratios).toFixed(2)}–${Math.max(...r.ratios).toFixed(2)}; target ≥ 0.90)${cpuRatio(r)}   (a)/(c) throughput ${(r.a.rps / r.c.rps).toFixed(2)}`,
      `  p50 one request at a time: (a) ${r.alone.a.toFixed(1)} ms, (b) ${r.alone.b.toFixed(1)} ms, ${signed(r.alone.a - r.alone.b)} ms (target ≤ 2 ms); at ${CONNECTIONS} connections ${signed(r.a.p50 - r.b.p50)} ms (queueing)`,
      '',
    ]),
    ...rows
      .filter((r) => r.key === 'list')
      .map((r) => `target: list of 100 cases p95 < 50 ms at ${CONNECTIONS} connections: measured ${r.a.p95.toFixed(1)} ms (${r.a.p95 < 50 ? 'met' : 'NOT met'})`),
    ...rows.filter((r) => r.key === 'statistics').map((r) => `statistics at ${CONNECTIONS} connections: p95 ${r.a.p95.toFixed(1)} ms (one dashboard at a time: npm run bench:statistics)`),
  ];
  console.log(`\n${lines.join('\n')}`);
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-output', 'bench.txt'), `${lines.join('\n')}\n`);
  say('written to test-output/bench.txt');
} finally {
  await variants.stop();
}

interface Row {
  key: string;
  name: string;
  a: Measured & { cpu: string; machineMs?: number };
  b: Measured & { cpu: string; machineMs?: number };
  c: Measured & { cpu: string; machineMs?: number };
  /** (a)/(b) throughput per round. */
  ratios: number[];
  /** p50 in ms of (a) and (b), one request at a time (median of the latency rounds). */
  alone: { a: number; b: number };
}
