import { beforeAll, describe, expect, it } from 'vitest';
import { coachBatch, coachReply, predictReply } from '../../src/act/coach/coach.ts';
import { DIMENSIONS, type CoachModel, type CoachResult } from '../../src/act/coach/coach-model.ts';
import { loadCoachModel } from '../../src/runtime/analysis/load-coach-model.ts';
import {
  EN_CUSTOMER, EN_GOOD, EN_OTHER_CUSTOMER, EN_TEMPLATE, FR_CUSTOMER, FR_GOOD, FR_OTHER_CUSTOMER, FR_TEMPLATE,
} from './coach-examples.ts';

let model: CoachModel;
beforeAll(async () => {
  // The committed model (models/coach.json), as the CLI and the server load it.
  model = await loadCoachModel();
});

/** The contract every result keeps, whatever the model says. */
function expectContract(r: CoachResult, id: unknown): void {
  expect(Object.keys(r).sort()).toEqual(['canned', 'dimensions', 'id', 'score', 'suggestions']);
  expect(r.id).toBe(id);
  expect(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100).toBe(true);
  expect(Object.keys(r.dimensions)).toEqual([...DIMENSIONS]);
  for (const d of DIMENSIONS) expect([0, 1, 2]).toContain(r.dimensions[d]);
  expect(typeof r.canned).toBe('boolean');
  // As in the labels: canned exactly when nothing of the message was used.
  expect(r.canned).toBe(r.dimensions.personalization === 0);
  for (const s of r.suggestions) {
    expect([...DIMENSIONS, 'canned']).toContain(s.dimension);
    expect(s.text.length).toBeGreaterThan(20);
  }
  // One suggestion per dimension below 2 (exploration may be skipped), plus one for canned.
  const weak = DIMENSIONS.filter((d) => r.dimensions[d] < 2 && d !== 'exploration');
  for (const d of weak) expect(r.suggestions.some((s) => s.dimension === d)).toBe(true);
  expect(r.suggestions.some((s) => s.dimension === 'canned')).toBe(r.canned);
  for (const d of DIMENSIONS) if (r.dimensions[d] === 2) expect(r.suggestions.some((s) => s.dimension === d)).toBe(false);
}

describe.each([
  ['en', EN_CUSTOMER, EN_GOOD, EN_TEMPLATE],
  ['fr', FR_CUSTOMER, FR_GOOD, FR_TEMPLATE],
] as const)('coachReply (%s)', (lang, customer, good, template) => {
  it('keeps the result contract', () => {
    expectContract(coachReply({ id: `${lang}-1`, customer, reply: good }, model), `${lang}-1`);
    expectContract(coachReply({ id: 7, customer, reply: template }, model), 7);
    expectContract(coachReply({ id: null, customer, reply: 'OK.' }, model), null);
  });

  it('scores a tailored reply well above a template', () => {
    const g = coachReply({ id: 'g', customer, reply: good }, model);
    const t = coachReply({ id: 't', customer, reply: template }, model);
    expect(g.score).toBeGreaterThanOrEqual(70);
    expect(t.score).toBeLessThanOrEqual(40);
    expect(g.canned).toBe(false);
    expect(t.canned).toBe(true);
    expect(g.dimensions.ownership).toBe(2);
    expect(g.dimensions.emotionalReaction).toBe(2);
    expect(g.dimensions.personalization).toBe(2);
    expect(t.dimensions.ownership).toBeLessThan(2);
    expect(t.dimensions.interpretation).toBe(0);
  });

  it('writes suggestions in the reply language that quote the customer', () => {
    const t = coachReply({ id: 't', customer, reply: template }, model);
    expect(t.suggestions.length).toBeGreaterThanOrEqual(3);
    for (const s of t.suggestions) {
      const quoted = [...s.text.matchAll(lang === 'fr' ? /« ([^»]+) »/g : /"([^"]+)"/g)].map((m) => m[1]);
      // The first quote is always the customer's own words, verbatim.
      expect(quoted.length, s.text).toBeGreaterThan(0);
      expect(customer, s.text).toContain(quoted[0]);
      if (lang === 'fr') expect(s.text).toMatch(/\b(vous|votre|la personne|leur|réponse)\b/);
      else expect(s.text).toMatch(/\b(they|their|them|reply)\b/);
      expect(s.text).not.toMatch(lang === 'fr' ? /\bthey\b/ : /\b(vous|votre)\b/);
    }
  });
});

