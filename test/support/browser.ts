import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (playwright cannot download browsers here); CI's .ci/run installs it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where browser tests leave their screenshots. */
export const OUTPUT = path.resolve(import.meta.dirname, '../../test-output');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`the browser test needs Chromium at ${CHROMIUM}: apt-get install chromium (CI's .ci/run does), or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/**
 * A page that may reach only this machine (the pages must work with no internet): what it tried to
 * fetch elsewhere and its script errors are collected for the test to check.
 */
export async function offlinePage(browser: Browser, url: string, viewport = { width: 1400, height: 900 }): Promise<{ page: Page; outside: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    outside.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, outside, errors };
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT, name), fullPage: true });
}
