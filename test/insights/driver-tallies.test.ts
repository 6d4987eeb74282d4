import { describe, expect, it } from 'vitest';
import type { MessageFact, SurveyFact } from '../../src/core/facts.ts';
import type { Emotion } from '../../src/core/labels.ts';
import { DriversMemo } from '../../src/insights/driver-tallies.ts';
import { computeDrivers, conversationFactors } from '../../src/insights/key-drivers.ts';
import { message, survey } from './fixtures.ts';

const START = Date.parse('2026-09-01T08:00:00Z');
const THEMES = ['delay', 'price', 'billing_error', 'staff_attitude'];
const EMOTIONS: Emotion[] = ['anger', 'frustration', 'joy', 'anxiety'];

/** Sixty conversations of two customer messages (themes, a stage, emotions) and one or two answers of each kind. */
function facts(): { messages: MessageFact[]; surveys: SurveyFact[] } {
  const messages: MessageFact[] = [];
  const surveys: SurveyFact[] = [];
  for (let c = 0; c < 60; c++) {
    const conversationId = `c${c}`;
    for (let k = 0; k < 2; k++) {
      messages.push(message({
        messageId: `m${c}-${k}`, conversationId, at: new Date(START + c * 3_600_000 + k * 60_000), role: k === 1 && c % 5 === 0 ? 'agent' : 'customer',
        a: c % 11 === 7 && k === 0 ? null : { themes: [THEMES[(c + k) % 4], ...(c % 3 === 0 ? [THEMES[(c + 2) % 4]] : [])], stage: c % 2 ? 'billing' : 'delivery', emotions: [EMOTIONS[(c * (k + 1)) % 4]] },
      }));
    }
    surveys.push(survey('nps', (c * 7) % 11, { conversationId, at: new Date(START + c * 3_600_000 + 600_000) }));
    if (c % 4 === 0) surveys.push(survey('csat', 1 + ((c * 3) % 5), { conversationId, at: new Date(START + c * 3_600_000 + 700_000) }));
  }
  return { messages, surveys };
}

describe('the key drivers kept by difference', () => {
  it('give the reports of one pass through answers, re-analysis, new and deleted conversations and a filtered view', () => {
    const memo = new DriversMemo();
    let { messages, surveys } = facts();
    const check = (changed: number | null) => {
      for (const outcome of ['nps_detractor', 'csat_low'] as const) {
        const surveyed = new Set(surveys.map((s) => s.conversationId));
        const expected = computeDrivers(conversationFactors(messages, surveyed), surveys, outcome);
        const got = computeDrivers(conversationFactors(messages, surveyed, memo), surveys, outcome, undefined, memo);
        expect(got).toEqual(expected);
        expect(got.drivers.length).toBeGreaterThan(outcome === 'nps_detractor' ? 3 : 0);
        if (changed !== null && outcome === 'nps_detractor') expect(memo.lastChanged).toBe(changed);
      }
    };
    check(null);
    check(0);
    // A later answer in c3 (its old part taken back, its new one added), an earlier one in c4 (ignored).
    surveys = [...surveys, survey('nps', 10, { conversationId: 'c3', at: new Date(START + 200 * 3_600_000) }), survey('nps', 0, { conversationId: 'c4', at: new Date(START - 3_600_000) })];
    check(2);
    // A message of c8 re-analysed with another emotion (a new fact object): its factors change.
    messages = messages.map((m) => (m.messageId === 'm8-0' ? { ...m, analysis: { ...m.analysis!, emotions: [{ label: 'sadness', score: 0.8, evidence: null }] } } : m));
    check(2);
    // A new conversation with an answer; then the first ten conversations deleted (retention).
    messages = [...messages, message({ messageId: 'new', conversationId: 'c-new', at: new Date(START + 300 * 3_600_000), a: { themes: ['price'], emotions: ['anger'] } })];
    surveys = [...surveys, survey('nps', 2, { conversationId: 'c-new', at: new Date(START + 301 * 3_600_000) })];
    check(1);
    const gone = new Set(Array.from({ length: 10 }, (_, c) => `c${c}`));
    messages = messages.filter((m) => !gone.has(m.conversationId));
    surveys = surveys.filter((s) => !gone.has(s.conversationId));
    check(null);
    // A filtered view, then the whole again.
    const whole = { messages, surveys };
    messages = whole.messages.filter((m) => Number(m.conversationId.slice(1)) % 2 === 0);
    check(null);
    ({ messages, surveys } = whole);
    check(null);
  });
});
