/// <reference lib="dom" />
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency, type Actor, type SubgraphAgency } from '@sig/platform/access';
import { GATEWAY_BINDING_HEADER, GATEWAY_TOKEN_HEADER, gatewayRequestHeaders } from '@sig/platform/tokens';
import { PERSONAS } from '@sig/platform/dev';
import { createActiveCase, daysFromToday, expectNoErrors } from './support/cases';
import { launchBrowser } from './support/browser';
import { freePort, startTestPlatform, type TestPlatform } from './support/platform';

/**
 * The gateway's hardening (issue 14, holes 8 and 9, and operation names): list-aware cost, POST-only
 * /graphql, no schema hints in errors, malformed bodies answered quietly, security headers, the
 * targeted read-your-writes, the binding of each subgraph request's body, and long operation names.
 */

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ seed: true });
});

afterAll(async () => {
  await platform?.stop();
});

const gatewayBase = () => platform.system.gatewayUrl.replace(/\/graphql$/, '');

const post = (body: string, headers: Record<string, string> = {}, url?: string) => platform.raw(body, { headers, url });
const gql = (query: string, variables?: object, url?: string) => post(JSON.stringify({ query, variables }), {}, url);

const count = async (agency: SubgraphAgency, sql: string, params: unknown[] = []) => Number((await platform.sql(agency, sql, params))[0].n);

/** Waits until the system's output has grown to hold `pattern` `times` times (log lines arrive through pipes). */
async function outputLines(pattern: RegExp, atLeast: number, timeoutMs = 3000): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const lines = platform.system.output().split('\n').filter((l) => pattern.test(l));
    if (lines.length >= atLeast || Date.now() - started > timeoutMs) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const CASE_FIELDS =
  'id status district targetGroup proposalReason proposedByAgency nextMeetingDue meetingOverdue youngPerson { givenName familyName } consent { status validUntil } police { incidents { kind occurredAt description } } school { attendance { attendancePercent } } leisure { activities { activity venue } }';

