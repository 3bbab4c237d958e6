/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, offlinePage, screenshot } from './support/browser';
import { freePort, startTestPlatform, type TestPlatform } from './support/platform';

/**
 * The playground in a real browser (Debian's chromium, driven by playwright-core), with every
 * request that is not to this machine refused: it must work with no internet.
 */
let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  platform = await startTestPlatform({ seed: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('the playground', () => {
  it('loads offline, picks a persona, runs an example operation and shows data', async () => {
    const { page, outside, errors: pageErrors } = await offlinePage(browser, platform.system.gatewayUrl.replace(/\/graphql$/, '/'));
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    await page.selectOption('#persona', 'social-worker');
    await page.waitForSelector('.graphiql-tab >> text=MyCases');
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('"cases"'), null, { timeout: 20_000 });
    const result = (await page.textContent('.result-window')) ?? '';
    await screenshot(page, 'playground.png');

    expect(result).toMatch(/"id":\s*"[0-9a-f-]{36}"/);
    expect(result).toContain('"district": "spanga-tensta"');
    expect(result).not.toContain('UNAUTHENTICATED');
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('is not served in production, and neither is introspection', async () => {
    const production = await platform.system.startGateway('gateway-production', await freePort(), { NODE_ENV: 'production' });
    const home = await fetch(production.replace(/\/graphql$/, '/'));
    expect(home.status).toBe(404);
    const introspection = await fetch(production, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await platform.token('social-worker')}` },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    const body = (await introspection.json()) as { errors?: { message: string }[] };
    expect(body.errors?.[0].message).toMatch(/introspection/i);
  });
});
