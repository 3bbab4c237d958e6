import { SignJWT, UnsecuredJWT } from 'jose';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importKey } from '@sig/platform/tokens';
import { PERSONAS, issueActorToken } from '@sig/platform/dev';
import { SUBGRAPH_AGENCIES, type Actor } from '@sig/platform/access';
import { startTestPlatform, type TestPlatform } from './support/platform';
import { makePersonalNumber } from '../subgraphs/social-services/src/domain/personal-number';

/**
 * A catalogue of hostile and malformed requests to the gateway. Each gets a clear 4xx or GraphQL
 * error; afterwards every process still answers its health check and no domain table has changed.
 */

let platform: TestPlatform;
let caseId: string;
let snapshot: Record<string, number>;

/** Row counts of every table in every agency database, the append-only access log left out (denials are logged by design). */
async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const agency of SUBGRAPH_AGENCIES) {
    const client = new pg.Client({ connectionString: platform.databases.subgraphs[agency] });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'access_log'`);
      for (const { tablename } of tables) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${tablename}"`);
        counts[`${agency}.${tablename}`] = rows[0].n;
      }
    } finally {
      await client.end();
    }
  }
  return counts;
}

beforeAll(async () => {
  platform = await startTestPlatform({ seed: true });
  const { body } = await platform.query('social-worker', '{ cases(status: ACTIVE, limit: 1) { id } }');
  caseId = body.data.cases[0].id;
  snapshot = await tableCounts();
});

// Every case of the catalogue: afterwards, the gateway and every subgraph answer, and no domain table changed.
afterEach(async () => {
  const health = await fetch(platform.system.gatewayUrl.replace(/\/graphql$/, '/healthz'));
  expect(health.status).toBe(200);
  expect(await tableCounts()).toEqual(snapshot);
});

afterAll(async () => {
  await platform?.stop();
});

const raw = (body: string, headers: Record<string, string> = {}, persona: keyof typeof PERSONAS | null = 'social-worker') => platform.raw(body, { headers, persona });
/** A valid personal number, so that only the argument under test is wrong. */
const VALID_PN = makePersonalNumber('2010-01-01', 8);
const gql = (query: string, variables?: object) => raw(JSON.stringify({ query, variables }));
const codes = (json: any): string[] => (json?.errors ?? []).map((e: any) => e.extensions?.code);

