import { describe, expect, it } from 'vitest';
import type { MessageFact } from '../../src/core/facts.ts';
import type { Need } from '../../src/core/labels.ts';
import { groupCustomerFacts } from '../../src/insights/customer-facts.ts';
import { buildCustomerProfiles } from '../../src/insights/customer-profiles.ts';
import { customersBeforeNewestDay, PersonasMemo } from '../../src/insights/persona-fit.ts';
import { computePersonas } from '../../src/insights/personas.ts';
import { message } from './fixtures.ts';

const DAY = 86_400_000;
const START = Date.parse('2026-09-01T08:00:00Z');
const KINDS: { need: Need; theme: string; channel: 'chat' | 'email' | 'call'; segment: string }[] = [
  { need: 'speed', theme: 'delay', channel: 'chat', segment: 'pro' },
  { need: 'reassurance', theme: 'account_access', channel: 'email', segment: 'home' },
  { need: 'fairness', theme: 'price', channel: 'call', segment: 'premium' },
];

/** Customer `c`'s message on day `day`: three kinds of customers, with a little mixing so k-means has work to do. */
function said(c: number, day: number, i = 0): MessageFact {
  const kind = KINDS[(c + (day % 5 === 4 ? 1 : 0)) % 3];
  return message({
    messageId: `m${c}-${day}-${i}`, conversationId: `c${c}-${day}`, customerId: `cust-${c}`, customerRef: `cust-${c}`,
    segment: KINDS[c % 3].segment, channel: kind.channel, at: new Date(START + day * DAY + c * 60_000 + i * 1000),
    text: `Message ${c} du jour ${day}`, a: { needs: [kind.need], themes: [kind.theme], sentiment: c % 4 === 0 ? 'positive' : 'negative' },
  });
}

/** Sixty customers over ten days, in time order. */
function history(): MessageFact[] {
  const out: MessageFact[] = [];
  for (let day = 0; day < 10; day++) for (let c = 0; c < 60; c++) if ((c + day) % 4 === 0) out.push(said(c, day));
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

const personasOf = (messages: readonly MessageFact[], memo?: PersonasMemo) => {
  const profiles = buildCustomerProfiles(messages, []);
  return computePersonas(profiles.values(), { memo, fitOn: customersBeforeNewestDay(groupCustomerFacts(messages, []), profiles, memo) });
};

describe('the customers personas are fitted on', () => {
  it('are every customer as they were when the newest day began', () => {
    const base = history();
    const today = [said(1, 10), said(2, 10), said(61, 10)]; // two known customers write again, one new
    const all = [...base, ...today];
    const profiles = buildCustomerProfiles(all, []);
    const fitted = customersBeforeNewestDay(groupCustomerFacts(all, []), profiles)!;
    const before = buildCustomerProfiles(base, []);
    expect(fitted.map((p) => p.customerId)).toEqual([...before.keys()].sort((a, b) => a.localeCompare(b)));
    // Customers who did not write today are their own profile; the others their profile before today.
    expect(fitted.find((p) => p.customerId === 'cust-3')).toBe(profiles.get('cust-3'));
    expect(fitted.find((p) => p.customerId === 'cust-1')).toEqual(before.get('cust-1'));
    expect(profiles.get('cust-1')!.analysed).toBe(before.get('cust-1')!.analysed + 1);
  });

  it('are every customer as they are when the earlier ones are half or fewer', () => {
    const oneDay = Array.from({ length: 12 }, (_, c) => said(c, 0));
    expect(customersBeforeNewestDay(groupCustomerFacts(oneDay, []), buildCustomerProfiles(oneDay, []))).toBeNull();
    const mostlyToday = [...Array.from({ length: 6 }, (_, c) => said(c, 0)), ...Array.from({ length: 6 }, (_, c) => said(c + 6, 1))];
    expect(customersBeforeNewestDay(groupCustomerFacts(mostlyToday, []), buildCustomerProfiles(mostlyToday, []))).toBeNull();
    const notMostly = [...Array.from({ length: 7 }, (_, c) => said(c, 0)), ...Array.from({ length: 6 }, (_, c) => said(c + 7, 1))];
    expect(customersBeforeNewestDay(groupCustomerFacts(notMostly, []), buildCustomerProfiles(notMostly, []))).toHaveLength(7);
  });
});

describe('the personas memo', () => {
  it('keeps the fit through a day of arrivals and gives what a computation without it gives', () => {
    const memo = new PersonasMemo();
    let messages = history();
    const check = (reused: boolean) => {
      const got = personasOf(messages, memo);
      expect(got).toEqual(personasOf(messages));
      expect(memo.last.reused).toBe(reused);
      return got;
    };
    const first = check(false);
    expect(first.length).toBeGreaterThanOrEqual(3);
    // Day 10 begins: refitted once (day 9's customers join the fit), then kept through the day's batches.
    messages = [...messages, said(5, 10)];
    check(false);
    for (let batch = 1; batch <= 3; batch++) {
      messages = [...messages, ...[0, 7, 20, 33, 64].map((c) => said(c + batch, 10, batch))];
      const grown = check(true);
      expect(grown.reduce((s, p) => s + p.size, 0)).toBe(buildCustomerProfiles(messages, []).size);
    }
    // An earlier message re-analysed (a new fact object): that customer's earlier profile changed, so refitted.
    messages = messages.map((m) => (m.messageId === 'm3-1-0' ? { ...m, analysis: { ...m.analysis!, needs: [{ label: 'autonomy', score: 0.7, evidence: null }] } } : m));
    check(false);
    check(true);
    // A filtered view has its own fit, and the whole view's is still kept.
    const whole = messages;
    messages = whole.filter((m) => m.channel !== 'call');
    check(false);
    messages = whole;
    check(true);
    // The next day: refitted.
    messages = [...messages, said(8, 11)];
    check(false);
  });

  it('refits when a customer who wrote today has an earlier message re-analysed', () => {
    const memo = new PersonasMemo();
    let messages = [...history(), said(1, 10), said(2, 10)];
    personasOf(messages, memo);
    // cust-1 wrote today; its day-1 message re-read with another need: the earlier profile is folded again.
    messages = messages.map((m) => (m.messageId === 'm1-3-0' ? { ...m, analysis: { ...m.analysis!, needs: [{ label: 'information', score: 0.7, evidence: null }] } } : m));
    expect(personasOf(messages, memo)).toEqual(personasOf(messages));
    expect(memo.last.reused).toBe(false);
  });
});
