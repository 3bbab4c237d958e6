import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/platform';

/**
 * The gateway against the GraphQL-over-HTTP audit suite (graphql-http's serverAudits): every MUST
 * and every SHOULD passes. Left out, on purpose:
 * - the MAYs on GET requests: Apollo Server's CSRF prevention refuses simple GET requests (no
 *   preflight header), and the platform keeps it on; clients POST.
 */
const KNOWN_MAY_GAPS = [
  'MAY accept application/x-www-form-urlencoded formatted GET requests',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
];

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

describe('GraphQL over HTTP', () => {
  it('passes every MUST and SHOULD of the graphql-http audit', async () => {
    const token = await platform.token('social-worker');
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    };
    const results: { name: string; status: string; reason?: string }[] = [];
    for (const audit of serverAudits({ url: platform.system.gatewayUrl, fetchFn })) {
      const result = await audit.fn();
      results.push({ name: audit.name, status: result.status, reason: result.status === 'ok' ? undefined : result.reason });
    }
    const failing = results.filter((r) => r.status !== 'ok' && !KNOWN_MAY_GAPS.includes(r.name));
    const skipped = results.filter((r) => r.status !== 'ok' && KNOWN_MAY_GAPS.includes(r.name));
    console.log(`graphql-http audit: ${results.length - failing.length - skipped.length} ok, ${skipped.length} MAYs not offered (GET, see the test), ${failing.length} failing`);
    expect(failing).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });
});
