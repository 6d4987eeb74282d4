/**
 * Several workspaces on one server, in a real headless Chromium against the real server on loopback:
 * a user with a role in workspace A only sees A named in the header and A's customers; opening B by the
 * page's address is refused with a message (the same for a workspace that does not exist) and shows
 * nothing of B; the way back returns to A; log-out. A user with roles in two workspaces switches with
 * the header's menu, and the server remembers the choice for links that send no header.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/runtime/accounts/credentials.ts';
import type { RunningServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { seedWorkspace } from '../server/two-workspaces.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
const PASSWORD = 'correct horse battery staple';
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-web-workspaces-'));
let store: Store;
let server: RunningServer;
let browser: Browser;

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

beforeAll(async () => {
  if (SKIP) return;
  store = await openStore(`sqlite:${path.join(dir, 'ws.db')}`, { clock: () => NOW });
  await store.migrate();
  await seedWorkspace(store, 'acme', 'ALPACA', NOW);
  await seedWorkspace(store, 'bravo', 'ZEBRA', NOW);
  await seedWorkspace(store, 'cedar', 'CEDRUS', NOW);
  const passwordHash = await hashPassword(PASSWORD);
  await store.addUser('acme', { email: 'alice@acme.example', passwordHash, role: 'admin' });
  await store.addUser('acme', { email: 'dora@two.example', passwordHash, role: 'analyst' });
  await store.setRole('cedar', 'dora@two.example', 'viewer');
  server = await serveDashboard({ store, workspaceId: 'acme', clock: () => NOW });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function logIn(page: Page, email: string): Promise<void> {
  await page.waitForSelector('#login-email', { timeout: 15_000 });
  await page.fill('#login-email', email);
  await page.fill('#login-password', PASSWORD);
  await page.click('.login-form button[type=submit]');
}

const listenLoaded = (page: Page) => page.waitForSelector('main .page-listen .msg-text', { timeout: 15_000 });

describe.skipIf(SKIP !== null)('dashboard with several workspaces', () => {
  it('names the one workspace of a user, refuses another by address with a message, goes back, logs out', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));

    await page.goto(`${server.url}/#/listen`);
    await logIn(page, 'alice@acme.example');
    await listenLoaded(page);
    expect(await page.locator('#workspace-current').textContent()).toBe('Espace de travailALPACA Corp (administrateur)');
    expect(await page.locator('#workspace-select').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('ALPACA');

    for (const other of ['bravo', 'nowhere']) {
      await page.goto(`${server.url}/?workspace=${other}#/listen`);
      await page.waitForSelector('.workspace-refused', { timeout: 15_000 });
      expect(await page.locator('.workspace-refused').textContent()).toBe(`Vous n’avez pas accès à l’espace de travail « ${other} » (ou il n’existe pas). Revenir à mes espaces de travail`);
      await page.waitForSelector('main .notice.error');
      expect(await page.locator('main .notice.error').textContent()).toContain(`alice@acme.example has no role in workspace "${other}" (or there is no such workspace)`);
      expect(await page.locator('body').textContent()).not.toContain('ZEBRA');
    }

    await page.click('#workspace-back');
    await listenLoaded(page);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('#workspace-current').textContent()).toContain('ALPACA Corp');
    // The refused address was not remembered: the server still answers in A without a header.
    expect(await page.evaluate(async () => (await (await fetch('/api/workspaces')).json()).current)).toBe('acme');

    await page.click('#logout');
    await page.waitForSelector('#login-email', { timeout: 15_000 });
    expect(await page.evaluate(async () => (await fetch('/api/messages')).status)).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets a user of two workspaces switch with the header menu, and remembers the choice', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/listen`);
    await logIn(page, 'dora@two.example');
    await listenLoaded(page);
    const options = () => page.locator('#workspace-select option').allTextContents();
    expect(await options()).toEqual(['ALPACA Corp (analyst)', 'CEDRUS Corp (viewer)']);
    expect(await page.locator('#workspace-select').inputValue()).toBe('acme');

    await page.selectOption('#workspace-select', 'cedar');
    await page.waitForURL(/\?workspace=cedar/);
    await listenLoaded(page);
    expect(await page.locator('#workspace-select').inputValue()).toBe('cedar');
    const text = await page.locator('main').textContent();
    expect(text).toContain('CEDRUS');
    expect(text).not.toContain('ALPACA');
    // A plain fetch (as a CSV link) sends no header: the server's remembered choice applies.
    expect(await page.evaluate(async () => (await (await fetch('/api/workspaces')).json()).current)).toBe('cedar');
    await context.close();
  });
});
