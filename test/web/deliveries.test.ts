/**
 * The deliveries page in a real headless Chromium against the real server: an alert rule posts to a
 * webhook on a closed loopback port, the outbox really tries it and gives up; the page lists the
 * delivery with its error and its alert, filters by status, and "retry now" puts it back in line — in
 * French, then English.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryTransport } from '../../src/runtime/act/delivery-transport.ts';
import { deliverOutbox } from '../../src/runtime/act/deliver-outbox.ts';
import { evaluateRulesOnMessages } from '../../src/runtime/act/evaluate-rules.ts';
import type { RunningServer } from '../../src/server/http-server.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

let browser: Browser;
let seeded: SeededStore;
let server: RunningServer;
let closedPort: number;
let failed: number;

/** A loopback port nothing listens on: taken from the system, then released. */
async function closedLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  if (SKIP) return;
  seeded = await seedStore();
  closedPort = await closedLoopbackPort();
  await seeded.store.addRule(WORKSPACE, {
    name: 'Départ → webhook', conditions: { churn: true }, dedupeWindow: '30d',
    actions: [{ type: 'webhook', url: `http://127.0.0.1:${closedPort}/hooks/SECRET-TOKEN` }],
  }, 'test');
  const ids = (await seeded.store.messageFacts(WORKSPACE, { customerOnly: true })).map((f) => f.messageId);
  const fired = await evaluateRulesOnMessages(seeded.store, WORKSPACE, ids, { clock: () => NOW });
  expect(fired.alerts).toBeGreaterThan(1);
  // One try each, then given up: the connection is refused.
  const transport = createDeliveryTransport({ mailFrom: 'ecoute@example.test' });
  const report = await deliverOutbox(seeded.store, transport, () => NOW, { workspaceId: WORKSPACE, retry: { initialDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 1 } });
  transport.close();
  failed = report.failed.length;
  expect(failed).toBe(fired.alerts);
  server = await serveDashboard({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.cleanup();
});

describe.skipIf(SKIP !== null)('deliveries page', () => {
  it('shows a failed webhook delivery with its error and alert, filters by status, and retries it, in French then English', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/#/overview`);
    await page.waitForSelector('main .page');
    await page.locator('#nav a', { hasText: 'Envois' }).click();
    await page.waitForSelector('.page-deliveries .deliveries-table');
    expect(await page.locator('main h1').textContent()).toBe('Envois des alertes');
    expect(plain(await page.locator('.deliveries-list .muted').first().textContent())).toBe(`${failed} envois`);
    const rows = page.locator('.deliveries-table tbody tr');
    expect(await rows.count()).toBe(failed);
    const first = rows.first();
    const cells = (await first.locator('td').allTextContents()).map(plain);
    expect(cells.slice(0, 5)).toEqual([`http://127.0.0.1:${closedPort}/…`, 'Webhook · json', 'En échec', '1', '—']);
    expect(cells[5]).toMatch(/ECONNREFUSED.*Gave up after 1 try/);
    const { alerts } = await (await fetch(`${server.url}/api/alerts?limit=1000`)).json();
    const { deliveries } = await (await fetch(`${server.url}/api/deliveries`)).json();
    const alert = alerts.find((a: { id: string }) => a.id === deliveries[0].alertId);
    expect(cells[6]).toBe(alert.message.split('\n')[0]);
    expect(cells[6]).toMatch(/^Alerte : Départ → webhook/);
    expect(await page.locator('.page-deliveries').textContent()).not.toContain('SECRET');

    // Filter: nothing pending yet; every delivery failed.
    await page.selectOption('#d-status', 'pending');
    await page.locator('.deliveries-list', { hasText: 'Aucun envoi avec ce statut.' }).waitFor();
    expect(page.url()).toMatch(/#\/deliveries\?status=pending$/);
    await page.selectOption('#d-status', 'failed');
    await page.waitForSelector('.deliveries-table');
    expect(await rows.count()).toBe(failed);

    // Retry now: the delivery is pending again, due now, and leaves the "failed" list.
    const id = await first.getAttribute('data-delivery');
    await first.getByRole('button', { name: 'Relancer maintenant' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.deliveries-table tbody tr').length === n, failed - 1);
    const retried = (await seeded.store.listDeliveries(WORKSPACE, {})).find((d) => d.id === id)!;
    expect(retried).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: NOW });
    await page.selectOption('#d-status', 'pending');
    await page.waitForSelector(`.deliveries-table tr[data-delivery="${id}"]`);
    const pending = (await page.locator(`tr[data-delivery="${id}"] td`).allTextContents()).map(plain);
    expect(pending[2]).toBe('En attente');
    expect(pending[4]).toMatch(/2026/);
    expect(await page.locator(`tr[data-delivery="${id}"] button`).count()).toBe(0);

    // English.
    await page.selectOption('#lang-select', 'en');
    await page.waitForSelector('.page-deliveries .deliveries-table');
    expect(await page.locator('main h1').textContent()).toBe('Alert deliveries');
    expect(plain(await page.locator(`tr[data-delivery="${id}"] td`).nth(2).textContent())).toBe('Pending');
    await page.selectOption('#d-status', '');
    await page.waitForFunction((n) => document.querySelectorAll('.deliveries-table tbody tr').length === n, failed);
    expect(plain(await page.locator('.deliveries-list .muted').first().textContent())).toBe(`${failed} deliveries`);
    expect(await page.locator('.deliveries-table thead').textContent()).toContain('Last error');
    expect(await page.getByRole('button', { name: 'Retry now' }).count()).toBe(failed - 1);
    expect(await page.locator('#nav a', { hasText: 'Deliveries' }).getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: path.resolve(import.meta.dirname, '../../test-results/screenshots/deliveries-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
