import { describe, expect, it } from 'vitest';
import type { MessageFact, SurveyFact } from '../../src/core/facts.ts';
import type { Emotion } from '../../src/core/labels.ts';
import { computeCompetitors, CompetitorsMemo } from '../../src/insights/competitors.ts';
import { pickCompliments, ComplimentsMemo } from '../../src/insights/compliments.ts';
import { computeCustomersAtRisk, RiskMemo } from '../../src/insights/customers-at-risk.ts';
import { groupCustomerFacts } from '../../src/insights/customer-facts.ts';
import { CustomerMemo } from '../../src/insights/customer-memo.ts';
import { attributeTeams, customerTouches } from '../../src/insights/last-touch.ts';
import { resolveOwnBrand } from '../../src/insights/own-brand.ts';
import { TouchMemo } from '../../src/insights/touch-memo.ts';
import { message, survey } from './fixtures.ts';

const DAY = 86_400_000;
const START = Date.parse('2026-08-03T00:00:00Z');
// Spellings of one rival that differ by case, accents and spacing: the first seen names the brand.
const BRANDS = [null, 'Nous', 'Rival', 'RIVAL', 'Rïval  ', 'Autre'];
const EMOS: Emotion[] = ['gratitude', 'joy', 'frustration', 'trust', 'anger'];
// Praise texts of different lengths, some repeated, so many candidates tie and quotability varies.
const TEXTS = ['Merci beaucoup, livraison parfaite et conseiller adorable, je recommande vivement !', 'Super service', 'THANK YOU SO MUCH, GREAT JOB', 'Merci pour votre aide rapide et efficace, tout est réglé.'];

/** `n` messages over `days` days in time order: several brands, praise and complaints, some unanalysed. */
function facts(n: number, days: number, salt = 0): MessageFact[] {
  return Array.from({ length: n }, (_, i) => message({
    messageId: `m${salt}-${String(i).padStart(5, '0')}`,
    conversationId: `c${i % 29}`,
    customerId: `cust-${i % 23}`,
    customerValue: (i % 23) * 100,
    brand: BRANDS[(i + salt) % BRANDS.length],
    at: new Date(START + Math.floor((i * days * DAY) / n)),
    role: i % 11 === 5 ? 'agent' : 'customer',
    channel: i % 4 === 0 ? 'review' : 'chat',
    text: `${TEXTS[i % TEXTS.length]}${i % 3 === 0 ? '' : ` ${i % 5}`}`,
    a: i % 13 === 7 ? null : {
      sentiment: i % 3 === 2 ? 'negative' : 'positive',
      score: i % 3 === 2 ? -0.5 : 0.2 + (i % 7) / 10,
      emotions: [EMOS[(i + salt) % EMOS.length]],
      themes: i % 5 === 0 ? ['delay'] : i % 7 === 0 ? ['price'] : [],
      needs: i % 9 === 0 ? ['speed'] : [],
      churn: i % 17 === 3,
      repeat: i % 6 === 1,
    },
  }));
}

function answers(n: number, days: number): SurveyFact[] {
  return Array.from({ length: n }, (_, i) => survey((['nps', 'csat', 'ces'] as const)[i % 3], i % 3 === 0 ? i % 11 : (i % 5) + 1, {
    at: new Date(START + Math.floor((i * days * DAY) / n)),
    channel: i % 2 ? 'review' : 'email',
    brand: BRANDS[(i * 7) % BRANDS.length],
    customerId: `cust-${i % 23}`,
  }));
}

/** A new fact object for message `i`, as the held facts make one when its analysis changes. */
const reanalysed = (ms: MessageFact[], i: number, sentiment: 'positive' | 'negative'): MessageFact[] =>
  ms.map((m, j) => (j === i && m.analysis ? { ...m, analysis: { ...m.analysis, sentiment: { label: sentiment, score: sentiment === 'positive' ? 0.95 : -0.9 } } } : m));

describe('the competitors memo', () => {
  it('gives the brand profiles of one pass, counting again only the days that changed', () => {
    const memo = new CompetitorsMemo();
    let surveys = answers(200, 40);
    const check = (messages: MessageFact[], settingsBrand?: string) => {
      const own = resolveOwnBrand(messages, surveys, settingsBrand);
      const expected = computeCompetitors(messages, surveys, own, 'fr');
      expect(computeCompetitors(messages, surveys, own, 'fr', memo)).toEqual(expected);
      return expected;
    };
    const base = facts(500, 40);
    const first = check(base, 'Nous');
    expect(first.map((b) => b.brand)).toEqual(['Nous', 'Rival', 'Autre']);
    expect(first[1].messages).toBeGreaterThan(first[2].messages);
    expect(memo.messages.last).toEqual({ reused: 0, counted: 40 });
    // A rival's message re-analysed: its day alone is counted again.
    const rewritten = reanalysed(base, 302, 'negative');
    check(rewritten, 'Nous');
    expect(memo.messages.last).toEqual({ reused: 39, counted: 1 });
    // New days whose first rival message spells it differently: the earlier spelling stays.
    const later = [...rewritten, ...facts(30, 2, 3).map((m) => ({ ...m, at: new Date(m.at.getTime() + 40 * DAY) }))];
    expect(check(later, 'Nous')[1].brand).toBe('Rival');
    expect(memo.messages.last).toEqual({ reused: 40, counted: 2 });
    // Another own brand (the settings change), a new survey answer, then old days dropped (retention).
    check(later, 'Rival');
    expect(memo.messages.last).toEqual({ reused: 42, counted: 0 });
    surveys = [...surveys, survey('csat', 1, { brand: 'Autre', channel: 'review', at: new Date(START + 40.5 * DAY) })];
    check(later, 'Nous');
    expect(memo.surveys.last).toEqual({ reused: 40, counted: 1 });
    check(later.slice(100), 'Nous');
    // Out of time order: one pass, as before.
    check([...later].reverse(), 'Nous');
  });
});

