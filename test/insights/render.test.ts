import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { renderReportMarkdown } from '../../src/insights/render/report-markdown.ts';
import { renderReportHtml } from '../../src/insights/render/report-html.ts';
import { LABEL_NAMES } from '../../src/core/label-names.ts';
import { EMOTIONS, NEEDS, STAGES, THEMES, CHANNELS } from '../../src/core/labels.ts';
import type { InsightsInput } from '../../src/insights/types.ts';
import { dayAt, message, survey } from './fixtures.ts';

function input(): InsightsInput {
  const messages = [
    message({ at: dayAt(0), customerId: 'c1', customerName: 'Amélie', text: 'Livraison en retard de dix jours, personne ne répond <vraiment>.', a: { sentiment: 'negative', emotions: ['anger'], themes: ['delay'], stage: 'delivery', reason: 'Colis en retard' } }),
    message({ at: dayAt(1), customerId: 'c2', text: 'Merci à Paul, le remboursement est arrivé très vite.', a: { sentiment: 'positive', score: 0.8, emotions: ['gratitude'], stage: 'billing' } }),
    message({ at: dayAt(2), customerId: 'c3', text: 'Ma facture est incompréhensible, deux lignes pour le même service.', a: { sentiment: 'negative', emotions: ['confusion'], themes: ['billing'], stage: 'billing' } }),
  ];
  // NPS 3 promoters, 1 passive, 2 detractors → 16.7; CSAT 8/10 → 80 %
  const surveys = [10, 9, 9, 8, 3, 6].map((x) => survey('nps', x, { at: dayAt(1) }))
    .concat([5, 5, 4, 4, 4, 5, 4, 5, 2, 3].map((x) => survey('csat', x, { at: dayAt(1) })));
  return { messages, surveys, employees: [], settings: { language: 'fr', desiredEmotions: { delivery: 'relief' } }, now: new Date('2026-11-09T08:00:00Z') };
}

describe('report renderers', () => {
  const insights = computeInsights(input());

  it('writes the French Markdown report with the figures and French labels', () => {
    const md = renderReportMarkdown(insights);
    expect(md).toContain("# Rapport d'écoute client");
    expect(md).toMatch(/\| NPS \| 16,7 \| \[-55,1 ; 88,5\] \| 6 \|/);
    expect(md).toMatch(/\| CSAT \| 80 % \| \[49 ; 94,3\] \| 10 \|/);
    expect(md).toContain('Carte émotionnelle du parcours');
    expect(md).toContain('| Livraison | 100 %'); // anger share at delivery (1 of 1)
    expect(md).toContain('Colère');
    expect(md).toContain('Soulagement (0 %)'); // the signature moment target and its share
    expect(md).toContain('Colis en retard (1)');
    expect(md).toContain('« Livraison en retard de dix jours');
  });

  it('writes the English Markdown report on request', () => {
    const md = renderReportMarkdown(insights, 'en');
    expect(md).toContain('# Customer listening report');
    expect(md).toContain('| NPS | 16.7 | [-55.1, 88.5] | 6 |');
    expect(md).toContain('Anger');
    expect(md).toContain('“Livraison en retard');
  });

  it('writes a self-contained HTML page with a heatmap journey table, escaping customer text', () => {
    const html = renderReportHtml(insights);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<table class="heatmap">');
    expect(html).toMatch(/<td class="heat" style="background:rgba\(138,45,82,0\.85\);color:#fff">100 %<\/td>/);
    // gratitude at billing: 1 of 2 messages = 50 %, half the strongest cell → green at alpha 0.43
    expect(html).toContain('<td class="heat" style="background:rgba(31,122,90,0.43);color:inherit">50 %</td>');
    expect(html).toContain('16,7');
    expect(html).toContain('Colère');
    expect(html).toContain('&lt;vraiment&gt;');
    expect(html).not.toContain('<vraiment>');
    expect(html).not.toMatch(/<link|<script|src=|https?:\/\//);
  });

  it('the i18n dictionary names every label in both languages', () => {
    for (const [kind, codes] of [['emotions', EMOTIONS], ['needs', NEEDS], ['themes', THEMES], ['stages', STAGES], ['channels', CHANNELS]] as const) {
      const names = LABEL_NAMES[kind] as Record<string, { fr: string; en: string }>;
      for (const c of codes) {
        expect(names[c]?.fr, `${kind}.${c}`).toBeTruthy();
        expect(names[c]?.en, `${kind}.${c}`).toBeTruthy();
      }
    }
  });

  it('the JSON report is the Insights object with ISO dates', () => {
    const json = JSON.parse(JSON.stringify(insights));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['nps', 'csat', 'ces', 'messages', 'customers']));
    expect(json.nps).toMatchObject({ score: 16.7, promoters: 3, passives: 1, detractors: 2, responses: 6 });
    expect(json).toEqual(insights);
    expect(json.generatedAt).toBe('2026-11-09T08:00:00.000Z');
  });

  it('renders an empty workspace without failing', () => {
    const empty = computeInsights({ messages: [], surveys: [], employees: [], settings: { language: 'fr', desiredEmotions: {} }, now: new Date('2026-11-09T08:00:00Z') });
    expect(empty.nps).toEqual({ score: null, promoters: 0, passives: 0, detractors: 0, responses: 0, ci: null });
    expect(empty.personas).toEqual([]);
    const md = renderReportMarkdown(empty);
    expect(md).toContain('| NPS | — | — | 0 |');
    expect(md).toContain('Rien à signaler.');
    expect(renderReportHtml(empty, 'en')).toContain('Nothing to report.');
  });
});
