/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, offlinePage as offline, screenshot } from './support/browser';
import { startTestPlatform, type TestPlatform } from './support/platform';

/**
 * The SSPF dashboard in a real browser (Debian's chromium, driven by playwright-core), on the demo
 * data, with every request that is not to this machine refused: it must work with no internet.
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

const offlinePage = () => offline(browser, platform.system.gatewayUrl.replace(/\/graphql$/, '/dashboard'), { width: 1400, height: 1300 });

async function signInAndLoad(page: Page, persona: string) {
  await page.waitForSelector(`#persona option[value="${persona}"]`, { state: 'attached' });
  await page.selectOption('#persona', persona);
  await page.click('#load');
}

describe('the dashboard', () => {
  it('signs in as a persona with the statistics role, draws the charts and marks suppressed cells', async () => {
    const { page, outside, errors } = await offlinePage();
    await signInAndLoad(page, 'district-supervisor');
    await page.waitForSelector('#chart-over-time[data-rendered="true"]', { timeout: 20_000 });
    for (const id of ['chart-closures', 'chart-cadence', 'chart-participation']) await page.waitForSelector(`#${id}[data-rendered="true"]`);
    const rows = await page.locator('#districts tbody tr').count();
    const suppressedCells = await page.locator('#districts tbody td .suppressed').count();
    const numbers = await page.locator('#districts tbody td').evaluateAll((cells) => cells.filter((c) => /^\d[\d\s ]*(\.\d+)?( %)?$/.test(c.textContent ?? '')).length);
    const title = await page.locator('#districts tbody td .suppressed').first().getAttribute('title');
    await screenshot(page, 'dashboard.png');

    expect(rows).toBe(15); // 14 districts and the city
    expect(suppressedCells).toBeGreaterThan(0);
    expect(numbers).toBeGreaterThan(0);
    expect(title).toMatch(/fewer than 5 cases/);
    expect(await page.textContent('#status')).toMatch(/^Loaded \d{4}\./);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('tells a persona without the role why it sees nothing, and shows no figures', async () => {
    const { page, errors } = await offlinePage();
    await signInAndLoad(page, 'social-worker');
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toMatch(/statistics role/);
    expect(await page.locator('#report').isHidden()).toBe(true);
    expect(await page.locator('#districts tbody tr').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