describe('the cost limit counts lists', () => {
  it('refuses 15 aliases of 500 cases (7,500 cases) before anything runs, naming the cost and the maximum', async () => {
    const logRows = () => count(Agency.SOCIAL_SERVICES, 'select count(*) as n from access_log');
    const before = await logRows();
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: cases(limit: 500) { ${CASE_FIELDS} }`).join(' ');
    const res = await gql(`query Bomb { ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.json.data).toBeUndefined();
    expect(res.json.errors).toHaveLength(1);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', maxCost: 20000 });
    expect(res.json.errors[0].message).toMatch(/^Operation cost 600015 exceeds the maximum cost of 20000\b/);
    expect(await logRows()).toBe(before);
  });

  it('counts a limit given as a variable', async () => {
    const res = await gql(`query Many($n: Int!) { a: cases(limit: $n) { ${CASE_FIELDS} } b: cases(limit: $n) { ${CASE_FIELDS} } c: cases(limit: $n) { ${CASE_FIELDS} } }`, { n: 500 });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toMatch(/^Operation cost 120003 exceeds the maximum cost of 20000\b/);
  });

  it('accepts an ordinary list of 100 cases with their agencies’ data', async () => {
    const res = await gql(`query List { cases(limit: 100) { ${CASE_FIELDS} } }`);
    expect(res.status).toBe(200);
    expect(res.json.data.cases.length).toBeGreaterThan(0);
    expect((res.json.errors ?? []).map((e: any) => e.extensions?.code)).not.toContain('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('/graphql takes POST with a JSON body, nothing else', () => {
  it.each([
    ['GET', {}],
    ['GET with apollo-require-preflight', { 'apollo-require-preflight': 'true' }],
    ['GET with a JSON content type', { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }],
  ])('%s → 405 with Allow: POST', async (_name, headers) => {
    const url = `${platform.system.gatewayUrl}?query=${encodeURIComponent('{ districts { code } }')}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${await platform.token('social-worker')}`, ...headers } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    expect(body.data).toBeUndefined();
  });

  it('PUT → 405 too', async () => {
    const response = await fetch(platform.system.gatewayUrl, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"query":"{ districts { code } }"}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('no schema hints in errors', () => {
  // Misspelt fields, arguments and types in the document were already covered by graphql-armor (hostile-input.e2e.test.ts).
  const misspelt: [string, string, object?][] = [
    ['an enum value in the document', '{ cases(status: ACTIV) { id } }'],
    ['an enum value in the variables', 'query($s: CaseStatus) { cases(status: $s) { id } }', { s: 'ACTIV' }],
    ['an input field in the variables', 'mutation($i: ProposeCaseInput!) { proposeCase(input: $i) { id } }', { i: { personalNumbr: 'x', givenName: 'x', familyName: 'y', district: 'bromma', targetGroup: 'SIG_UNGA', referralSource: 'SOCIAL_SERVICES', reason: 'r' } }],
  ];

  it.each(misspelt)('a misspelt %s → an error without "Did you mean"', async (_name, query, variables) => {
    const res = await gql(query, variables);
    expect(res.json.errors.length).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/did you mean/i);
  });

  describe('in production', () => {
    let production: string;
    beforeAll(async () => {
      production = await platform.system.startGateway('gateway-production-errors', await freePort(), { NODE_ENV: 'production' });
    });

    it.each([
      ['a misspelt field', '{ districtz { code } }', undefined, ['districtz'], ['Query', 'Did you mean']],
      ['a misspelt enum value', '{ cases(status: ACTIV) { id } }', undefined, ['ACTIV'], ['CaseStatus', 'ACTIVE']],
      ['a misspelt enum value in the variables', 'query($s: CaseStatus) { cases(status: $s) { id } }', { s: 'ACTIV' }, ['ACTIV', '$s'], ['ACTIVE']],
      ['a field of another type', '{ cases(limit: 1) { givenName } }', undefined, ['givenName'], ['Case', 'YoungPerson']],
    ])('%s names only what the client wrote', async (_name, query, variables, shown, hidden) => {
      const res = await gql(query, variables, production);
      const messages = res.json.errors.map((e: any) => e.message).join('\n');
      for (const name of shown) expect(messages).toContain(name);
      for (const name of hidden) expect(messages).not.toContain(name);
    });
  });
});

describe('malformed bodies', () => {
  it('invalid JSON → 400 with a JSON GraphQL error, and one log line without the body', async () => {
    const marker = `marker${Date.now()}`;
    const lines = (await outputLines(/refused a malformed request body/, 0, 0)).length;
    const res = await post(`{"query": "{ districts { code } }", "${marker}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json.errors[0]).toMatchObject({ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } });
    const after = await outputLines(/refused a malformed request body/, lines + 1);
    expect(after).toHaveLength(lines + 1);
    expect(after.at(-1)).toMatch(/^\[gateway\] \{/);
    const output = platform.system.output();
    expect(output).not.toContain(marker);
    expect(output).not.toMatch(/SyntaxError|at JSON\.parse|body-parser/);
  });

  it('another content type → 415 with a JSON GraphQL error', async () => {
    const res = await post('{ districts { code } }', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(res.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('a body over the limit → 413 with a JSON GraphQL error', async () => {
    const res = await gql(`{ casesOfYoungPerson(personalNumber: "${'9'.repeat(2 * 1024 * 1024)}") { id } }`);
    expect(res.status).toBe(413);
    expect(res.json.errors[0].message).toMatch(/larger than the limit/);
    expect(platform.system.output()).not.toMatch(/PayloadTooLargeError/);
  });
});

describe('security headers', () => {
  const expectHelmet = (headers: Headers) => {
    expect(headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(headers.get('x-powered-by')).toBeNull();
  };

  it('are on /graphql, /, /dashboard and the health check', async () => {
    expectHelmet((await gql('{ districts { code } }')).headers);
    expectHelmet((await fetch(`${gatewayBase()}/`)).headers);
    expectHelmet((await fetch(`${gatewayBase()}/dashboard`)).headers);
    expectHelmet((await fetch(`${gatewayBase()}/healthz`)).headers);
    // A subgraph's answers carry them too.
    expectHelmet((await fetch(platform.system.subgraphUrls[Agency.POLICE].replace(/\/graphql$/, '/healthz'))).headers);
  });

  describe('and the pages still work under the policy', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** A page that records every Content-Security-Policy violation. */
    async function watched(path: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const console: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) console.push(message.text());
      });
      await page.addInitScript(() => {
        (window as any).__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${gatewayBase()}${path}`);
      return { page, violations: async () => [...console, ...((await page.evaluate(() => (window as any).__violations)) as string[])] };
    }

    it('the playground runs an operation with no violation', async () => {
      const { page, violations } = await watched('/');
      await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
      await page.selectOption('#persona', 'social-worker');
      await page.waitForSelector('.graphiql-tab >> text=MyCases');
      await page.click('.graphiql-execute-button');
      await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('"cases"'), null, { timeout: 20_000 });
      // The inline <style> applied: the header bar has its colour.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('header')!).backgroundColor)).toBe('rgb(29, 59, 88)');
      expect(await violations()).toEqual([]);
      await page.close();
    });

    it('the dashboard draws its charts with no violation', async () => {
      const { page, violations } = await watched('/dashboard');
      await page.waitForSelector('#persona option[value="district-supervisor"]', { state: 'attached' });
      await page.selectOption('#persona', 'district-supervisor');
      await page.click('#load');
      await page.waitForSelector('#chart-over-time[data-rendered="true"]', { timeout: 20_000 });
      expect(await violations()).toEqual([]);
      await page.close();
    });
  });
});

describe('each subgraph request is bound to its body', () => {
  /** A pass-through in front of social services that keeps what the gateway sent. */
  let proxy: http.Server;
  const captured: { headers: Record<string, string>; body: string }[] = [];
  let second: string;

  beforeAll(async () => {
    const target = new URL(platform.system.subgraphUrls[Agency.SOCIAL_SERVICES]);
    proxy = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>;
      if (req.url?.startsWith('/graphql')) captured.push({ headers, body: body.toString('utf8') });
      const upstream = await fetch(new URL(req.url!, target.origin), { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as AddressInfo).port;
    second = await platform.system.startGateway('gateway-behind-proxy', await freePort(), { SOCIAL_SERVICES_URL: `http://127.0.0.1:${port}/graphql` });
  });

  afterAll(async () => {
    platform.system.processes.get('gateway-behind-proxy')?.kill('SIGTERM');
    await new Promise((r) => proxy?.close(r));
  });

  const replay = (headers: Record<string, string>, body: string) =>
    fetch(platform.system.subgraphUrls[Agency.SOCIAL_SERVICES], { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));

  it("refuses the gateway's own headers with another body; the same body is served", async () => {
    captured.length = 0;
    const asked = await gql('query Few { cases(limit: 2) { id status } }', undefined, second);
    expect(asked.json.data.cases.length).toBeGreaterThan(0);
    const sent = captured.find((c) => c.body.includes('cases'))!;
    expect(sent.headers[GATEWAY_TOKEN_HEADER]).toBeTruthy();
    expect(sent.headers[GATEWAY_BINDING_HEADER]).toBeTruthy();

    const same = await replay(sent.headers, sent.body);
    expect(same.status).toBe(200);
    expect(same.json.data.cases.length).toBeGreaterThan(0);

    // Another operation under the same signatures: more cases, more fields.
    const changed = sent.body.replace(/limit:\s*2/, 'limit:500').replace('status', 'status proposalReason');
    expect(changed).not.toBe(sent.body);
    const refused = await replay(sent.headers, changed);
    expect(refused.status).toBe(401);
    expect(refused.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.json.data).toBeUndefined();
    // One byte of white space is a change too.
    expect((await replay(sent.headers, `${sent.body} `)).status).toBe(401);
    // Without the binding, the grants token alone is not enough.
    const { [GATEWAY_BINDING_HEADER]: _binding, ...tokenOnly } = sent.headers;
    expect((await replay(tokenOnly, sent.body)).status).toBe(401);
  });

  it("signs the operation's name and its server-derived purpose into the grants token", async () => {
    captured.length = 0;
    await gql('query MyOwnWords { mine: cases(limit: 1) { id } districts { code } }', undefined, second);
    const sent = captured.find((c) => c.body.includes('cases'))!;
    const claims = JSON.parse(Buffer.from(sent.headers[GATEWAY_TOKEN_HEADER].split('.')[1], 'base64url').toString());
    expect(claims.op).toBe('MyOwnWords');
    expect(claims.purpose).toBe('query cases,districts');
  });

  it('refuses a binding made for another grants token', async () => {
    const actor = PERSONAS['social-worker'] as Actor;
    const body = JSON.stringify({ query: '{ cases(limit: 1) { id } }' });
    const mine = await gatewayRequestHeaders(platform.keys.gateway.privateJwk, 'social-services', { actor, grants: { cases: {} } }, body);
    const other = await gatewayRequestHeaders(platform.keys.gateway.privateJwk, 'social-services', { actor, grants: { cases: {} }, operationName: 'Other' }, body);
    expect((await replay(mine, body)).status).toBe(200);
    expect((await replay({ ...mine, [GATEWAY_BINDING_HEADER]: other[GATEWAY_BINDING_HEADER] }, body)).status).toBe(401);
    // And one made for another subgraph.
    const police = await gatewayRequestHeaders(platform.keys.gateway.privateJwk, 'police', { actor, grants: { cases: {} } }, body);
    expect((await replay({ ...mine, [GATEWAY_BINDING_HEADER]: police[GATEWAY_BINDING_HEADER] }, body)).status).toBe(401);
  });
});

describe('operation names', () => {
  it('refuses a name of 101 characters with BAD_USER_INPUT before anything is written', async () => {
    const caseId = await createActiveCase(platform, []);
    const meetings = () => count(Agency.SOCIAL_SERVICES, 'select count(*) as n from meeting where case_id = $1', [caseId]);
    const logRows = () => count(Agency.SOCIAL_SERVICES, 'select count(*) as n from access_log');
    const before = { meetings: await meetings(), log: await logRows() };
    const mutation = (name: string) => `mutation ${name}($id: ID!, $at: DateTimeISO!) { scheduleMeeting(caseId: $id, plannedFor: $at) { id } }`;
    const at = `${daysFromToday(5)}T09:00:00.000Z`;
    const res = await gql(mutation(`M${'x'.repeat(100)}`), { id: caseId, at });
    expect(res.json.data?.scheduleMeeting ?? null).toBeNull();
    expect(res.json.errors).toHaveLength(1);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'operationName' });
    expect(await meetings()).toBe(before.meetings);
    expect(await logRows()).toBe(before.log);

    // 100 characters are accepted.
    expectNoErrors(await platform.query('social-worker', mutation(`M${'x'.repeat(99)}`), { id: caseId, at }));
    expect(await meetings()).toBe(before.meetings + 1);
  });
});
