/**
 * The CX maturity self-assessment page in a real headless Chromium against the real server: the
 * questionnaire in each language, a submission and its result, the history growing, keyboard use,
 * a 390 px phone, and texts that stay inert. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from './chromium.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { NOW, WORKSPACE } from '../server/fixtures.ts';
import { serveDashboard } from './serve-dashboard.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const DAY = 86_400_000;

/** Text with the no-break spaces of French typography (before « : », « % ») as plain spaces. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

interface Questionnaire {
  language: 'fr' | 'en';
  dimensions: { id: string; name: string }[];
  questions: { id: string; dimension: string; text: string; source: string; scale: { value: number; label: string }[] }[];
}

/** What each language must show (written here, not read from the page, so a wrong string fails). */
const EXPECT = {
  fr: {
    locale: 'fr-FR', nav: 'Maturité CX', title: 'Maturité de l’expérience client', submit: 'Enregistrer et voir le résultat',
    transactional: 'Transactionnel', engagement: 'Engagement', first: 'première évaluation', since: '+50 points depuis l’évaluation du',
    moved: 'Changement d’étape : Transactionnel → Engagement.', missing: 'Il reste 30 questions sans réponse.', answered: '30 réponses sur 30',
    empty: 'Aucune évaluation enregistrée', actions: 'Les trois prochaines actions', history: 'Historique des évaluations',
  },
  en: {
    locale: 'en-GB', nav: 'CX maturity', title: 'Customer experience maturity', submit: 'Save and see the result',
    transactional: 'Transactional', engagement: 'Engagement', first: 'first assessment', since: '+50 points since the assessment of',
    moved: 'Stage changed: Transactional → Engagement.', missing: '30 questions still have no answer.', answered: '30 of 30 answered',
    empty: 'No assessment saved yet', actions: 'Next three actions', history: 'Assessment history',
  },
} as const;

let browser: Browser;

/** A fresh, empty workspace behind a real server, with a clock the test moves forward. */
interface Rig { store: Store; dir: string; server: RunningServer; now: { at: Date } }
const rigs: Rig[] = [];

async function rig(): Promise<Rig> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-web-assess-'));
  const now = { at: NOW };
  const clock = () => now.at;
  const store = await openStore(`sqlite:${path.join(dir, 'assess.db')}`, { clock });
  await store.ensureWorkspace(WORKSPACE, 'Assess');
  const server = await serveDashboard({ store, workspaceId: WORKSPACE, clock });
  const r = { store, dir, server, now };
  rigs.push(r);
  return r;
}

const SKIP = browserSkipReason();
if (SKIP) it.skip(SKIP, () => undefined);

beforeAll(async () => {
  if (SKIP) return;
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.server.close();
    await r.store.close();
    rmSync(r.dir, { recursive: true, force: true });
  }
});
afterAll(async () => {
  await browser?.close();
});

/** A browser context in a locale, and a page that records console errors, failed and outside requests. */
async function open(r: Rig, locale: string, viewport = { width: 1360, height: 900 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()}`));
  page.on('request', (req) => {
    if (!req.url().startsWith(r.server.url)) errors.push(`external request: ${req.url()}`);
  });
  return { context, page, errors };
}

async function questionnaire(r: Rig, lang: 'fr' | 'en'): Promise<Questionnaire> {
  return (await (await fetch(`${r.server.url}/api/assessments/questions?lang=${lang}`)).json()) as Questionnaire;
}

/** Answers every question by clicking the label of `value` (as a mouse user would). */
async function answerAll(page: Page, q: Questionnaire, value: number): Promise<void> {
  for (const item of q.questions) await page.locator(`label[for="mq-${item.id}-${value}"]`).click();
}

async function submit(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
}

/** Elements of main whose right edge passes the viewport, and whether the document scrolls sideways. */
async function horizontalOverflow(page: Page): Promise<{ scrolls: boolean; offenders: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    // Only the right edge: the skip link waits off-screen to the left on purpose.
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (rect.right > width + 0.5) offenders.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(rect.left)}–${Math.round(rect.right)})`);
    }
    for (const wrap of Array.from(document.querySelectorAll('.table-wrap'))) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) offenders.push(`table-wrap scrolls (${wrap.scrollWidth} > ${wrap.clientWidth})`);
    }
    return { scrolls: document.documentElement.scrollWidth > width, offenders: offenders.slice(0, 10) };
  });
}

