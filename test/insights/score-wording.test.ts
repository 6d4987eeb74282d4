import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { buildReportDocument } from '../../src/insights/render/report-document.ts';
import { scoreSentence } from '../../src/insights/render/score-wording.ts';
import { renderTerminalSummary } from '../../src/insights/render/terminal-summary.ts';
import { dayAt, message, survey } from './fixtures.ts';

const NOW = new Date('2026-11-16T08:00:00Z');

function insightsOf(surveys: ReturnType<typeof survey>[]) {
  const messages = [message({ at: dayAt(1), a: { sentiment: 'negative', themes: ['delay'] } })];
  return computeInsights({ messages, surveys, employees: [], settings: { language: 'fr', desiredEmotions: {} }, now: NOW });
}

describe('score sentences', () => {
  // NPS W45 (2–8 Nov): 10, 0 → 0. W46 (9–15 Nov): 10, 10, 9, 3 → (3 − 1) / 4 = 50.
  // Over the period: promoters 10, 10, 10, 9 (4), detractors 0, 3 (2) of 6 → 33.3.
  // CES W46 only: 2 and 5 → 3.5 (no week before). No CSAT at all.
  const ins = insightsOf([
    survey('nps', 10, { at: dayAt(1) }), survey('nps', 0, { at: dayAt(2) }),
    survey('nps', 10, { at: dayAt(8) }), survey('nps', 10, { at: dayAt(8) }), survey('nps', 9, { at: dayAt(9) }), survey('nps', 3, { at: dayAt(9) }),
    survey('ces', 2, { at: dayAt(8) }), survey('ces', 5, { at: dayAt(10) }),
  ]);

  it('say the period figure, the latest week and its move, in both languages', () => {
    expect(scoreSentence('nps', ins, 'en')).toBe('NPS 33.3 over the period; week 2026-W46: 50, +50 vs the week before');
    expect(scoreSentence('nps', ins, 'fr')).toBe('NPS 33,3 sur la période ; semaine 2026-W46 : 50, +50 vs la semaine précédente');
  });

  it('say plainly what is missing', () => {
    expect(scoreSentence('ces', ins, 'en')).toBe('CES 3.5 over the period; week 2026-W46: 3.5 (no answers the week before)');
    expect(scoreSentence('csat', ins, 'en')).toBe('CSAT: no answers over the period');
    expect(scoreSentence('csat', ins, 'fr')).toBe('CSAT : aucune réponse sur la période');
    // Answers in W45 only, messages later: the latest week (W46) had none.
    const old = insightsOf([survey('nps', 10, { at: dayAt(1) })]);
    const late = computeInsights({ messages: [message({ at: dayAt(9) })], surveys: [survey('nps', 10, { at: dayAt(1) })], employees: [], settings: { language: 'fr', desiredEmotions: {} }, now: NOW });
    expect(scoreSentence('nps', old, 'en')).toBe('NPS 100 over the period; week 2026-W45: 100 (no answers the week before)');
    expect(scoreSentence('nps', late, 'en')).toBe('NPS 100 over the period; no answers in week 2026-W46');
  });

  it('are the same words in the terminal summary and the report', () => {
    const sentence = scoreSentence('nps', ins, 'fr');
    expect(renderTerminalSummary(ins, 'fr')).toContain(sentence);
    const overview = buildReportDocument(ins, 'fr').sections.find((s) => s.id === 'overview');
    expect(overview?.paragraphs).toContain(`${sentence}.`);
    expect(renderTerminalSummary(ins, 'en')).toContain(scoreSentence('nps', ins, 'en'));
  });
});