describe('hostile and malformed requests', () => {
  it('invalid JSON → 400', async () => {
    const res = await raw('{"query": "{ districts { code } }"');
    expect(res.status).toBe(400);
  });

  it('wrong content type (text/plain, a CSRF vector) → 415', async () => {
    const res = await raw('{ districts { code } }', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('a 2 MB string → 413, body refused before parsing', async () => {
    const res = await gql(`{ casesOfYoungPerson(personalNumber: "${'9'.repeat(2 * 1024 * 1024)}") { id } }`);
    expect(res.status).toBe(413);
  });

  it('a long string under the body limit → a GraphQL error naming the field', async () => {
    const res = await gql(`query($pn: String!) { casesOfYoungPerson(personalNumber: $pn) { id } }`, { pn: 'x'.repeat(100_000) });
    expect(codes(res.json)).toEqual(['BAD_USER_INPUT']);
    expect(res.json.errors[0].extensions.field).toBe('personalNumber');
  });

  it('deep nesting → refused by the depth limit', async () => {
    const res = await gql(`query($id: ID!) { case(id: $id) { actionPlan { goals { subGoals { subGoals { subGoals { subGoals { subGoals { subGoals { id } } } } } } } } } }`, { id: caseId });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/depth/i);
  });

  it('an alias bomb → refused by the alias limit', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: districts { code }`).join(' ');
    const res = await gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/alias/i);
  });

  it('too many tokens → refused by the token limit', async () => {
    // 2,500 cheap tokens: nothing but the token limit has a reason to refuse this.
    const res = await gql(`{ ${'__typename '.repeat(2500)}}`);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/token limit/i);
    const within = await gql(`{ ${'__typename '.repeat(500)}}`);
    expect(within.status).toBe(200);
  });

  it('a directive flood → refused by the directive limit', async () => {
    const res = await gql(`{ districts { code ${'@include(if: true) '.repeat(60)} } }`);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/directive/i);
  });

  it('fragment cycles → a validation error', async () => {
    const res = await gql(`{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`);
    expect([200, 400]).toContain(res.status);
    expect(codes(res.json)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('a misspelt field → an error without "Did you mean" (no schema hints)', async () => {
    const res = await gql(`{ districtz { code } }`);
    expect(codes(res.json)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(res.text).not.toMatch(/did you mean/i);
  });

  it('a batched array of operations → 400', async () => {
    const res = await raw(JSON.stringify([{ query: '{ districts { code } }' }, { query: '{ districts { code } }' }]));
    expect(res.status).toBe(400);
  });

  it.each(['not-a-uuid', "' OR 1=1 --", '00000000-0000-0000-0000-000000000000; DROP TABLE sig_case'])('an invalid case id %j → FORBIDDEN, like an unknown case', async (id) => {
    const res = await gql(`query($id: ID!) { case(id: $id) { id status } }`, { id });
    expect(res.json.data.case).toBeNull();
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
  });

  it('an invalid member id in a mutation → BAD_USER_INPUT naming the argument', async () => {
    const res = await gql(`mutation($c: ID!) { removeGroupMember(caseId: $c, memberId: "1; DELETE FROM group_member", untilDate: "2026-01-01", reason: "x") { id } }`, { c: caseId });
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
  });

  it.each([
    ['casesOfYoungPerson(personalNumber)', `{ casesOfYoungPerson(personalNumber: "' OR 1=1 --") { id } }`, 'personalNumber'],
    ['proposeCase(personalNumber)', `mutation { proposeCase(input: { personalNumber: "1'; DROP TABLE young_person;--", givenName: "x", familyName: "y", district: "bromma", targetGroup: SIG_UNGA, referralSource: SOCIAL_SERVICES, reason: "r" }) { id } }`, 'input.personalNumber'],
    ['proposeCase(district)', `mutation { proposeCase(input: { personalNumber: "${VALID_PN}", givenName: "x", familyName: "y", district: "bromma'; DROP TABLE sig_case;--", targetGroup: SIG_UNGA, referralSource: SOCIAL_SERVICES, reason: "r" }) { id } }`, 'input.district'],
    ['signConsent(personalNumber)', `mutation($c: ID!) { signConsent(caseId: $c, personalNumber: "x' OR '1'='1", signedOn: "2026-01-01") { id } }`, 'personalNumber'],
    ['withdrawConsent(personalNumber)', `mutation($c: ID!) { withdrawConsent(caseId: $c, personalNumber: "x'); DELETE FROM consent;--") { id } }`, 'personalNumber'],
  ])('SQL metacharacters in %s → BAD_USER_INPUT, nothing run', async (_name, query, field) => {
    const res = await gql(query, { c: caseId });
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it.each([
    ['a personal number with a bad checksum', `mutation { proposeCase(input: { personalNumber: "20100101-0009", givenName: "x", familyName: "y", district: "bromma", targetGroup: SIG_UNGA, referralSource: SOCIAL_SERVICES, reason: "r" }) { id } }`, 'input.personalNumber'],
    ['a date with a five-digit year', `mutation($c: ID!) { grantIntervention(caseId: $c, kind: MST, grantedOn: "20260-01-01") { id } }`, 'grantedOn'],
    ['a date that does not exist', `mutation($c: ID!) { grantIntervention(caseId: $c, kind: MST, grantedOn: "2026-02-30") { id } }`, 'grantedOn'],
    ['a meeting in the year 3000', `mutation($c: ID!) { scheduleMeeting(caseId: $c, plannedFor: "3000-01-01T10:00:00Z") { id } }`, 'plannedFor'],
    ['a list limit out of range', `{ cases(limit: 100000) { id } }`, 'limit'],
  ])('%s → BAD_USER_INPUT naming the field', async (_name, query, field) => {
    const res = await gql(query, { c: caseId });
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('a NUL byte in a proposal → BAD_USER_INPUT before any lookup, nothing stored', async () => {
    const res = await gql(`mutation { proposeCase(input: { personalNumber: "${VALID_PN}", givenName: "x\\u0000y", familyName: "y", district: "bromma", targetGroup: SIG_UNGA, referralSource: SOCIAL_SERVICES, reason: "r" }) { id } }`);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.givenName' });
  });

  it('adding oneself to a group → FORBIDDEN (OWN_MEMBERSHIP), nothing stored', async () => {
    const me = PERSONAS['social-worker'];
    const res = await gql(`mutation($c: ID!, $m: GroupMemberInput!) { addGroupMember(caseId: $c, input: $m) { id } }`, {
      c: caseId,
      m: { agency: me.agency, personId: me.id, personName: me.name, role: 'COORDINATOR', fromDate: '2026-01-01', reason: 'self' },
    });
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_MEMBERSHIP' });
  });

  it('a mutation with an operation name longer than the log holds → refused, nothing stored', async () => {
    const res = await gql(`mutation ${'N'.repeat(300)}($c: ID!) { grantIntervention(caseId: $c, kind: MST, grantedOn: "2026-01-01") { id } }`, { c: caseId });
    expect(res.json?.data?.grantIntervention ?? null).toBeNull();
    expect(res.json.errors.length).toBeGreaterThan(0);
  });

  // A refused personal number is not a lookup: nothing is read, so nothing is logged, in the lookup
  // log (afterEach: no table changed) or the access log.
  it.each([
    ['a NUL byte', `${VALID_PN}\u0000`],
    ['10,000 characters', '1'.repeat(10_000)],
  ])('a personal number with %s → BAD_USER_INPUT, no lookup logged', async (_name, pn) => {
    const res = await gql(`query HostileLookup($pn: String!) { casesOfYoungPerson(personalNumber: $pn) { id } }`, { pn });
    expect(codes(res.json)).toEqual(['BAD_USER_INPUT']);
    expect(res.json.errors[0].extensions.field).toBe('personalNumber');
    const client = new pg.Client({ connectionString: platform.databases.subgraphs.SOCIAL_SERVICES });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM access_log WHERE operation_name = 'HostileLookup'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  describe('tokens', () => {
    const actor = PERSONAS['social-worker'] as Actor;
    it('alg "none" → 401', async () => {
      const token = new UnsecuredJWT({ agency: actor.agency, name: actor.name, unit: actor.unit, district: actor.district, roles: actor.roles })
        .setSubject(actor.id)
        .setIssuer('urn:sig:dev-issuer')
        .setAudience('urn:sig:platform')
        .setExpirationTime('1h')
        .encode();
      expect((await raw('{"query":"{ districts { code } }"}', { authorization: `Bearer ${token}` }, null)).status).toBe(401);
    });

    it('HS256 signed with the public key as secret (algorithm confusion) → 401', async () => {
      const secret = new TextEncoder().encode(JSON.stringify(platform.keys.issuer.publicJwk));
      const token = await new SignJWT({ agency: actor.agency, name: actor.name, unit: actor.unit, district: actor.district, roles: actor.roles })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(actor.id)
        .setIssuer('urn:sig:dev-issuer')
        .setAudience('urn:sig:platform')
        .setExpirationTime('1h')
        .sign(secret);
      expect((await raw('{"query":"{ districts { code } }"}', { authorization: `Bearer ${token}` }, null)).status).toBe(401);
    });

    it('an expired token → 401', async () => {
      const token = await issueActorToken(actor, platform.keys.issuer.privateJwk, { expiresIn: Math.floor(Date.now() / 1000) - 5 });
      expect((await raw('{"query":"{ districts { code } }"}', { authorization: `Bearer ${token}` }, null)).status).toBe(401);
    });

    it('a token for another audience → 401', async () => {
      const token = await issueActorToken(actor, platform.keys.issuer.privateJwk, { audience: 'urn:some:other-system' });
      expect((await raw('{"query":"{ districts { code } }"}', { authorization: `Bearer ${token}` }, null)).status).toBe(401);
    });

    it('a token from another issuer → 401', async () => {
      const token = await new SignJWT({ agency: actor.agency, name: actor.name, unit: actor.unit, district: actor.district, roles: actor.roles })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject(actor.id)
        .setIssuer('urn:evil')
        .setAudience('urn:sig:platform')
        .setExpirationTime('1h')
        .sign(await importKey(platform.keys.issuer.privateJwk));
      expect((await raw('{"query":"{ districts { code } }"}', { authorization: `Bearer ${token}` }, null)).status).toBe(401);
    });
  });

  it.each([
    ['invalid JSON', '{"query": "{ districts { code } }"', {}, 400],
    ['form-encoded (a CSRF vector)', 'query=%7B%20districts%20%7B%20code%20%7D%20%7D', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['no content type', '{"query":"{ districts { code } }"}', { 'content-type': '' }, 415],
    ['a body in an unsupported encoding', '{"query":"{ districts { code } }"}', { 'content-encoding': 'br-nonsense' }, 415],
    ['a JSON string instead of an object', '"{ districts { code } }"', {}, 400],
  ])('%s → a JSON GraphQL error with its 4xx status', async (_name, body, headers, status) => {
    const res = await raw(body, headers as Record<string, string>);
    expect(res.status).toBe(status);
    expect(res.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it.each(['GET', 'DELETE', 'PATCH'])('%s on /graphql → 405, Allow: POST', async (method) => {
    const response = await fetch(`${platform.system.gatewayUrl}?query=${encodeURIComponent('{ districts { code } }')}`, {
      method,
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${await platform.token('social-worker')}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('many aliases of a long list → refused by the cost limit, which counts list sizes', async () => {
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: cases(limit: 500) { id status district proposalReason youngPerson { givenName familyName } }`).join(' ');
    const res = await gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toMatch(/^Operation cost \d+ exceeds the maximum cost of \d+/);
  });

  it('a misspelt enum value → no "Did you mean", in the document or the variables', async () => {
    const literal = await gql('{ cases(status: ACTIV) { id } }');
    const variable = await gql('query($s: CaseStatus) { cases(status: $s) { id } }', { s: 'ACTIV' });
    expect(codes(literal.json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codes(variable.json)).toEqual(['BAD_USER_INPUT']);
    expect(literal.text + variable.text).not.toMatch(/did you mean/i);
  });

  it('an operation name over 100 characters → BAD_USER_INPUT naming operationName', async () => {
    const res = await gql(`query ${'Q'.repeat(101)} { districts { code } }`);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'operationName' });
  });

  it('still serves an ordinary request after all that', async () => {
    const after = await gql('{ districts { code } }');
    expect(after.json.data.districts.length).toBeGreaterThan(10);
  });
});
