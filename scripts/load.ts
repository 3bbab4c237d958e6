/**
 * `npm run load`: a realistic mix of requests against a running `npm start` (autocannon), for a few
 * minutes, then the figures: requests, errors, latency percentiles, and the memory of every process
 * before and after. Options: --seconds N (default 120), --connections N (default 16),
 * --url http://127.0.0.1:4000/graphql, --max-growth-mb N (default 150: the bound on RSS growth of
 * any one process; the script exits 1 above it, or on any error or non-2xx answer).
 *
 * The mix, per connection in turn: a case overview across all four subgraphs (coordinator), the
 * police officer's list of cases with a field from every subgraph, the school counsellor's action
 * plan, and an action-plan update (the coordinator reads an action's version, then changes its
 * status with it; each connection works on its own action, so no CONFLICT is expected).
 */
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { issueActorToken, loadOrCreateDevKeys, PERSONAS } from '@sig/platform/dev';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '120' },
    connections: { type: 'string', default: '16' },
    url: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    'max-growth-mb': { type: 'string', default: '150' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const url = values.url!;
const maxGrowthMb = Number(values['max-growth-mb']);

const keys = await loadOrCreateDevKeys();
const tokens = {
  social: await issueActorToken(PERSONAS['social-worker'], keys.issuer.privateJwk),
  police: await issueActorToken(PERSONAS['police-officer'], keys.issuer.privateJwk),
  school: await issueActorToken(PERSONAS['school-counsellor'], keys.issuer.privateJwk),
};

async function graphql(token: string, query: string, variables: object = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: is npm start running?`);
  return (await response.json()) as { data: any; errors?: unknown[] };
}

// The data the mix works on: the coordinator's active cases and their actions.
const { data } = await graphql(tokens.social, `{ cases(status: ACTIVE, limit: 100) { id actionPlan { goals { actions { id } } } } }`);
const cases: string[] = data.cases.map((c: { id: string }) => c.id);
const actions: { caseId: string; actionId: string }[] = data.cases.flatMap((c: any) =>
  (c.actionPlan?.goals ?? []).flatMap((g: any) => g.actions.map((a: any) => ({ caseId: c.id, actionId: a.id }))),
);
if (actions.length < connections * 2) {
  console.error(`need active cases with at least ${connections * 2} actions (found ${cases.length} cases, ${actions.length} actions): run npm start with its demo data`);
  process.exit(2);
}

/** Resident memory (MB) of the platform's processes, found by their entry points. */
function memory(): Record<string, number> {
  const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' });
  const result: Record<string, number> = {};
  for (const line of out.split('\n')) {
    const match = /^\s*(\d+)\s+.*\/(gateway|subgraphs\/([a-z-]+))\/src\/main\.ts/.exec(line);
    if (match) result[match[3] ?? 'gateway'] = Math.round(Number(match[1]) / 1024);
  }
  return result;
}

const OVERVIEW = `query CaseOverview($id: ID!) { case(id: $id) { id status youngPerson { givenName } police { incidents { kind } } school { attendance { attendancePercent } } leisure { activities { activity } } } }`;
const LIST = `query PoliceCases { cases(limit: 100) { id status police { incidents { kind } } school { attendance { attendancePercent } } leisure { activities { activity } } } }`;
const PLAN = `query ActionPlan($id: ID!) { case(id: $id) { actionPlan { goals { description actions { description status dueDate } } } } }`;
const READ_ACTION = `query ReadAction($id: ID!) { case(id: $id) { actionPlan { goals { actions { id version status } } } } }`;
const UPDATE_ACTION = `mutation UpdateAction($c: ID!, $a: ID!, $s: ActionStatus!, $v: Int!) { updateActionStatus(caseId: $c, actionId: $a, status: $s, expectedVersion: $v) { version } }`;

const body = (query: string, variables: object) => JSON.stringify({ query, variables });
const headers = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
let graphqlErrors = 0;
let forbidden = 0;
/** Denials (FORBIDDEN) are the access model at work, not failures; every other GraphQL error is one. */
const countErrors = (_status: number, text: string) => {
  if (!text.includes('"errors"')) return;
  const errors = (JSON.parse(text).errors ?? []) as { extensions?: { code?: string } }[];
  const other = errors.filter((e) => e.extensions?.code !== 'FORBIDDEN').length;
  forbidden += errors.length - other;
  if (other > 0) graphqlErrors += 1;
};
/** Each pass of the pipeline takes an action no other connection is working on, and gives it back when done. */
const busy = new Set<number>();
let nextAction = 0;
function takeAction(): number {
  while (busy.has(nextAction % actions.length)) nextAction += 1;
  const n = nextAction++ % actions.length;
  busy.add(n);
  return n;
}

interface Ctx {
  n?: number;
  version?: number;
  nextStatus?: string;
}

const before = memory();
console.log(`load: ${connections} connections for ${seconds} s against ${url}; ${cases.length} cases, ${actions.length} actions`);
const result = await autocannon({
  url,
  connections,
  duration: seconds,
  method: 'POST',
  requests: [
    {
      setupRequest: (req, ctx: Ctx) => {
        ctx.n = takeAction();
        return { ...req, headers: headers(tokens.social), body: body(OVERVIEW, { id: actions[ctx.n].caseId }) };
      },
      onResponse: countErrors,
    },
    { setupRequest: (req) => ({ ...req, headers: headers(tokens.police), body: body(LIST, {}) }), onResponse: countErrors },
    {
      setupRequest: (req, ctx: Ctx) => ({ ...req, headers: headers(tokens.school), body: body(PLAN, { id: actions[ctx.n!].caseId }) }),
      onResponse: countErrors,
    },
    {
      setupRequest: (req, ctx: Ctx) => ({ ...req, headers: headers(tokens.social), body: body(READ_ACTION, { id: actions[ctx.n!].caseId }) }),
      onResponse: (_status, text, ctx: Ctx) => {
        const parsed = JSON.parse(text);
        const mine = parsed.data?.case?.actionPlan?.goals.flatMap((g: any) => g.actions).find((a: any) => a.id === actions[ctx.n!].actionId);
        ctx.version = mine?.version;
        ctx.nextStatus = mine?.status === 'IN_PROGRESS' ? 'OPEN' : 'IN_PROGRESS';
        if (parsed.errors) graphqlErrors += 1;
      },
    },
    {
      setupRequest: (req, ctx: Ctx) => ({
        ...req,
        headers: headers(tokens.social),
        body: body(UPDATE_ACTION, { c: actions[ctx.n!].caseId, a: actions[ctx.n!].actionId, s: ctx.nextStatus, v: ctx.version }),
      }),
      onResponse: (status, text, ctx: Ctx) => {
        busy.delete(ctx.n!);
        countErrors(status, text);
      },
    },
  ],
});
const after = memory();

const growth = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? after[k])]));
const worstGrowth = Math.max(0, ...Object.values(growth));
const failed = result.errors + result.timeouts + result.non2xx + graphqlErrors;
const report = {
  when: new Date().toISOString(),
  seconds,
  connections,
  requests: result.requests.total,
  requestsPerSecond: result.requests.average,
  errors: { transport: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
  forbiddenFieldsServedAsNull: forbidden,
  latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  memoryMb: { before, after, growth },
  bound: { maxGrowthMb },
};
fs.mkdirSync('test-output', { recursive: true });
fs.writeFileSync('test-output/load.json', `${JSON.stringify(report, null, 2)}\n`);

console.log(`
requests        ${report.requests} in ${seconds} s (${report.requestsPerSecond} per second, ${connections} connections)
errors          ${failed} (transport ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL errors ${graphqlErrors}); ${forbidden} fields denied by consent, as designed
latency (ms)    p50 ${result.latency.p50}   p90 ${result.latency.p90}   p99 ${result.latency.p99}   max ${result.latency.max}
memory (MB RSS) ${Object.keys(after).map((k) => `${k} ${before[k] ?? '?'} → ${after[k]}`).join(', ')}
bound           no process grew more than ${maxGrowthMb} MB: ${worstGrowth <= maxGrowthMb ? 'kept' : `BROKEN (${worstGrowth} MB)`}
(written to test-output/load.json)`);
process.exit(failed === 0 && worstGrowth <= maxGrowthMb ? 0 : 1);
