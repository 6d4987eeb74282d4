/**
 * The customer page ("walk in their shoes") under public customer ids, in a real headless Chromium
 * against the real server on loopback: the risk list links to #/customer/c_…, the page opens the
 * history, and a sequential number shows the server's not-found message instead of a history.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const PUBLIC_ID = /^c_[a-z2-7]{16}$/;

let seeded: SeededStore;
let server: RunningServer;
let browser: Browser;

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

beforeAll(async () => {
  if (SKIP) return;
  seeded = await seedStore();
  server = await serveDashboard({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.cleanup();
});

/** The customer id in a "#/customer/ID" link or hash. */
function customerOf(hash: string): string {
  return decodeURIComponent(hash.replace(/^.*#\/customer\//, ''));
}

async function errorsOf(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

describe.skipIf(SKIP !== null)('customer page with public ids', () => {
  it('the risk list links each customer by public id, and the link opens their history', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const errors = await errorsOf(page);
    await page.goto(`${server.url}/#/risk`);
    await page.waitForSelector('.risk-table tbody tr');
    const hrefs = await page.locator('.risk-table tbody tr th a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(customerOf(href)).toMatch(PUBLIC_ID);

    const name = (await page.locator('.risk-table tbody tr th a').first().textContent())!;
    await page.locator('.risk-table tbody tr th a').first().click();
    await page.waitForSelector('.page-customer .timeline .turn');
    expect(customerOf(new URL(page.url()).hash)).toBe(customerOf(hrefs[0]));
    expect(await page.locator('main h1').textContent()).toContain(name);
    expect(await page.locator('.timeline .turn.role-customer').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a sequential number opens no history: the page says how customers are named', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    for (const n of ['1', '2', '3']) {
      await page.goto(`${server.url}/#/customer/${n}`);
      await page.waitForSelector('main .notice.error', { timeout: 15_000 });
      expect(await page.locator('main .notice.error').textContent()).toMatch(new RegExp(`Customer "${n}" was not found\\. A customer is named by its "c_…" id`));
      expect(await page.locator('.page-customer .timeline .turn').count()).toBe(0);
      await page.goto(`${server.url}/#/risk`);
      await page.waitForSelector('.risk-table tbody tr');
    }
    await context.close();
  });
});
