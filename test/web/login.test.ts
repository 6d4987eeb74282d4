/**
 * Logging in to the dashboard in a real headless Chromium against the real server on loopback: a
 * workspace with a user shows the log-in page, refuses a wrong password, opens the page asked for once
 * logged in, sends the CSRF token with changes (also after a reload), and logs out.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/runtime/accounts/credentials.ts';
import type { RunningServer } from '../../src/server/http-server.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const PASSWORD = 'correct horse battery staple';
let seeded: SeededStore;
let server: RunningServer;
let browser: Browser;

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

beforeAll(async () => {
  if (SKIP) return;
  seeded = await seedStore();
  await seeded.store.addUser(WORKSPACE, { email: 'agent@example.com', name: 'Agent', passwordHash: await hashPassword(PASSWORD), role: 'agent' });
  server = await serveDashboard({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.cleanup();
});

/**
 * A change made through the dashboard's own api.js (the module instance the page uses, with its CSRF
 * token); answers the HTTP status. Passed as text so the test runner does not rewrite its import().
 */
const changeStatus = (page: Page) => page.evaluate(`(async () => {
  const api = await import('/app/api.js');
  try {
    await api.getJson('/api/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return 200;
  } catch (err) {
    return err.status;
  }
})()`) as Promise<number>;

describe.skipIf(SKIP !== null)('dashboard log-in', () => {
  it('asks to log in, refuses a wrong password, opens the page, sends the CSRF token, logs out', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));

    await page.goto(`${server.url}/#/overview`);
    await page.waitForSelector('#login-email', { timeout: 15_000 });
    expect(await page.locator('main h1').textContent()).toBe('Connexion');

    await page.fill('#login-email', 'agent@example.com');
    await page.fill('#login-password', 'not the password at all');
    await page.click('.login-form button[type=submit]');
    await page.waitForSelector('.login-form .notice.error:not([hidden])');
    expect(await page.locator('.login-form .notice.error').textContent()).toBe('Adresse e-mail ou mot de passe incorrect.');

    await page.fill('#login-password', PASSWORD);
    await page.click('.login-form button[type=submit]');
    await page.waitForSelector('main .page-overview', { timeout: 15_000 });
    expect(await page.locator('#nav .account').textContent()).toContain('agent@example.com (conseiller)');
    // The session cookie is HttpOnly: the page's scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('ecoute_session');

    // Changes carry the CSRF token (the empty case is refused for its content, 4xx but not 403); without it, 403.
    expect(await changeStatus(page)).not.toBe(403);
    expect(await page.evaluate(async () => (await fetch('/api/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status)).toBe(403);

    // After a reload the session holds and the token comes back from GET /api/session.
    await page.reload();
    await page.waitForSelector('main .page-overview', { timeout: 15_000 });
    expect(await changeStatus(page)).not.toBe(403);

    await page.click('#logout');
    await page.waitForSelector('#login-email', { timeout: 15_000 });
    expect(await page.evaluate(async () => (await fetch('/api/overview')).status)).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows admins the audit log, with who logged in, and its CSV download; agents see no link to it', async () => {
    await seeded.store.addUser(WORKSPACE, { email: 'admin@example.com', name: 'Admin', passwordHash: await hashPassword(PASSWORD), role: 'admin' });
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/audit`);
    await page.waitForSelector('#login-email', { timeout: 15_000 });
    await page.fill('#login-email', 'admin@example.com');
    await page.fill('#login-password', PASSWORD);
    await page.click('.login-form button[type=submit]');
    await page.waitForSelector('main .page-audit', { timeout: 15_000 });
    expect(await page.locator('main h1').textContent()).toBe('Audit log');
    expect(await page.locator('#nav .account a[aria-current="page"]').textContent()).toBe('Audit log');
    const first = page.locator('.audit-table tbody tr').first();
    expect(await first.textContent()).toContain('admin@example.com');
    expect(await first.textContent()).toContain('session.login');
    const csv = await page.evaluate(async () => {
      const res = await fetch(document.querySelector<HTMLAnchorElement>('#audit-csv')!.href);
      return `${res.status} ${(await res.text()).split('\r\n')[0]}`;
    });
    expect(csv).toBe('200 at,actor,action,target,detail');
    await context.close();

    const agent = await browser.newContext({ locale: 'en-GB' });
    const agentPage = await agent.newPage();
    await agentPage.goto(`${server.url}/#/overview`);
    await agentPage.waitForSelector('#login-email', { timeout: 15_000 });
    await agentPage.fill('#login-email', 'agent@example.com');
    await agentPage.fill('#login-password', PASSWORD);
    await agentPage.click('.login-form button[type=submit]');
    await agentPage.waitForSelector('main .page-overview', { timeout: 15_000 });
    expect(await agentPage.locator('#nav a[href="#/audit"]').count()).toBe(0);
    await agentPage.goto(`${server.url}/#/audit`);
    await agentPage.waitForSelector('main .notice.error');
    expect(await agentPage.locator('main .notice.error').textContent()).toMatch(/is agent, which may not read-audit: this needs admin/);
    await agent.close();
  });

  it('speaks English to an English browser', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/themes`);
    await page.waitForSelector('#login-email', { timeout: 15_000 });
    expect(await page.locator('main h1').textContent()).toBe('Log in');
    expect(await page.locator('label[for=login-password]').textContent()).toBe('Password');
    await context.close();
  });
});
