import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { fixFirst, topPains } from '../../src/insights/priorities.ts';
import { renderTerminalSummary } from '../../src/insights/render/terminal-summary.ts';
import { dayAt, message, survey } from './fixtures.ts';

const NOW = new Date('2026-11-16T08:00:00Z');

/** Six customers: four complain about a delay at delivery (three of them detractors), two are happy promoters. */
function insights() {
  const messages = [];
  const surveys = [];
  for (let i = 0; i < 4; i++) {
    const conversationId = `late-${i}`;
    messages.push(message({
      at: dayAt(i), conversationId, customerId: `c${i}`,
      text: `Ma box devait arriver lundi et toujours rien, commande ${i}.`,
      a: { sentiment: 'negative', stage: 'delivery', themes: ['delay'], emotions: ['anger'], reason: 'toujours rien' },
    }));
    surveys.push(survey('nps', i < 3 ? 2 : 8, { at: dayAt(i), conversationId }));
  }
  for (let i = 0; i < 2; i++) {
    const conversationId = `happy-${i}`;
    messages.push(message({
      at: dayAt(5 + i), conversationId, customerId: `h${i}`,
      text: 'Installation rapide et technicien très aimable, merci beaucoup !',
      a: { sentiment: 'positive', score: 0.9, stage: 'onboarding', emotions: ['gratitude'], reason: 'technicien très aimable' },
    }));
    surveys.push(survey('nps', 10, { at: dayAt(5 + i), conversationId }));
  }
  return computeInsights({ messages, surveys, employees: [], settings: { language: 'fr', desiredEmotions: {} }, now: NOW });
}

describe('terminal summary (ecoute demo)', () => {
  const ins = insights();

  it('prints the scores, the emotion of each stage with its reason, and the same priorities as the overview', () => {
    // NPS: promoters 2 (10, 10), passives 1 (8), detractors 3 (2, 2, 2) → (2 − 3) / 6 = −16.7
    expect(ins.nps.score).toBe(-16.7);
    const fr = renderTerminalSummary(ins, 'fr');
    expect(fr).toContain('NPS -16,7 sur la période');
    expect(fr).toContain('(IC 95 % [-88,5 ; 55,1], 6 réponses)');
    expect(fr).toContain('CSAT : aucune réponse sur la période\n');
    expect(fr).toMatch(/Livraison\s+Colère\s+4 — « toujours rien »/);
    expect(fr).toMatch(/Prise en main\s+Gratitude\s+2 — « technicien très aimable »/);
    const fix = fixFirst(ins, 3);
    expect(fix.map((d) => d.label)).toContain('delay');
    for (const d of fix) expect(fr).toContain(d.name.fr);
    const pains = topPains(ins, 3);
    expect(pains[0].theme).toBe('delay');
    expect(fr).toContain('Retard (4)');
  });

  it('speaks English when asked', () => {
    const en = renderTerminalSummary(ins, 'en');
    expect(en).toContain('Dominant emotion per journey stage');
    expect(en).toMatch(/Delivery\s+Anger/);
    expect(en).toContain('Delay (4)');
  });
});
