import { describe, expect, it } from 'vitest';
import type { MessageFact, SurveyFact } from '../../src/core/facts.ts';
import type { Emotion, Stage } from '../../src/core/labels.ts';
import { computeDaySections, DaySectionsMemo } from '../../src/insights/day-sections.ts';
import { QuotePicker } from '../../src/insights/verbatims.ts';
import { message, survey } from './fixtures.ts';

const DAY = 86_400_000;
const START = Date.parse('2026-08-03T00:00:00Z'); // a Monday
const SETTINGS = { language: 'fr' as const, desiredEmotions: { delivery: 'joy' as const } };
const THEMES = ['delay', 'billing', 'wait_time', 'technical'];
const EMOS: Emotion[] = ['frustration', 'anger', 'joy', 'anxiety'];
const STAGES: Stage[] = ['delivery', 'billing', 'support', 'usage'];
// Two texts, each repeated with a digit after it: many quotes score the same, so any verbatim that
// depended on the order of the offers would show.
const TEXTS = ['Colis toujours pas livré malgré mes relances répétées au service', 'Facture erronée encore ce mois ci, je demande une correction rapide'];

/**
 * `n` messages over `days` days in time order, several a day, conversations spanning days, a spike of
 * delay in the last week, the same reason worded differently on different days, an agent reply now
 * and then, and an unanalysed message.
 */
function facts(n: number, days: number, salt = 0): MessageFact[] {
  const out: MessageFact[] = [];
  for (let i = 0; i < n; i++) {
    const day = Math.floor((i * days) / n);
    const late = day >= days - 7;
    const theme = late && i % 4 !== 1 ? 'delay' : THEMES[(i + salt) % THEMES.length];
    out.push(message({
      messageId: `m${String(i).padStart(5, '0')}`,
      conversationId: `c${i % 37}`,
      at: new Date(START + Math.floor((i * days * DAY) / n)),
      role: i % 11 === 5 ? 'agent' : 'customer',
      channel: i % 3 === 0 ? 'chat' : 'email',
      text: `${TEXTS[i % 2]} ${i % 7}`,
      a: i % 13 === 7 ? null : {
        sentiment: i % 4 === 0 ? 'positive' : 'negative',
        themes: i % 5 === 0 ? [theme, THEMES[(i + 1) % 4]] : [theme],
        emotions: [EMOS[(i + salt) % 4], EMOS[(i + 1) % 4]],
        stage: i % 6 === 1 ? null : STAGES[i % 4],
        reason: i % 3 === 0 ? (day % 2 === 0 ? 'Colis en retard.' : 'colis en  retard') : null,
      },
    }));
  }
  return out;
}

/** `n` survey answers over `days` days in time order, of every kind, cut by channel, team and segment. */
function answers(n: number, days: number): SurveyFact[] {
  return Array.from({ length: n }, (_, i) => survey((['nps', 'csat', 'ces'] as const)[i % 3], i % 3 === 0 ? i % 11 : (i % 5) + 1, {
    at: new Date(START + Math.floor((i * days * DAY) / n)),
    channel: i % 2 ? 'chat' : 'email',
    team: `team-${i % 3}`,
    segment: i % 4 ? 'pro' : null,
  }));
}

describe('day sections', () => {
  it('are the same from per-day tallies as from one pass, and recount only the days that changed', () => {
    const memo = new DaySectionsMemo();
    const base = facts(600, 70);
    let surveys = answers(300, 70);
    const check = (messages: MessageFact[]) => {
      const expected = computeDaySections(messages, surveys, SETTINGS);
      expect(computeDaySections(messages, surveys, SETTINGS, memo)).toEqual(expected);
      return expected;
    };
    const first = check(base);
    expect(first.scores.byTeam.length).toBe(3);
    expect(first.scores.byWeek.length).toBe(10);
    expect(first.spikes.some((s) => s.label === 'delay' && s.example !== null)).toBe(true);
    expect(first.themes[0].verbatims.length).toBe(5);
    expect(first.journey.stages.find((s) => s.stage === 'delivery')!.topReasons.length).toBeGreaterThan(0);
    expect(memo.messages.last).toEqual({ reused: 0, counted: 70 });
    check(base);
    expect(memo.messages.last).toEqual({ reused: 70, counted: 0 });
    // One message re-analysed (a new fact object, as the held facts make it): its day alone is recounted.
    const rewritten = base.map((m, i) => (i === 300 ? { ...m, analysis: { ...m.analysis!, themes: [{ label: 'price', score: 0.9, evidence: null }] } } : m));
    check(rewritten);
    expect(memo.messages.last).toEqual({ reused: 69, counted: 1 });
    // A batch of new messages on two new days.
    const later = [...rewritten, ...facts(20, 2, 1).map((m, i) => ({ ...m, messageId: `n${i}`, at: new Date(m.at.getTime() + 70 * DAY) }))];
    check(later);
    expect(memo.messages.last).toEqual({ reused: 70, counted: 2 });
    // A filtered view (one channel), then the whole again: both kept.
    check(later.filter((m) => m.channel === 'chat'));
    check(later);
    expect(memo.messages.last).toEqual({ reused: 72, counted: 0 });
    // New survey answers on one day: that day's answers alone are counted again.
    surveys = [...surveys, survey('nps', 10, { at: new Date(START + 69.9 * DAY), channel: 'chat', team: 'team-9' })];
    const withAnswer = check(later);
    expect(memo.surveys.last).toEqual({ reused: 69, counted: 1 });
    expect(withAnswer.scores.byTeam.map((g) => g.key)).toContain('team-9');
    // Old days deleted (retention).
    check(later.slice(200));
  });

  it('counts messages given out of time order in one pass, as before', () => {
    const memo = new DaySectionsMemo();
    const shuffled = facts(200, 20).reverse();
    expect(computeDaySections(shuffled, [], SETTINGS, memo)).toEqual(computeDaySections(shuffled, [], SETTINGS));
    expect(memo.messages.last).toEqual({ reused: 0, counted: 0 });
  });
});

describe('the quote picker', () => {
  it('picks the same quotes whatever the order of the offers, and the same merged from slices', () => {
    const ms = facts(60, 6);
    const pick = (order: MessageFact[]) => {
      const p = new QuotePicker(4);
      for (const m of order) p.offer(m, m.text.length % 3 === 0 ? 0.5 : 0.7);
      return p;
    };
    const expected = pick(ms).result();
    expect(pick([...ms].reverse()).result()).toEqual(expected);
    const merged = new QuotePicker(4);
    for (let k = 0; k < 6; k++) merged.mergeFrom(pick(ms.slice(k * 10, k * 10 + 10)));
    expect(merged.result()).toEqual(expected);
    // Ties are decided by the smaller message id.
    expect(expected.map((v) => v.messageId)).toEqual([...expected.map((v) => v.messageId)].sort());
  });
});
