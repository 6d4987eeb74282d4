import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/create-app.ts';
import { openApiDocument } from '../../src/server/openapi.ts';
import { BACK_OFFICE_TEAM, conversations, employeeAnswers, NOW, seedStore, TEAMS, TEMPLATES, WORKSPACE, type SeededStore } from './fixtures.ts';

const WEB_DIR = path.resolve(import.meta.dirname, '../../web');

let seeded: SeededStore;
let app: Hono;

beforeAll(async () => {
  seeded = await seedStore();
  app = createApp({ store: seeded.store, workspaceId: WORKSPACE, clock: () => NOW, webDir: WEB_DIR });
});
afterAll(async () => {
  await seeded?.cleanup();
});

async function getJson(url: string, status = 200): Promise<any> {
  const res = await app.request(url);
  expect(res.status, `${url} → ${res.status}`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return res.json();
}

/** Customer messages in the fixtures, and those matching a predicate on their text. */
function customerTexts(): string[] {
  return conversations().flatMap((c) => c.messages.filter((m) => m.role === 'customer').map((m) => m.text));
}

describe('insights routes', () => {
  it('GET /api/health answers ok without touching insights', async () => {
    const body = await getJson('/api/health');
    expect(body).toMatchObject({ status: 'ok', workspace: WORKSPACE, model: false, dialect: 'sqlite' });
  });

  it('GET /api/overview has scores with n, trend, what to fix first and the journey headline', async () => {
    const o = await getJson('/api/overview');
    for (const key of ['nps', 'csat', 'ces', 'messages', 'customers', 'trend', 'byWeek', 'fixFirst', 'topPains', 'spikes', 'journey']) {
      expect(o, key).toHaveProperty(key);
    }
    expect(o.nps).toHaveProperty('responses');
    expect(o.nps).toHaveProperty('ci');
    // Own-brand messages only: the RivalCo reviews feed /api/competitors, not the overview.
    expect(o.messages.total).toBe(conversations().filter((c) => !c.brand).reduce((n, c) => n + c.messages.length, 0));
    expect(Array.isArray(o.fixFirst)).toBe(true);
    // Ranked by impact, highest first.
    for (let i = 1; i < o.fixFirst.length; i++) {
      if (o.fixFirst[i].significant === o.fixFirst[i - 1].significant) expect(o.fixFirst[i - 1].impact).toBeGreaterThanOrEqual(o.fixFirst[i].impact);
    }
  });

  it.each([
    ['/api/journey', ['emotions', 'stages', 'unstaged']],
    ['/api/themes', ['themes', 'drivers', 'discoveredThemes']],
    ['/api/personas', ['personas']],
    ['/api/risk', ['threshold', 'count', 'valueAtRisk', 'currency', 'customers', 'customersTotal']],
    ['/api/competitors', ['brands', 'byBrand']],
    ['/api/spikes', ['spikes']],
    ['/api/ex-cx', ['teams', 'correlations', 'minTeams']],
  ])('GET %s returns its slice', async (url, keys) => {
    const body = await getJson(url);
    for (const key of keys) expect(body, key).toHaveProperty(key);
  });

  it('GET /api/competitors puts the own brand first, over all its messages, then the competitor', async () => {
    const { brands } = await getJson('/api/competitors');
    const customerMessages = (own: boolean) => conversations().filter((c) => !c.brand === own)
      .reduce((n, c) => n + c.messages.filter((m) => m.role === 'customer').length, 0);
    expect(brands.map((b: any) => [b.brand, b.own, b.messages])).toEqual([['Nous', true, customerMessages(true)], ['RivalCo', false, customerMessages(false)]]);
  });

  it('GET /api/ex-cx has every surveyed team with eNPS and n, and correlations over teams with customer scores', async () => {
    const body = await getJson('/api/ex-cx');
    const answers = employeeAnswers();
    expect(body.teams.map((t: any) => t.team).sort()).toEqual([...new Set(answers.map((a) => a.team))].sort());
    for (const team of body.teams) {
      const mine = answers.filter((a) => a.team === team.team);
      const share = (f: (s: number) => boolean) => mine.filter((a) => f(a.enps!)).length / mine.length;
      expect(team.enpsResponses).toBe(mine.length);
      expect(team.enps).toBeCloseTo(100 * (share((s) => s >= 9) - share((s) => s <= 6)), 1);
    }
    const back = body.teams.find((t: any) => t.team === BACK_OFFICE_TEAM);
    expect(back).toMatchObject({ csat: null, nps: null, surveys: 0 });
    const withCsat = body.teams.filter((t: any) => t.csat !== null).length;
    expect(withCsat).toBe(TEAMS.length);
    for (const c of body.correlations.filter((c: any) => c.y === 'csat')) expect(c.n).toBe(withCsat);
    expect(new Set(body.correlations.map((c: any) => c.method))).toEqual(new Set(['pearson', 'spearman']));
  });

  it('GET /api/i18n names every label in French and English', async () => {
    const body = await getJson('/api/i18n');
    expect(body.emotions.anger).toEqual({ fr: 'Colère', en: 'Anger' });
    expect(Object.keys(body.stages)).toContain('delivery');
  });

  it('recomputes insights only when the data version changes', async () => {
    const before = await getJson('/api/overview');
    const again = await getJson('/api/overview');
    expect(again.generatedAt).toBe(before.generatedAt);
    const source = await seeded.store.ensureSource(WORKSPACE, 'late', 'json');
    await seeded.store.writeConversations(WORKSPACE, source, [
      { naturalKey: 'late-1', channel: 'chat', startedAt: NOW, surveys: [], messages: [{ role: 'customer', at: NOW, text: 'Un message arrivé après coup.', language: 'fr' }] },
    ]);
    const after = await getJson('/api/overview');
    expect(after.messages.total).toBe(before.messages.total + 1);
  });
});

describe('GET /api/messages (listening station)', () => {
  it('lists customer messages newest first with their analysis', async () => {
    const page = await getJson('/api/messages?limit=5');
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThanOrEqual(customerTexts().length);
    for (const m of page.items) expect(m.role).toBe('customer');
    const times = page.items.map((m: { at: string }) => Date.parse(m.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.items.some((m: { analysis: unknown }) => m.analysis !== null)).toBe(true);
  });

  it('filters by emotion, stage, channel, language and text', async () => {
    const anger = TEMPLATES[0].text;
    const expected = customerTexts().filter((t) => t === anger).length;
    const byEmotion = await getJson('/api/messages?emotion=anger&limit=100');
    expect(byEmotion.total).toBe(expected);
    expect(byEmotion.items.every((m: { text: string }) => m.text === anger)).toBe(true);

    const billing = await getJson('/api/messages?stage=billing&limit=100');
    expect(billing.total).toBeGreaterThan(0);
    expect(billing.items.every((m: any) => m.analysis.stage.label === 'billing')).toBe(true);

    const reviews = await getJson('/api/messages?channel=review&limit=100');
    expect(reviews.total).toBe(8);
    expect(reviews.items.every((m: any) => m.channel === 'review' && m.brand === 'RivalCo')).toBe(true);

    const english = await getJson('/api/messages?language=en&limit=100');
    expect(english.items.every((m: any) => m.language === 'en')).toBe(true);

    const search = await getJson(`/api/messages?q=${encodeURIComponent('MISE À JOUR')}&limit=100`);
    expect(search.total).toBe(customerTexts().filter((t) => t.includes('mise à jour')).length);
    // French users type without accents: the search is accent-insensitive.
    const unaccented = await getJson(`/api/messages?q=${encodeURIComponent('mise a jour')}&limit=100`);
    expect(unaccented.total).toBe(search.total);
  });

  it('pages through everything with the cursor, without duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const page: any = await getJson(`/api/messages?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      total = page.total;
      seen.push(...page.items.map((m: { messageId: string }) => m.messageId));
      cursor = page.next;
    } while (cursor);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it.each([
    ['emotion=furious', 'emotion', 'anger'],
    ['stage=nowhere', 'stage', 'delivery'],
    ['channel=fax', 'channel', 'ticket'],
    ['limit=1000', 'limit', '100'],
    ['limit=abc', 'limit', '100'],
    ['colour=red', 'colour', 'emotion'],
  ])('rejects %s with a 400 naming the parameter and what is allowed', async (qs, parameter, hint) => {
    const body = await getJson(`/api/messages?${qs}`, 400);
    expect(body.error.code).toBe('usage');
    expect(body.error.message).toContain(`"${parameter}"`);
    expect(body.error.message).toContain(hint);
  });
});

describe('GET /api/customers/:id/history', () => {
  it('returns one customer’s whole history in order, agent replies included', async () => {
    const page = await getJson('/api/messages?emotion=frustration&limit=1');
    const id = page.items[0].customerId as string;
    const body = await getJson(`/api/customers/${encodeURIComponent(id)}/history`);
    expect(body.customer.id).toBe(id);
    expect(body.customer.ref).toMatch(/^cust-/);
    const times = body.messages.map((m: { at: string }) => Date.parse(m.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(body.messages.some((m: { role: string }) => m.role === 'agent')).toBe(true);
    expect(body.messages.every((m: { customerId: string }) => m.customerId === id)).toBe(true);
    expect(body.customer.conversations).toBeGreaterThan(1);
  });

  it('gives the risk of a listed customer as listed, scores anyone else from their own facts, and names the currency', async () => {
    const listed = await getJson('/api/risk');
    expect(listed.customers.length).toBeGreaterThan(0);
    const top = listed.customers[0];
    const mine = await getJson(`/api/customers/${encodeURIComponent(top.customerId)}/history`);
    expect(mine.risk).toEqual(top);
    expect(mine.currency).toBe('EUR');
    const page = await getJson('/api/messages?limit=100');
    const calm = page.items.find((m: { customerId: string | null }) => m.customerId && !listed.customers.some((c: { customerId: string }) => c.customerId === m.customerId));
    const other = await getJson(`/api/customers/${encodeURIComponent(calm.customerId)}/history`);
    expect(other.risk).toBeNull();
  });

  it('answers 404 JSON for an unknown customer', async () => {
    const body = await getJson('/api/customers/nobody-here/history', 404);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain('nobody-here');
  });
});

describe('act, analyze and errors', () => {
  it('lists cases and alerts', async () => {
    await seeded.store.openCase(WORKSPACE, { title: 'Rappeler le client', owner: 'Julie', priority: 'high', actor: 'test' });
    const { cases } = await getJson('/api/cases');
    expect(cases.map((c: { title: string }) => c.title)).toContain('Rappeler le client');
    const { alerts } = await getJson('/api/alerts');
    expect(Array.isArray(alerts)).toBe(true);
  });

  it('POST /api/analyze answers 503 without a model and 400 on a bad body', async () => {
    const noModel = await app.request('/api/analyze', { method: 'POST', body: JSON.stringify({ text: 'Bonjour' }), headers: { 'content-type': 'application/json' } });
    expect(noModel.status).toBe(503);
    expect((await noModel.json()).error.code).toBe('model_unavailable');
  });

  it('unknown API routes are JSON 404s', async () => {
    const body = await getJson('/api/nope', 404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('OpenAPI document', () => {
  it('states the licence the project ships under (package.json and LICENSE)', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { license: string };
    const licence = await readFile(new URL('../../LICENSE', import.meta.url), 'utf8');
    expect(openApiDocument.info.license.identifier).toBe(pkg.license);
    expect(licence.startsWith(`${pkg.license} License`)).toBe(true);
  });

  it('is OpenAPI 3.1 and lists every API route the app registers', async () => {
    const doc = await getJson('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    const registered = app.routes
      .filter((r) => r.path.startsWith('/api/') && !r.path.includes('*'))
      .map((r) => ({ method: r.method.toLowerCase(), path: r.path.replace(/:(\w+)/g, '{$1}') }));
    expect(registered.length).toBeGreaterThan(15);
    for (const r of registered) {
      expect(doc.paths[r.path], `${r.method} ${r.path} missing from openapi.json`).toBeDefined();
      expect(doc.paths[r.path][r.method], `${r.method} ${r.path} missing from openapi.json`).toBeDefined();
    }
    // And nothing documented that does not exist.
    for (const [p, ops] of Object.entries(openApiDocument.paths)) {
      for (const method of Object.keys(ops)) {
        expect(registered.some((r) => r.path === p && r.method === method), `${method} ${p} documented but not routed`).toBe(true);
      }
    }
  });
});