describe('suggestions', () => {
  it('name the feeling the customer wrote and the reference they gave', () => {
    const t = coachReply({ id: 't', customer: EN_CUSTOMER, reply: EN_TEMPLATE }, model);
    const er = t.suggestions.find((s) => s.dimension === 'emotionalReaction');
    expect(er?.text).toMatch(/worried/);
    expect(er?.text).toMatch(/how worrying this is/);
    expect(t.suggestions.find((s) => s.dimension === 'personalization')?.text).toContain('order #QW-55213');
    expect(t.suggestions.find((s) => s.dimension === 'ownership')?.text).toContain('third call');
    const fr = coachReply({ id: 't', customer: FR_CUSTOMER, reply: FR_TEMPLATE }, model);
    expect(fr.suggestions.find((s) => s.dimension === 'emotionalReaction')?.text).toMatch(/« .*inquiète.* ».*votre inquiétude/);
  });

  it('follow the lang given over the one guessed', () => {
    const t = coachReply({ id: 't', customer: EN_CUSTOMER, reply: EN_TEMPLATE, lang: 'fr' }, model);
    expect(t.suggestions[0].text).toMatch(/« /);
  });

  it('do not ask for a question where one would intrude', () => {
    const customer = 'My father passed away last month. Please close his account, no need to reply.';
    const r = coachReply({ id: 'b', customer, reply: 'Account closed.' }, model);
    expect(r.dimensions.exploration).toBeLessThan(2);
    expect(r.suggestions.some((s) => s.dimension === 'exploration')).toBe(false);
    const other = coachReply({ id: 'c', customer: EN_OTHER_CUSTOMER, reply: 'Done.' }, model);
    expect(other.suggestions.some((s) => s.dimension === 'exploration')).toBe(true);
  });
});

describe('canned near-duplicates across a batch', () => {
  // A template the model never saw, lightly filled in: content alone may not call it canned.
  const tpl = (name: string) => `Hello ${name}, we have received your message and one of our advisers will look into it. Our opening hours are 9 to 6 on weekdays. Have a lovely day, Support`;

  it('flags a reply sent almost unchanged to a different customer, and says to whom', () => {
    const results = coachBatch([
      { id: 1, customer: EN_CUSTOMER, reply: tpl('Dana') },
      { id: 2, customer: EN_OTHER_CUSTOMER, reply: tpl('Sam') },
      { id: 3, customer: FR_OTHER_CUSTOMER, reply: FR_GOOD },
    ], model);
    expect(results.map((r) => r.canned)).toEqual([true, true, false]);
    expect(results[0].dimensions.personalization).toBe(0);
    expect(results[0].suggestions.find((s) => s.dimension === 'canned')?.text).toMatch(/reply 2/);
    expect(results[1].suggestions.find((s) => s.dimension === 'canned')?.text).toMatch(/reply 1/);
  });

  it('finds templates from the batch alone when the content head and template memory are off', () => {
    const batchOnly: CoachModel = { ...model, canned: { ...model.canned, threshold: 2, templates: [] } };
    expect(predictReply(EN_CUSTOMER, tpl('Dana'), batchOnly).canned).toBe(false);
    const results = coachBatch([
      { id: 1, customer: EN_CUSTOMER, reply: tpl('Dana') },
      { id: 2, customer: EN_OTHER_CUSTOMER, reply: tpl('Sam') },
      { id: 3, customer: FR_OTHER_CUSTOMER, reply: FR_GOOD },
    ], batchOnly);
    expect(results.map((r) => r.canned)).toEqual([true, true, false]);
  });

  it('does not count two replies to the same customer as a template', () => {
    const p = predictReply(EN_CUSTOMER, tpl('Dana'), model, {});
    const results = coachBatch([
      { id: 1, customer: EN_CUSTOMER, reply: tpl('Dana') },
      { id: 2, customer: EN_CUSTOMER, reply: tpl('Dana') },
    ], model);
    expect(results.map((r) => r.canned)).toEqual([p.canned, p.canned]);
    expect(results[0].suggestions.some((s) => /reply 2/.test(s.text))).toBe(false);
  });

  it('is deterministic and order-preserving', () => {
    const inputs = [
      { id: 'a', customer: FR_CUSTOMER, reply: FR_TEMPLATE },
      { id: 'b', customer: FR_OTHER_CUSTOMER, reply: FR_TEMPLATE },
      { id: 'c', customer: EN_CUSTOMER, reply: EN_GOOD },
    ];
    const once = coachBatch(inputs, model);
    expect(coachBatch(inputs, model)).toEqual(once);
    expect(once.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(once[0].suggestions.at(-1)?.text).toMatch(/presque identique à la réponse b/);
  });
});
