/**
 * Close-the-loop cases in a real headless Chromium against the real server: in French, a case opened
 * from a message of the listening station; in English, a case an alert rule opened (written through
 * insertCase, as the alert engine does). Each goes open → in progress → resolved → closed through the
 * UI, with a note, the brief, the coach on a draft and a root cause; the API then shows what was done.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCase } from '../../src/store/case-queries.ts';
import type { Database } from '../../src/store/db-types.ts';
import { sqliteAdapter } from '../../src/store/sqlite-dialect.ts';
import type { RunningServer } from '../../src/server/http-server.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/** What each language must show (written here, not read from the page, so a wrong string fails). */
const EXPECT = {
  fr: {
    locale: 'fr-FR', nav: 'Dossiers', open: 'Ouvert', inProgress: 'En cours', resolved: 'Résolu', closed: 'Clos',
    start: 'Prendre en charge', resolve: 'Marquer résolu', close: 'Clore', reopen: 'Rouvrir', brief: 'Quoi dire',
    addNote: 'Ajouter la note', coach: 'Relire mon brouillon', score: 'Score d’empathie', note: 'Rappelée ce matin, geste commercial accordé.',
    draft: 'Je comprends votre frustration, je m’occupe personnellement de votre dossier aujourd’hui.', openCase: 'Ouvrir un dossier',
    figures: 'Boucler la boucle : les chiffres', root: 'Nouvelle : ',
  },
  en: {
    locale: 'en-GB', nav: 'Cases', open: 'Open', inProgress: 'In progress', resolved: 'Resolved', closed: 'Closed',
    start: 'Start work', resolve: 'Mark resolved', close: 'Close', reopen: 'Reopen', brief: 'What to say',
    addNote: 'Add note', coach: 'Review my draft', score: 'Empathy score', note: 'Called her back, refund sent.',
    draft: 'I understand how frustrating this is; I will sort out your order myself today.', openCase: 'Open a case',
    figures: 'Closing the loop: the figures', root: 'New: ',
  },
} as const;

let seeded: SeededStore;
let server: RunningServer;
let browser: Browser;
let raw: Kysely<Database>;

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

beforeAll(async () => {
  if (SKIP) return;
  mkdirSync(SHOTS, { recursive: true });
  seeded = await seedStore();
  raw = await sqliteAdapter(path.join(seeded.dir, 'test.db')).createKysely();
  server = await serveDashboard({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await raw?.destroy();
  await seeded?.cleanup();
});

async function api(url: string): Promise<any> {
  return (await fetch(`${server.url}${url}`)).json();
}

/** The status chip of the case page, once it reads `status`. */
async function statusIs(page: Page, status: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('.case-meta .case-status')?.textContent === s, status, { timeout: 15_000 });
}

/** Clicks a status button and waits for the page to show the new status. */
async function move(page: Page, button: string, status: string): Promise<void> {
  await page.getByRole('group').getByRole('button', { name: button, exact: true }).click();
  await statusIs(page, status);
}

/** Walks an open case page through in progress → resolved → closed with a note, a coached draft and a root cause. */
async function closeTheLoop(page: Page, x: (typeof EXPECT)['fr' | 'en'], name: string): Promise<void> {
  await statusIs(page, x.open);
  expect(await page.locator('main section h2').allTextContents()).toContain(x.brief);
  expect(await page.locator('.brief-facts dd').count()).toBeGreaterThanOrEqual(3); // emotion, need, urgency (reason when given)
  expect(await page.locator('.brief-steps li').count()).toBeGreaterThanOrEqual(2);
  expect(await page.locator('.case-history li').count()).toBeGreaterThan(0);
  await page.locator('#case-actor').fill(name);
  await page.locator('#case-actor').dispatchEvent('change');

  await move(page, x.start, x.inProgress);
  await page.locator('#case-note').fill(x.note);
  await page.getByRole('button', { name: x.addNote }).click();
  await page.waitForFunction((n) => Array.from(document.querySelectorAll('.note-text')).some((e) => e.textContent === n), x.note);

  // The coach reads the owner's draft against the customer's message.
  await page.locator('#case-draft').fill(x.draft);
  await page.getByRole('button', { name: x.coach }).click();
  await page.waitForSelector('.coach-score');
  expect(plain(await page.locator('.coach-score').textContent())).toMatch(new RegExp(`^${x.score} ?: \\d+/100$`));
  expect(await page.locator('.coach-dims li').count()).toBe(5);

  // Root cause: a theme of the raising message becomes one, and the case is linked to it.
  const option = page.locator('#case-root option', { hasText: x.root }).first();
  await page.selectOption('#case-root', (await option.getAttribute('value'))!);
  await page.waitForFunction(() => (document.querySelector('#case-root') as HTMLSelectElement | null)?.selectedOptions[0]?.value.length === 36);

  await move(page, x.resolve, x.resolved);
  await move(page, x.close, x.closed);
  expect(await page.getByRole('button', { name: x.reopen }).count()).toBe(1);
}

/** Elements whose right edge passes the viewport (the skip link waits off-screen to the left on purpose). */
async function rightOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll('body *'))
      .filter((el) => { const r = el.getBoundingClientRect(); return (r.width > 0 || r.height > 0) && r.right > width + 0.5; })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 10);
  });
}

