/**
 * Correcting a finding from the listening station in a real headless Chromium against the real server:
 * the card shows the corrected value and a "corrected" chip at once, the correction is stored with its
 * author and survives a reload, English reads English, and a refused correction is shown, not lost.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import { NOW, seedStore, TEMPLATES, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

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

/** The listening station filtered on one text, in a locale, with the user's name set as the case pages keep it. */
async function openListen(locale: string, q: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('ecoute.actor', 'Léa'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${server.url}/#/listen?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('.page-listen .stream .msg');
  return { page, errors };
}

describe.skipIf(SKIP !== null)('correcting a finding in the listening station', () => {
  const delivery = TEMPLATES[0]; // anger, information, delivery

  it('shows the corrected emotions and a "corrigé" chip at once, stored with its author', async () => {
    const { page, errors } = await openListen('fr-FR', 'vraiment en colère');
    const card = page.locator('.stream .msg').first();
    await card.locator('details.correct > summary').click();
    expect(await card.locator('details.correct summary').textContent()).toContain('Corriger');
    await card.locator('select[name="field"]').selectOption('emotions');
    await card.locator('select[name="value"]').selectOption(['frustration', 'anxiety']);
    await card.locator('.correct-form button[type="submit"]').click();
    const redrawn = page.locator('.stream .msg').first();
    await redrawn.locator('.chip.corrected').waitFor();
    expect(await redrawn.locator('.chip.emo').allTextContents()).toEqual(['Frustration', 'Inquiétude']);
    expect(await redrawn.locator('.chip.corrected').getAttribute('title')).toMatch(/Émotions : corrigé par Léa \(le modèle disait : Colère\)/);

    const same = (await seeded.store.messageFacts(WORKSPACE)).filter((f) => f.text === delivery.text).map((f) => f.messageId);
    const stored = await seeded.store.listCorrections(WORKSPACE, same);
    expect(stored.map((c) => [c.field, c.value, c.actor])).toEqual([['emotions', ['frustration', 'anxiety'], 'Léa']]);

    // After a reload the server shows the correction.
    await page.reload();
    await page.waitForSelector('.page-listen .stream .msg .chip.corrected');
    expect(await page.locator('.stream .msg').first().locator('.chip.emo').allTextContents()).toEqual(['Frustration', 'Inquiétude']);
    expect(errors).toEqual([]);
  });

  it('reads English, corrects a yes/no finding, and shows a refused correction without losing the form', async () => {
    const { page, errors } = await openListen('en-GB', 'parcel arrived damaged');
    const card = page.locator('.stream .msg').first();
    await card.locator('details.correct > summary').click();
    expect(await card.locator('details.correct summary').textContent()).toContain('Correct');
    expect(await card.locator('select[name="field"] option').allTextContents()).toContain('Churn intent');

    await page.route('**/corrections', (route) => route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: 'bad_input', message: 'nope' } }) }));
    await card.locator('select[name="field"]').selectOption('churn');
    await card.locator('select[name="value"]').selectOption('true');
    await card.locator('.correct-form button[type="submit"]').click();
    await card.locator('.correct-form .notice.error').waitFor();
    expect(await card.locator('.correct-form .notice.error').textContent()).toBe('Could not save the correction: nope');
    await page.unroute('**/corrections');

    await card.locator('.correct-form button[type="submit"]').click();
    const redrawn = page.locator('.stream .msg').first();
    await redrawn.locator('.chip.corrected').waitFor();
    expect(await redrawn.locator('.chip.alert').allTextContents()).toContain('Churn intent');
    expect(await redrawn.locator('.chip.corrected').getAttribute('title')).toContain('Churn intent: corrected by Léa (the model said: No)');
    expect(errors).toEqual([]);
  });
});
