/**
 * The data page (GDPR) in a real headless Chromium against the real server: undoing a real import
 * (asked twice), erasing a customer and refusing an unknown one with the server's message, setting the
 * retention period, a dry run and applying it — in French, then English.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/runtime/import/run-import.ts';
import type { RunningServer } from '../../src/server/http-server.ts';
import { NOW, seedStore, WORKSPACE, type SeededStore } from '../server/fixtures.ts';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { serveDashboard } from './serve-dashboard.ts';

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

let seeded: SeededStore;
let server: RunningServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (SKIP) return;
  seeded = await seedStore();
  dir = mkdtempSync(path.join(tmpdir(), 'ecoute-data-page-'));
  const file = path.join(dir, 'jan.csv');
  writeFileSync(file, 'ticket_id,date,customer_id,message,nps\nT1,2026-11-05,IMP-1,"Colis en retard",3\nT2,2026-11-06,IMP-2,"Parfait",10\nT3,2026-11-07,IMP-1,"Toujours rien",2\n');
  await runImport({ store: seeded.store, workspaceId: WORKSPACE, files: [file], clock: () => NOW });
  server = await serveDashboard({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await seeded?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(SKIP !== null)('data page', () => {
  it('undoes an import, erases a customer and applies retention, asking twice, in French then English', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' && !/status of (400|404|422)/.test(m.text())) errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
    const before = await seeded.store.counts(WORKSPACE);

    await page.goto(`${server.url}/#/overview`);
    await page.waitForSelector('main .page');
    await page.locator('#nav a', { hasText: 'Données' }).click();
    await page.waitForSelector('.page-data .imports-table');
    expect(await page.locator('main h1').textContent()).toBe('Données et RGPD');
    const row = page.locator('.imports-table tbody tr');
    expect(await row.count()).toBe(1);
    expect(plain(await row.locator('td').nth(3).textContent())).toBe('jan.csv');
    expect(plain(await row.locator('td').nth(6).textContent())).toBe('+3 enregistrements, +3 messages');

    // Undo: the first click only asks; the second deletes exactly what the import added.
    await row.getByRole('button', { name: 'Annuler l’import' }).click();
    expect((await seeded.store.listImports(WORKSPACE)).length).toBe(1);
    await row.getByRole('button', { name: 'Confirmer : tout supprimer' }).click();
    await page.locator('.page-data', { hasText: 'Aucun import pour l’instant.' }).waitFor();
    expect(plain(await page.locator('.data-outcome [role="status"]').first().textContent()))
      .toBe('Import jan.csv annulé : 3 conversation(s), 3 message(s), 3 réponse(s) d’enquête, 2 client(s) supprimés.');
    expect(await seeded.store.counts(WORKSPACE)).toMatchObject({ conversations: before.conversations - 3, customers: before.customers - 2 });

    // Erase a customer of the seeded workspace, then an unknown id: the server's 404 is shown.
    const ref = (await seeded.store.messageFacts(WORKSPACE)).find((f) => f.customerRef)!.customerRef!;
    const erase = async (id: string) => {
      await page.fill('#erase-id', id);
      await page.getByRole('button', { name: 'Effacer ce client' }).click();
      await page.getByRole('button', { name: 'Confirmer l’effacement définitif' }).click();
    };
    await erase(ref);
    const erased = page.locator('.data-outcome [role="status"]', { hasText: `Client « ${ref} » effacé` });
    await erased.waitFor();
    expect(plain(await erased.textContent())).toMatch(/effacé : \d+ conversation\(s\), \d+ message\(s\).*1 client\(s\) supprimés\.$/);
    expect((await seeded.store.messageFacts(WORKSPACE)).some((f) => f.customerRef === ref)).toBe(false);
    expect((await seeded.store.auditLog(WORKSPACE)).map((a) => a.action)).toEqual(expect.arrayContaining(['customer.erase', 'import.undo']));
    await erase('inconnu-42');
    const refused = page.locator('.data-outcome [role="alert"]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^Refusé : Customer "inconnu-42" was not found\. Nothing about this id is stored/);

    // Retention: nothing set yet, so applying is refused; then 1 month, a dry run, and apply.
    expect(await page.inputValue('#retention-months')).toBe('0');
    await page.getByRole('button', { name: 'Simuler' }).click();
    await page.locator('.data-outcome [role="alert"]', { hasText: 'no retention period' }).waitFor();
    await page.fill('#retention-months', '-2');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('.data-outcome [role="alert"]', { hasText: '{"months": N} with N a whole number of months' }).waitFor();
    await page.fill('#retention-months', '1');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('.data-outcome [role="status"]', { hasText: 'Conservation : 1 mois.' }).waitFor();
    const preview = await (await fetch(`${server.url}/api/retention/apply?dryRun=true`, { method: 'POST' })).json();
    await page.getByRole('button', { name: 'Simuler' }).click();
    // The store's clock is the real one: the fixture's weeks of November 2026 are over a month old by now.
    expect(preview.removed.conversations).toBeGreaterThan(0);
    await page.locator('.data-outcome [role="status"]', { hasText: `Simulation, rien supprimé : supprimerait ${preview.removed.conversations} conversation(s)` }).waitFor();
    const counts = await seeded.store.counts(WORKSPACE);
    await page.getByRole('button', { name: 'Appliquer maintenant' }).click();
    await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await page.locator('.data-outcome [role="status"]', { hasText: 'Conservation appliquée' }).waitFor();
    expect((await seeded.store.counts(WORKSPACE)).conversations).toBe(counts.conversations - preview.removed.conversations);

    // English.
    await page.selectOption('#lang-select', 'en');
    await page.waitForSelector('.page-data');
    expect(await page.locator('main h1').textContent()).toBe('Data and GDPR');
    expect(await page.locator('.page-data').textContent()).toContain('No imports yet.');
    expect(await page.locator('label[for="retention-months"]').textContent()).toBe('Months to keep (0 = keep everything)');
    expect(await page.inputValue('#retention-months')).toBe('1');
    await page.fill('#erase-id', 'unknown-7');
    await page.getByRole('button', { name: 'Erase this customer' }).click();
    await page.getByRole('button', { name: 'Confirm the final erasure' }).click();
    await page.locator('.data-outcome [role="alert"]', { hasText: 'Refused: Customer "unknown-7" was not found' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