describe('the compliments memo', () => {
  it('picks the compliments of one pass while the newest message, and so every age, moves', () => {
    const memo = new ComplimentsMemo();
    const check = (messages: MessageFact[]) => {
      const expected = pickCompliments(messages, 3);
      expect(pickCompliments(messages, 3, memo)).toEqual(expected);
      return expected;
    };
    const base = facts(400, 30);
    expect(check(base).length).toBe(3);
    expect(memo.days.last).toEqual({ reused: 0, counted: 30 });
    const rewritten = reanalysed(base, 120, 'positive');
    check(rewritten);
    expect(memo.days.last).toEqual({ reused: 29, counted: 1 });
    // Later days: every earlier candidate is older now, and the picks change.
    const later = [...rewritten, ...facts(40, 20, 1).map((m) => ({ ...m, at: new Date(m.at.getTime() + 60 * DAY) }))];
    expect(check(later)).not.toEqual(check(rewritten));
    check(later);
    expect(memo.days.last).toEqual({ reused: 50, counted: 0 });
    check([...later].reverse());
  });
});

describe('the risk memo', () => {
  it('gives the report of one scoring, scoring again only the customers whose profile changed', () => {
    const customers = new CustomerMemo();
    const memo = new RiskMemo();
    const check = (messages: MessageFact[], currency = 'EUR') => {
      const profiles = customers.profiles(groupCustomerFacts(messages, []));
      const expected = computeCustomersAtRisk(profiles.values(), undefined, undefined, currency);
      expect(computeCustomersAtRisk(profiles.values(), undefined, undefined, currency, memo)).toEqual(expected);
      return expected;
    };
    const base = facts(500, 40);
    const first = check(base);
    expect(first.count).toBeGreaterThan(0);
    expect(first.customers.some((c) => c.reasons.some((r) => r.code === 'high_value'))).toBe(true);
    // A churn signal for one more customer; then a customer worth more than anyone (the high-value bound moves).
    const churned = base.map((m, i) => (i === 40 && m.analysis ? { ...m, analysis: { ...m.analysis, signals: { ...m.analysis.signals, churnIntent: true } } } : m));
    expect(check(churned)).not.toEqual(first);
    check(churned.map((m) => (m.customerId === 'cust-3' ? { ...m, customerValue: 1_000_000 } : m)));
    check(churned, 'GBP');
  });
});

describe('the touch memo', () => {
  const TEAMS = [null, 'Niveau 1', 'Niveau 2', 'Expert'];
  /** Messages of 23 customers, some without a team, two touches of one customer at the same instant. */
  const touching = (n: number, salt = 0): MessageFact[] => facts(n, 40, salt).map((m, i) => ({
    ...m, team: TEAMS[(i + salt) % TEAMS.length], at: i % 50 === 1 ? new Date(m.at.getTime() - DAY) : m.at,
  }));
  /** Answers without a team, so each is attributed to its customer's last contact. */
  const untagged = answers(120, 45).map((s) => ({ ...s, team: null }));
  it('gives the touches and attribution of one pass, sorting again only the customers whose touches changed', () => {
    const memo = new TouchMemo();
    const check = (messages: MessageFact[]) => {
      const kept = memo.touches(messages);
      expect(kept).toEqual(customerTouches(messages));
      expect(attributeTeams(untagged, messages, kept)).toEqual(attributeTeams(untagged, messages));
    };
    const base = touching(500);
    check(base);
    expect(memo.last).toEqual({ reused: 0, counted: 23 });
    expect(attributeTeams(untagged, base).filter((t) => t.attributed).length).toBeGreaterThan(50);
    check(base);
    expect(memo.last).toEqual({ reused: 23, counted: 0 });
    // One message's team changes (a new fact object): its customer alone is sorted again.
    const moved = base.map((m, i) => (i === 101 ? { ...m, team: 'Expert' } : m));
    check(moved);
    expect(memo.last).toEqual({ reused: 22, counted: 1 });
    // A later batch for two customers, then a message removed (erasure, retention).
    const later = [...moved, ...touching(2, 1).map((m) => ({ ...m, at: new Date(m.at.getTime() + 50 * DAY) }))];
    check(later);
    expect(memo.last).toEqual({ reused: 21, counted: 2 });
    check(later.filter((_, i) => i !== 7));
    expect(memo.last.counted).toBe(1);
  });
});