describe.skipIf(SKIP !== null)('CX maturity self-assessment page', () => {
  for (const lang of ['fr', 'en'] as const) {
    const x = EXPECT[lang];

    it(`in ${lang === 'fr' ? 'French' : 'English'}: answer, submit, see the stage and three actions, history grows to 2; holds on a 390 px phone`, async () => {
      const r = await rig();
      const q = await questionnaire(r, lang);
      expect(q.questions.length).toBe(30);
      const { context, page, errors } = await open(r, x.locale);
      await page.goto(`${r.server.url}/#/overview`);
      await page.waitForSelector('main .page, main .notice.error');
      // Reached from the navigation, in the UI language.
      await page.locator('#nav a', { hasText: x.nav }).click();
      await page.waitForSelector('.page-maturity form');
      expect(new URL(page.url()).hash).toBe('#/maturity');
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.locator('main h1').textContent()).toBe(x.title);
      expect(await page.locator('#nav a[aria-current="page"]').textContent()).toBe(x.nav);
      expect(await page.title()).toBe(`${x.nav} · Écoute`);

      // The questionnaire: one fieldset per dimension (legend = its name), one per question (legend = the
      // question), five radios labelled with the API's scale, in the UI language.
      const dims = page.locator('fieldset.dimension');
      expect(await dims.count()).toBe(q.dimensions.length);
      expect(await dims.locator('> legend').allTextContents()).toEqual(q.dimensions.map((d, i) => `${i + 1}${d.name}`));
      expect(await page.locator('fieldset.question').count()).toBe(q.questions.length);
      // The number badge is decoration: each group is named by its dimension or question alone.
      expect(await page.getByRole('group', { name: q.dimensions[0].name, exact: true }).count()).toBe(1);
      for (const d of q.dimensions) {
        const group = dims.filter({ has: page.locator('> legend', { hasText: d.name }) });
        expect(await group.locator('fieldset.question > legend').allTextContents()).toEqual(q.questions.filter((item) => item.dimension === d.id).map((item) => item.text));
      }
      const first = q.questions[0];
      const radios = page.getByRole('group', { name: first.text }).getByRole('radio');
      expect(await radios.count()).toBe(5);
      for (const step of first.scale) {
        expect(await page.getByRole('group', { name: first.text }).getByRole('radio', { name: step.label, exact: true }).count()).toBe(1);
        expect(await page.locator(`label[for="mq-${first.id}-${step.value}"] .scale-label`).textContent()).toBe(step.label);
      }
      expect(await page.locator('.page-maturity').textContent()).toContain(x.empty);

      // Submitting with answers missing says how many, in the UI language, and puts focus on the first.
      await submit(page, x.submit);
      const alert = page.locator('.submit-bar [role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(x.missing);
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(`answer:${first.id}`);
      expect(await page.locator('fieldset.question[aria-invalid="true"]').count()).toBe(30);

      // Keyboard: Space picks the focused option, arrows move along the scale.
      await page.keyboard.press('Space');
      expect(await page.locator(`#mq-${first.id}-1`).isChecked()).toBe(true);
      await page.keyboard.press('ArrowRight');
      expect(await page.locator(`#mq-${first.id}-2`).isChecked()).toBe(true);
      expect(await page.locator(`#mq-${first.id}`).getAttribute('aria-invalid')).toBeNull();

      // First assessment: everything "rarely" (2) → 25/100, transactional.
      await answerAll(page, q, 2);
      expect(await page.locator('.answered-count').textContent()).toBe(x.answered);
      await submit(page, x.submit);
      await page.waitForSelector('.maturity-result .stage-current');
      expect(await page.locator('.stage-current').textContent()).toBe(x.transactional);
      expect(await page.locator('.maturity-curve li[aria-current="step"]').textContent()).toContain(x.transactional);
      expect(await page.locator('.overall').textContent()).toContain('25/100');
      expect(await page.locator('.overall').textContent()).toContain(x.first);
      expect(await page.locator('.dim-bars li').count()).toBe(q.dimensions.length);
      expect(await page.locator('.dim-bars .dim-name').allTextContents()).toEqual(q.dimensions.map((d) => d.name));
      expect(await page.locator('.maturity-result h3').allTextContents()).toContain(x.actions);
      const actions = page.locator('.next-actions > li');
      expect(await actions.count()).toBe(3);
      for (const text of await actions.locator('.action-text').allTextContents()) expect(text.length).toBeGreaterThan(20);
      // Focus moves to the result so keyboard and screen-reader users land on it.
      expect(await page.evaluate(() => document.activeElement?.closest('.maturity-result') !== null && document.activeElement?.tagName)).toBe('H2');
      const history = page.locator('.maturity-history tbody tr');
      await expect.poll(() => history.count()).toBe(1);
      expect(await history.first().textContent()).toContain(x.transactional);

      // A week later, everything "regularly, with a method" (4) → 75/100, engagement, +50 since the first.
      r.now.at = new Date(NOW.getTime() + 7 * DAY);
      await answerAll(page, q, 4);
      await submit(page, x.submit);
      await page.waitForFunction((name) => document.querySelector('.stage-current')?.textContent === name, x.engagement);
      expect(await page.locator('.overall').textContent()).toContain('75/100');
      expect(await page.locator('.overall').textContent()).toContain(x.since);
      expect(plain(await page.locator('.stage-move').textContent())).toBe(x.moved);
      expect(new Set(await page.locator('.dim-bars .dim-change').allTextContents())).toEqual(new Set([`+50 ${lang === 'fr' ? 'points depuis l’évaluation précédente' : 'points since the previous assessment'}`]));
      expect(await page.locator('.next-actions > li').count()).toBe(3);
      await expect.poll(() => history.count()).toBe(2);
      expect(await history.nth(0).textContent()).toContain(x.engagement);
      expect(await history.nth(1).textContent()).toContain(x.transactional);
      expect(await history.nth(0).locator('td').last().textContent()).toBe('+50');
      expect(await page.locator('.page-maturity section h2').allTextContents()).toContain(x.history);
      // The page showed what the API stored.
      const stored = (await (await fetch(`${r.server.url}/api/assessments`)).json()) as { assessments: { stage: string; language: string }[] };
      expect(stored.assessments.map((a) => a.stage)).toEqual(['engagement', 'transactional']);
      expect(stored.assessments.map((a) => a.language)).toEqual([lang, lang]);
      await page.screenshot({ path: path.join(SHOTS, `maturity-${lang}.png`), fullPage: true });
      await page.locator('.maturity-result').screenshot({ path: path.join(SHOTS, `maturity-${lang}-result.png`) });

      // A 390 px wide phone: nothing passes the right edge, with the questionnaire, result and history shown.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => new Promise(requestAnimationFrame));
      expect(await horizontalOverflow(page)).toEqual({ scrolls: false, offenders: [] });
      await page.screenshot({ path: path.join(SHOTS, `maturity-${lang}-390.png`), fullPage: true });
      await page.evaluate(() => document.querySelector('.maturity-result')!.scrollIntoView());
      await page.screenshot({ path: path.join(SHOTS, `maturity-${lang}-390-result.png`) });
      await page.locator('.maturity-history-area').screenshot({ path: path.join(SHOTS, `maturity-${lang}-390-history.png`) });
      expect(errors).toEqual([]);
      await context.close();

      // Opened fresh on a phone, the questionnaire itself holds too, and the history is there.
      const phone = await open(r, x.locale, { width: 390, height: 844 });
      await phone.page.goto(`${r.server.url}/#/maturity`);
      await phone.page.waitForSelector('.page-maturity form');
      expect(await phone.page.locator('.maturity-history tbody tr').count()).toBe(2);
      await phone.page.screenshot({ path: path.join(SHOTS, `maturity-${lang}-390-top.png`) });
      await phone.page.locator('fieldset.dimension').first().screenshot({ path: path.join(SHOTS, `maturity-${lang}-390-questions.png`) });
      await phone.page.locator('.evidence summary').click();
      expect(await horizontalOverflow(phone.page)).toEqual({ scrolls: false, offenders: [] });
      expect(phone.errors).toEqual([]);
      await phone.context.close();
    });
  }

  it('switching language re-renders the questionnaire in the other language', async () => {
    const r = await rig();
    const [fr, en] = [await questionnaire(r, 'fr'), await questionnaire(r, 'en')];
    const { context, page } = await open(r, 'fr-FR');
    await page.goto(`${r.server.url}/#/maturity`);
    await page.waitForSelector('.page-maturity form');
    await page.screenshot({ path: path.join(SHOTS, 'maturity-fr-top.png') });
    expect(await page.locator('fieldset.question > legend').first().textContent()).toBe(fr.questions[0].text);
    await page.selectOption('#lang-select', 'en');
    await page.waitForFunction((text) => document.querySelector('fieldset.question > legend')?.textContent === text, en.questions[0].text);
    expect(await page.locator('main h1').textContent()).toBe(EXPECT.en.title);
    expect(await page.locator(`label[for="mq-${en.questions[0].id}-5"] .scale-label`).textContent()).toBe(en.questions[0].scale[4].label);
    await context.close();
  });

  it('optional figures are sent as evidence and cited by the next actions; out-of-range figures are refused in the UI language', async () => {
    const r = await rig();
    const q = await questionnaire(r, 'fr');
    const { context, page, errors } = await open(r, 'fr-FR');
    await page.goto(`${r.server.url}/#/maturity`);
    await page.waitForSelector('.page-maturity form');
    await page.locator('.evidence summary').click();
    await page.getByLabel('Alertes closes dans les délais (en %)').fill('140');
    await answerAll(page, q, 3);
    await submit(page, EXPECT.fr.submit);
    await page.locator('.submit-bar [role="alert"]').waitFor();
    expect(plain(await page.locator('.submit-bar [role="alert"]').textContent())).toBe('Ce chiffre est hors des valeurs possibles : Alertes closes dans les délais (en %).');
    await page.getByLabel('Alertes closes dans les délais (en %)').fill('64');
    await page.getByLabel('Lecteurs de la station d’écoute le mois dernier').fill('8');
    await page.getByLabel('Participation aux exercices d’empathie (en %)').fill('40');
    await page.getByLabel('NPS (de −100 à 100)').fill('-12');
    // Lowest answers in listen, act and people: those three get the actions, each citing its figure.
    for (const id of q.questions.filter((item) => ['listen', 'act', 'people'].includes(item.dimension)).map((item) => item.id)) {
      await page.locator(`label[for="mq-${id}-1"]`).click();
    }
    await submit(page, EXPECT.fr.submit);
    await page.waitForSelector('.next-actions > li');
    const lines = (await page.locator('.next-actions .evidence-line').allTextContents()).map(plain);
    expect(lines).toEqual([
      'Lecteurs de la station d’écoute le mois dernier : 8.',
      'Alertes closes dans les délais : 64 %.',
      'Participation aux exercices d’empathie : 40 %.',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders questions, labels and results as text: markup in them stays inert', async () => {
    const r = await rig();
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const { context, page } = await open(r, 'fr-FR');
    await page.route('**/api/assessments/questions*', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as Questionnaire;
      body.dimensions[0].name = `<b id="evil-dim">${evil}</b>`;
      body.questions[0].text = `<b id="evil-q">${evil}</b>`;
      body.questions[0].scale[0].label = `<b id="evil-label">${evil}</b>`;
      body.questions[0].source = `<b id="evil-source">${evil}</b>`;
      await route.fulfill({ response: res, json: body });
    });
    await page.route('**/api/assessments', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const res = await route.fetch();
      const body = (await res.json()) as { stageName: string; dimensions: { name: string }[]; recommendations: { action: string; dimensionName: string; weakestQuestion: { text: string }; evidence: { text: string } }[] };
      body.dimensions[0].name = `<b id="evil-bar">${evil}</b>`;
      body.recommendations[0].action = `<b id="evil-action">${evil}</b>`;
      body.recommendations[0].dimensionName = `<b id="evil-rec">${evil}</b>`;
      body.recommendations[0].weakestQuestion.text = `<b id="evil-weak">${evil}</b>`;
      body.recommendations[0].evidence.text = `<b id="evil-evidence">${evil}</b>`;
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(`${r.server.url}/#/maturity`);
    await page.waitForSelector('.page-maturity form');
    const q = await questionnaire(r, 'fr');
    await answerAll(page, q, 3);
    await submit(page, EXPECT.fr.submit);
    await page.waitForSelector('.next-actions > li');
    expect(await page.locator('fieldset.question > legend').first().textContent()).toContain('<img src=x');
    expect(await page.locator('.next-actions .action-text').first().textContent()).toContain('<script>');
    expect(await page.locator('main img, main script, [id^="evil-"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });
});