/** What the API says of the case after the UI walk. */
async function checkStored(id: string, name: string, note: string): Promise<void> {
  const d = await api(`/api/cases/${id}`);
  expect(d.case).toMatchObject({ status: 'closed', reopenCount: 0 });
  expect(d.case.firstResponseAt).not.toBeNull();
  expect(d.case.closedAt).not.toBeNull();
  expect(d.case.rootCauseId).not.toBeNull();
  const moves = d.events.filter((e: { kind: string }) => e.kind === 'status').map((e: { toStatus: string; actor: string }) => [e.toStatus, e.actor]);
  expect(moves).toEqual([['in_progress', name], ['resolved', name], ['closed', name]]);
  expect(d.events.find((e: { kind: string }) => e.kind === 'note')).toMatchObject({ text: note, actor: name });
}

describe.skipIf(SKIP !== null)('close-the-loop cases in the dashboard', () => {
  it('in French: open a case from a message of the listening station and close it', async () => {
    const x = EXPECT.fr;
    const context = await browser.newContext({ locale: x.locale, viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    const version = await seeded.store.dataVersion(WORKSPACE);

    await page.goto(`${server.url}/#/listen?emotion=frustration`);
    await page.waitForSelector('.page-listen .stream');
    const first = page.locator('.stream > li').first();
    const text = await first.locator('.msg-text').textContent();
    await first.getByRole('button', { name: x.openCase }).click();
    await page.waitForSelector('.page-case h1');
    const id = decodeURIComponent(new URL(page.url()).hash.replace('#/cases/', ''));
    expect(await page.locator('.page-case .msg-text').first().textContent()).toBe(text);
    await closeTheLoop(page, x, 'Léa');
    await page.screenshot({ path: path.join(SHOTS, 'case-fr.png'), fullPage: true });
    await checkStored(id, 'Léa', x.note);
    // On a 390 px phone nothing passes the right edge of the case page.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await page.screenshot({ path: path.join(SHOTS, 'case-fr-390.png'), fullPage: true });
    expect(await rightOverflow(page)).toEqual([]);
    await page.setViewportSize({ width: 1360, height: 900 });

    // The list shows it closed, in the navigation's "Dossiers", with the figures.
    await page.locator('#nav a', { hasText: x.nav }).click();
    await page.waitForSelector('.page-cases');
    const row = page.locator('.cases-table tbody tr', { has: page.locator(`a[href="#/cases/${id}"]`) });
    expect(await row.locator('.case-status').textContent()).toBe(x.closed);
    expect((await page.locator('.page-cases section h2').allTextContents()).map(plain)).toContain(x.figures);
    await page.screenshot({ path: path.join(SHOTS, 'cases-fr.png'), fullPage: true });
    expect(await seeded.store.dataVersion(WORKSPACE)).toBe(version); // the insights cache stays valid
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('in English: a case an alert rule opened goes from the list to closed', async () => {
    const x = EXPECT.en;
    const fact = (await seeded.store.messageFacts(WORKSPACE, { customerOnly: true, emotion: 'anger' }))[0];
    const c = await raw.transaction().execute((trx) => insertCase(trx, {
      id: 'case-from-alert', workspaceId: WORKSPACE, title: 'Angry customer: call back within 4 h', messageId: fact.messageId, alertId: 'alert-1',
      conversationId: fact.conversationId, customerId: fact.customerId, urgency: 'high', priority: 'high', owner: null, team: fact.team,
      dueAt: new Date(NOW.getTime() + 4 * 3_600_000), createdAt: NOW, actor: 'rule',
    }));
    const context = await browser.newContext({ locale: x.locale, viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    await page.goto(`${server.url}/#/cases?status=open`);
    await page.waitForSelector('.page-cases');
    expect(await page.locator('#nav a[aria-current="page"]').textContent()).toBe(x.nav);
    await page.getByRole('link', { name: c.title }).click();
    await page.waitForSelector('.page-case h1');
    expect(await page.locator('.page-case h1').textContent()).toBe(c.title);
    await closeTheLoop(page, x, 'Sam');
    await page.screenshot({ path: path.join(SHOTS, 'case-en.png'), fullPage: true });
    await checkStored(c.id, 'Sam', x.note);
    const d = await api(`/api/cases/${c.id}`);
    expect(d.events[0]).toMatchObject({ kind: 'created', actor: 'rule' });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
