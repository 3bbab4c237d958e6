/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/platform';

/**
 * The SSPF dashboard in a real browser (Debian's chromium, driven by playwright-core), on the demo
 * data, with every request that is not to this machine refused: it must work with no internet.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = path.resolve(import.meta.dirname, '../test-output');

let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`the browser test needs Chromium at ${CHROMIUM}: apt-get install chromium (CI's .ci/run does), or set CHROMIUM_PATH`);
  }
  platform = await startTestPlatform({ seed: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** A page that may reach only this machine; what it tried elsewhere and its script errors are collected. */
async function offlinePage() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    outside.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(platform.system.gatewayUrl.replace(/\/graphql$/, '/dashboard'));
  return { page, outside, errors };
}

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
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'dashboard.png'), fullPage: true });

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
