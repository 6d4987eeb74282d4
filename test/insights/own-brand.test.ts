import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/insights/compute-insights.ts';
import { isOwnBrand, resolveOwnBrand } from '../../src/insights/own-brand.ts';
import type { MessageFact, SurveyFact } from '../../src/core/facts.ts';
import type { WorkspaceSettings } from '../../src/core/workspace.ts';
import { WorkspaceSettingsSchema } from '../../src/core/workspace.ts';
import { message, survey } from './fixtures.ts';

const NOW = new Date('2026-11-10T00:00:00Z');
const settings = (over: Partial<WorkspaceSettings> = {}): WorkspaceSettings => ({ language: 'fr', desiredEmotions: {}, ...over });

/** One analysed customer message in its own conversation, with a CSAT answer on that conversation. */
function contact(id: string, over: Partial<MessageFact>, sentiment: 'negative' | 'positive', themes: string[], csat: number, surveyOver: Partial<SurveyFact> = {}) {
  const m = message({ conversationId: id, messageId: `${id}-m`, ...over, a: { sentiment, themes } });
  const s = survey('csat', csat, { conversationId: id, customerId: m.customerId, brand: m.brand, channel: m.channel, ...surveyOver });
  return { m, s };
}

describe('own brand vs competitors', () => {
  // Own: three untagged billing tickets (CSAT 2), two untagged happy chats (CSAT 5), one review of the own
  // brand spelled differently (technical, 2 stars). Competitor: four RivalCo reviews about price (1 star).
  const rows = [
    ...[1, 2, 3].map((i) => contact(`bill${i}`, { customerId: `u${i}`, channel: 'ticket' }, 'negative', ['billing'], 2)),
    ...[4, 5].map((i) => contact(`happy${i}`, { customerId: `u${i}`, channel: 'chat' }, 'positive', [], 5)),
    contact('own-review', { customerId: 'u6', channel: 'review', brand: 'AZUR TELECOM' }, 'negative', ['technical'], 2),
    ...[1, 2, 3, 4].map((i) => contact(`rival${i}`, { customerId: i === 1 ? 'rival-reviewer' : null, channel: 'review', brand: 'RivalCo' }, 'negative', ['price'], 1)),
  ];
  const input = { messages: rows.map((r) => r.m), surveys: rows.map((r) => r.s), employees: [], now: NOW };

  it('keeps a competitor\'s pains out of themes, drivers, scores and customers', () => {
    const ins = computeInsights({ ...input, settings: settings({ brand: 'Azur Télécom' }) });
    // Own analysed messages: 6. billing 3/6 = 0.5, technical 1/6; price (4 competitor reviews) absent.
    expect(ins.themes.map((t) => [t.theme, t.messages, t.share])).toEqual([['billing', 3, 0.5], ['technical', 1, 0.167]]);
    // Low CSAT (1–3) over the 6 own surveyed conversations: 3 billing + 1 technical = 4 bad.
    // billing: 3/3 bad with vs 1/3 without; technical (n=1) is under minWith=3. With RivalCo counted,
    // price (4/4 bad) would have been the top driver.
    expect(ins.drivers.lowCsat).toMatchObject({ n: 6 });
    expect(ins.drivers.lowCsat.drivers.map((d) => [d.label, d.withN, d.withBad, d.withoutN, d.withoutBad])).toEqual([['billing', 3, 3, 3, 1]]);
    // CSAT: 2 satisfied of 6 own answers (the four 1-star RivalCo reviews are not ours).
    expect(ins.csat).toMatchObject({ responses: 6, satisfied: 2 });
    expect(ins.messages.customer).toBe(6);
    expect(ins.customers.total).toBe(6);
    expect(ins.scores.byBrand.map((g) => g.key)).toEqual(['AZUR TELECOM']);
  });

  it('lines the own brand, over all its messages, up with each competitor', () => {
    const ins = computeInsights({ ...input, settings: settings({ brand: 'Azur Télécom' }) });
    const [us, rival, ...rest] = ins.competitors;
    expect(rest).toEqual([]);
    // Own line: the 5 untagged messages plus the tagged review = 6; stars only from the one own review.
    expect(us).toMatchObject({ brand: 'Azur Télécom', own: true, messages: 6, stars: { mean: 2, responses: 1 }, csat: { responses: 6, satisfied: 2 } });
    // 4 of 6 own messages are negative, 2 positive.
    expect(us.sentiment).toEqual({ negative: 0.667, neutral: 0, positive: 0.333 });
    expect(us.topThemes.map((t) => [t.label, t.count])).toEqual([['billing', 3], ['technical', 1]]);
    expect(rival).toMatchObject({ brand: 'RivalCo', own: false, messages: 4, stars: { mean: 1, responses: 4 }, csat: { responses: 4, satisfied: 0 } });
    expect(rival.topThemes).toEqual([{ label: 'price', name: { fr: 'Prix', en: 'Price' }, count: 4, share: 1 }]);
  });

  it('without a brand in settings, labels the own line "Nous"/"Us" and treats tagged reviews as competitors', () => {
    // Only reviews carry brands here, so no brand is inferred: the own-brand review counts as a competitor.
    const fr = computeInsights({ ...input, settings: settings() });
    expect(fr.competitors.map((b) => [b.brand, b.own, b.messages])).toEqual([['Nous', true, 5], ['RivalCo', false, 4], ['AZUR TELECOM', false, 1]]);
    expect(fr.themes.map((t) => t.theme)).toEqual(['billing']);
    const en = computeInsights({ ...input, settings: settings({ language: 'en' }) });
    expect(en.competitors[0]).toMatchObject({ brand: 'Us', own: true });
  });

  it('infers the own brand when it is the only brand seen outside reviews', () => {
    const messages = [
      message({ brand: 'Azur', channel: 'ticket' }),
      message({ brand: null, channel: 'chat' }),
      message({ brand: 'azur', channel: 'review' }),
      message({ brand: 'Rival', channel: 'review' }),
    ];
    const own = resolveOwnBrand(messages, []);
    expect(own).toEqual({ key: 'azur', name: 'Azur', source: 'inferred' });
    expect(messages.map((m) => isOwnBrand(m.brand, own))).toEqual([true, true, true, false]);
    // A second brand outside reviews makes it ambiguous: only untagged facts are own.
    const two = resolveOwnBrand([...messages, message({ brand: 'Beta', channel: 'email' })], []);
    expect(two).toEqual({ key: null, name: null, source: 'none' });
    expect(isOwnBrand('Azur', two)).toBe(false);
    expect(isOwnBrand('  ', two)).toBe(true);
    // Settings win, compared case-, accent- and spacing-insensitively.
    const named = resolveOwnBrand(messages, [], ' Azur  Télécom ');
    expect(isOwnBrand('AZUR TELECOM', named)).toBe(true);
    expect(isOwnBrand('Azur', named)).toBe(false);
  });

  it('keeps the brand setting optional and rejects an empty one with a hint', () => {
    expect(WorkspaceSettingsSchema.parse({})).toEqual({ language: 'fr', desiredEmotions: {} });
    expect(WorkspaceSettingsSchema.parse({ brand: ' Azur Télécom ' }).brand).toBe('Azur Télécom');
    expect(() => WorkspaceSettingsSchema.parse({ brand: ' ' })).toThrow(/leave it out/);
  });
});
