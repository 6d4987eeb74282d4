/**
 * The empathy drill page in a real headless Chromium against the real server and the real reply coach:
 * French and English, an attempt gets feedback with the analysis' evidence and the coach's suggestions,
 * progress per team updates, and hiring mode shows the rubric and the decision-support banner and stores
 * attempts under a candidate label, listed in order, never ranked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { DRILL_NOW, DRILL_WS, seedDrills } from '../server/drill-fixtures.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

beforeAll(async () => {
  if (SKIP) return;
  dir = mkdtempSync(path.join(tmpdir(), 'ecoute-drills-web-'));
  store = await openStore(`sqlite:${path.join(dir, 'drills.db')}`, { clock: () => DRILL_NOW });
  await store.migrate();
  await seedDrills(store);
  server = await serveDashboard({ store, workspaceId: DRILL_WS, clock: () => DRILL_NOW });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openDrills(locale: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${server.url}/#/drills`);
  await page.waitForSelector('.page-drills .drill-form');
  return { page, errors };
}

describe.skipIf(SKIP !== null)('empathy drills page', () => {
  it('in French: reads a message, answers it, gets the feedback, and the team progress counts it', async () => {
    const { page, errors } = await openDrills('fr-FR');
    expect(await page.locator('h1').textContent()).toBe('Exercices d’empathie');
    expect(await page.locator('nav a[href="#/drills"]').textContent()).toBe('Exercices d’empathie');
    const cards = page.locator('.page-drills section.card:has(.drill-form)');
    expect(await cards.count()).toBe(3);
    const card = cards.first();
    const text = await card.locator('.drill-message p').textContent();
    expect(text).toMatch(/^«/);
    // Nothing of the analysis is shown before answering.
    expect(await card.locator('.drill-feedback').textContent()).toBe('');

    await page.fill('input[name="participant"]', 'Ana');
    await page.fill('input[name="team"]', 'Paris');
    await card.locator('input[name="emotions"][value="frustration"]').check();
    await card.locator('input[name="needs"][value="resolution"]').check();
    await card.locator('textarea[name="reply"]').fill('Je comprends votre situation. Je regarde votre dossier aujourd’hui et je vous rappelle avant 17 h. Quel est votre numéro de commande ?');
    await card.locator('button[type="submit"]').click();
    await card.locator('.drill-result').waitFor();
    expect(await card.locator('.drill-reading-score').textContent()).toMatch(/^Lecture\s:\s\d+\/100$/);
    expect(await card.locator('.drill-reply-score').textContent()).toMatch(/^Réponse\s:\s\d+\/100/);
    expect(await card.locator('.drill-evidence li').count()).toBeGreaterThanOrEqual(2);
    expect(await card.locator('.drill-dimensions li').first().textContent()).toMatch(/^Réaction émotionnelle\s:\s[012]\/2$/);
    await page.locator('.drill-teams td', { hasText: 'Paris' }).waitFor();
    expect(await page.locator('.drill-participants td').first().textContent()).toBe('Ana');

    const stored = await store.listDrillAttempts(DRILL_WS);
    expect(stored.map((a) => [a.participant, a.team, a.mode, a.emotions, a.needs])).toEqual([['Ana', 'Paris', 'drill', ['frustration'], ['resolution']]]);
    expect(errors).toEqual([]);
  });

  it('in English: refuses an empty reply with the server’s message, and hiring mode shows the rubric and the banner, never a ranking', async () => {
    const { page, errors } = await openDrills('en-GB');
    expect(await page.locator('h1').textContent()).toBe('Empathy drills');
    const card = page.locator('.page-drills section.card:has(.drill-form)').first();
    await page.fill('input[name="participant"]', 'Bo');
    await card.locator('button[type="submit"]').click();
    await card.locator('.notice.error:not([hidden])').waitFor();
    expect(await card.locator('.notice.error').textContent()).toMatch(/"reply" is empty/);

    await page.locator('#drill-hiring').check();
    await page.locator('.drill-hiring-banner').waitFor();
    expect(await page.locator('.drill-hiring-banner').textContent()).toBe('Decision support only: a person decides; nothing is automated. Assessing candidates is a high-risk use under the EU AI Act (Annex III §4).');
    expect(await page.locator('.drill-rubric li').count()).toBe(3);
    expect(await page.locator('.drill-who label').first().textContent()).toContain('Candidate label');
    expect(await page.locator('.drill-team').isHidden()).toBe(true);
    await page.fill('input[name="participant"]', 'Candidate 12');
    await card.locator('input[name="emotions"][value="anxiety"]').check();
    await card.locator('textarea[name="reply"]').fill('I understand how worrying this is. I will check it myself today and write back before noon.');
    await card.locator('button[type="submit"]').click();
    await card.locator('.drill-result').waitFor();
    await page.locator('.drill-hiring-table td', { hasText: 'Candidate 12' }).waitFor();
    expect(await page.locator('.drill-hiring-table thead th').allTextContents()).not.toContain('Rank');
    const hiring = await store.listDrillAttempts(DRILL_WS, { mode: 'hiring' });
    expect(hiring.map((a) => [a.participant, a.team])).toEqual([['Candidate 12', null]]);

    // French banner too.
    await page.selectOption('#lang-select', 'fr');
    await page.waitForSelector('.page-drills .drill-form');
    await page.locator('#drill-hiring').check();
    await page.locator('.drill-hiring-banner').waitFor();
    expect(await page.locator('.drill-hiring-banner').textContent()).toMatch(/^Aide à la décision uniquement : une personne décide ; rien n'est automatisé\..*annexe III, §4/);
    expect(errors).toEqual([]);
  });
});
