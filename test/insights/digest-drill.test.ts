/**
 * The weekly digest can carry a "drill of the week": one real (redacted) customer message and where to
 * answer it, in French and English; daily digests and digests without a drill are unchanged.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { buildDigest, type DigestDrill } from '../../src/insights/digest.ts';
import { renderDigestHtml, renderDigestMarkdown, renderDigestText } from '../../src/insights/render/digest-render.ts';
import { prepareDigest } from '../../src/runtime/digest/prepare-digest.ts';
import { dialectSuite } from '../store/dialects.ts';
import { DRILL_SEEDS, seedDrills } from '../server/drill-fixtures.ts';
import { dayAt, message } from './fixtures.ts';

const NOW = new Date('2026-11-16T08:00:00Z');
const DRILL: DigestDrill = { week: '2026-W47', messageId: '12', text: 'Je suis très inquiète <pour> ma commande.', link: 'https://ecoute.example.com/#/drills' };

describe('digest drill block', () => {
  const insights = computeInsights({
    messages: [message({ at: dayAt(8), a: { sentiment: 'negative', themes: ['delay'] } })], surveys: [], employees: [],
    settings: { language: 'fr', desiredEmotions: {} }, now: NOW,
  });

  it('rides along with the weekly digest in French and English, escaped in HTML', () => {
    const digest = buildDigest(insights, { period: 'week', now: NOW, drill: DRILL });
    expect(digest.drill).toEqual(DRILL);
    const fr = renderDigestMarkdown(digest, 'fr');
    expect(fr).toContain("## Exercice d'empathie de la semaine (2026-W47)");
    expect(fr).toContain('Répondez ici : https://ecoute.example.com/#/drills');
    expect(fr).toContain('— un client (anonymisé)');
    expect(renderDigestText(digest, 'en')).toContain('*Empathy drill of the week (2026-W47)*');
    expect(renderDigestHtml(digest, 'en')).toContain('&lt;pour&gt;');
  });

  it('is left out of daily digests and when there is no drill', () => {
    expect(buildDigest(insights, { period: 'day', now: NOW, drill: DRILL }).drill).toBeUndefined();
    const none = buildDigest(insights, { period: 'week', now: NOW, drill: null });
    expect(none).not.toHaveProperty('drill');
    expect(renderDigestMarkdown(none, 'fr')).not.toContain('Exercice');
  });
});

dialectSuite('prepared digest with the drill of the week', ({ open }) => {
  it("takes the first scenario of this week's drill, with the dashboard link when the public address is set", async () => {
    const store = await open();
    await seedDrills(store, 'w');
    const monday = new Date('2026-11-30T08:00:00Z');
    const week = await prepareDigest(store, 'w', 'week', monday, 'en', { publicUrl: 'https://ecoute.example.com' });
    expect(week.digest.drill).toMatchObject({ week: '2026-W49', link: 'https://ecoute.example.com/#/drills' });
    expect(DRILL_SEEDS.filter((s) => s.language === 'en').map((s) => s.text)).toContain(week.digest.drill!.text);
    expect(week.message.text).toContain('Empathy drill of the week (2026-W49)');
    const fr = await prepareDigest(store, 'w', 'week', monday, 'fr');
    expect(fr.markdown).toContain('page Exercices (ecoute serve)');
    expect((await prepareDigest(store, 'w', 'day', monday, 'fr')).digest.drill).toBeUndefined();
    expect((await prepareDigest(store, 'w', 'week', monday, 'fr', { drill: false })).digest.drill).toBeUndefined();
  });
});
