/**
 * The alert rules page in a real headless Chromium against the real server and a seeded workspace:
 * writing a rule in the form, testing it on past messages (nothing written), a refused rule with the
 * server's message, adding it, the alerts it raises with "mark as seen", both languages, removal, and
 * text that stays inert.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function api(p: string): Promise<any> {
  return (await fetch(`${server.url}${p}`)).json();
}

/** Fills the form with a churning-detractor rule that opens a case. */
async function fill(page: Page, name: string): Promise<void> {
  await page.fill('#r-name', name);
  await page.check('#r-churn');
  await page.check('#r-nps-detractor');
  await page.check('#r-case');
  await page.fill('#r-owner', 'Léa');
  await page.fill('#r-dedupe', '30d');
}

describe.skipIf(SKIP !== null)('alert rules page', () => {
  it('writes, tests, adds, fires and removes a rule, in French then English', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' && !/status of 422/.test(m.text())) errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });

    await page.goto(`${server.url}/#/overview`);
    await page.waitForSelector('main .page');
    await page.locator('#nav a', { hasText: 'Règles d’alerte' }).click();
    await page.waitForSelector('.page-rules form');
    expect(await page.locator('main h1').textContent()).toBe('Règles d’alerte');
    expect(await page.locator('.rules-list').textContent()).toContain('Aucune règle pour l’instant');
    expect(await page.locator('.page-rules').textContent()).toContain('Aucune alerte pour l’instant.');
    // Label menus come from the server's names, in the UI language.
    expect(await page.locator('#r-emotion option[value="anger"]').textContent()).toBe('Colère');

    // Test first: matches from the seeded history, and nothing is written.
    const name = 'Client qui part <img src=x onerror=alert(1)>';
    await fill(page, name);
    await page.getByRole('button', { name: 'Tester sur les messages passés' }).click();
    await page.waitForSelector('.rule-test');
    expect(plain(await page.locator('.rule-test > p').textContent())).toMatch(/^\d+ messages sur \d+ correspondent ; \d+ auraient déclenché une alerte\. Les plus récents :$/);
    expect(await page.locator('.rule-matches li').count()).toBe(5);
    expect(plain(await page.locator('.rule-matches li').first().textContent())).toMatch(/intention de départ, NPS détracteur \(\d\)/);
    expect((await api('/api/rules')).rules).toEqual([]);

    // A refused rule shows the server's message, which names the field and the fix.
    await page.fill('#r-email', 'lea');
    await page.getByRole('button', { name: 'Ajouter la règle' }).click();
    const alert = page.locator('.rule-form [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Règle refusée : The rule is invalid: actions\[1\]\.to: to "lea" is not an e-mail address/);
    expect((await api('/api/rules')).rules).toEqual([]);

    await page.fill('#r-email', '');
    await page.getByRole('button', { name: 'Ajouter la règle' }).click();
    await page.waitForSelector('.rule-item');
    expect(plain(await page.locator('.rule-outcome').textContent())).toBe(`Règle « ${name} » ajoutée.`);
    expect(await alert.isHidden()).toBe(true);
    const card = page.locator('.rule-item');
    expect(await card.locator('h3').textContent()).toBe(`${name} version 1`);
    expect(await card.locator('img').count()).toBe(0);
    expect(plain(await card.textContent())).toContain('Quand Intention de départ · NPS : détracteur');
    expect(plain(await card.textContent())).toContain('Alors Ouvrir un dossier (Léa)');
    expect(plain(await card.textContent())).toContain('Au plus une alerte par client sur 30d.');
    const [rule] = (await api('/api/rules')).rules;
    expect(rule).toMatchObject({ name, createdBy: 'api', definition: { conditions: { churn: true, npsBand: ['detractor'] }, actions: [{ type: 'case', owner: 'Léa' }], dedupeWindow: '30d' } });

    // The rule fires on the workspace's messages; the page lists the alerts and marks them as seen.
    const ids = (await seeded.store.messageFacts(WORKSPACE, { customerOnly: true })).map((f) => f.messageId);
    const fired = await evaluateRulesOnMessages(seeded.store, WORKSPACE, ids, { clock: () => NOW });
    expect(fired.alerts).toBeGreaterThan(1);
    await page.reload();
    await page.waitForSelector('.alert-item');
    expect(await page.locator('.alert-item').count()).toBe(fired.alerts);
    const first = page.locator('.alert-item').first();
    expect(await first.locator('h3').textContent()).toMatch(/^Alerte : Client qui part <img src=x onerror=alert\(1\)> — Client \d+$/);
    expect(await first.locator('a').getAttribute('href')).toMatch(/^#\/customer\/c_[a-z2-7]{16}$/);
    await first.getByRole('button', { name: 'Marquer comme vue' }).click();
    await first.locator('.chip', { hasText: 'Vue' }).waitFor();
    const acked = (await api('/api/alerts')).alerts.filter((a: { acknowledged: boolean }) => a.acknowledged);
    expect(acked).toHaveLength(1);

    // English.
    await page.selectOption('#lang-select', 'en');
    await page.waitForSelector('.page-rules form');
    expect(await page.locator('main h1').textContent()).toBe('Alert rules');
    expect(plain(await page.locator('.rule-item').textContent())).toContain('When Churn intent · NPS: detractor');
    expect(await page.locator('.alert-item .chip', { hasText: 'Seen' }).count()).toBe(1);
    expect(await page.locator('#r-emotion option[value="anger"]').textContent()).toBe('Anger');

    await page.getByRole('button', { name: 'Remove the rule' }).click();
    await page.locator('.rules-list', { hasText: 'No rules yet' }).waitFor();
    expect((await api('/api/rules')).rules).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
