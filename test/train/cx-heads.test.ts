/**
 * The learned heads' trainer and decision code on made-up messages (none from ../shared): the folds,
 * the decisions (none, second labels, theme cap), determinism, and that the trained heads learn a
 * cue the rules do not know.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import { decideHeads, withRuleThemes, RULE_JOIN_MAX_CHARS, SECOND_EMOTION_AT } from '../../src/analyze/heads/decide-heads.ts';
import { sentimentAndEmotions, sentimentForEmotions, withSentiment } from '../../src/analyze/heads/sentiment-emotions.ts';
import { EMOTION_FAMILY } from '../../src/analyze/heads/emotion-family.ts';
import type { HeadData, HeadName } from '../../src/analyze/heads/head-model.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';
import { checkModel } from '../../src/runtime/analysis/load-model.ts';
import type { LabelledMessage } from '../../scripts/data/labelled-messages.ts';
import { assignFolds } from '../../scripts/train/cx-heads/folds.ts';
import { decideAll, fitHeads, FIT_DEFAULTS } from '../../scripts/train/cx-heads/fit-heads.ts';
import { headExamples } from '../../scripts/train/cx-heads/head-examples.ts';
import { chooseLabelThresholds, chooseRuleJoin, chooseThreshold, type OutOfFold } from '../../scripts/train/cx-heads/thresholds.ts';

const head = (name: HeadName, mode: 'softmax' | 'ovr', labels: string[], offset: number, threshold?: number): HeadData => ({ name, mode, labels, offset, threshold });

describe('decideHeads', () => {
  const heads = new Map<HeadName, HeadData>([
    ['need', head('need', 'softmax', ['information', 'fairness', 'none'], 0)],
    ['needs', head('needs', 'ovr', ['information', 'fairness'], 3, 0.4)],
    ['themes', head('themes', 'ovr', ['a', 'b', 'c', 'd'], 5, 0.5)],
    ['stage', head('stage', 'softmax', ['billing', 'none'], 9)],
    ['churn', head('churn', 'ovr', ['churn'], 11, 0.3)],
  ]);
  it('reads "none" as no need and no stage', () => {
    const d = decideHeads(heads, new Map([['need', [0.1, 0.2, 0.7]], ['needs', [0.9, 0.9]], ['stage', [0.4, 0.6]]]));
    expect(d.needs).toEqual([]);
    expect(d.stage).toBeNull();
  });
  it('adds a second need above its threshold, strongest first, never the first again', () => {
    const d = decideHeads(heads, new Map([['need', [0.2, 0.7, 0.1]], ['needs', [0.45, 0.99]]]));
    expect(d.needs?.map((c) => c.label)).toEqual(['fairness', 'information']);
    const low = decideHeads(heads, new Map([['need', [0.2, 0.7, 0.1]], ['needs', [0.35, 0.99]]]));
    expect(low.needs?.map((c) => c.label)).toEqual(['fairness']);
  });
  it('keeps at most three themes, by probability, and applies the yes/no threshold', () => {
    const d = decideHeads(heads, new Map([['themes', [0.6, 0.9, 0.7, 0.8]], ['churn', [0.31]]]));
    expect(d.themes?.map((c) => c.label)).toEqual(['b', 'd', 'c']);
    expect(d.churn).toBe(true);
    expect(decideHeads(heads, new Map([['churn', [0.29]]])).churn).toBe(false);
  });
  it('applies a language\'s own threshold to its messages, the general one to other languages', () => {
    const byLang = new Map(heads);
    byLang.set('churn', { ...heads.get('churn')!, thresholdByLang: { en: 0.6, fr: 0.2 } });
    byLang.set('themes', { ...heads.get('themes')!, thresholdByLang: { en: 0.75 } });
    const p = new Map<HeadName, number[]>([['churn', [0.31]], ['themes', [0.6, 0.9, 0.7, 0.8]]]);
    expect(decideHeads(byLang, p, { lang: 'en' }).churn).toBe(false);
    expect(decideHeads(byLang, new Map<HeadName, number[]>([['churn', [0.21]]]), { lang: 'fr' }).churn).toBe(true);
    expect(decideHeads(byLang, p, { lang: 'de' }).churn).toBe(true);
    expect(decideHeads(byLang, p).churn).toBe(true);
    expect(decideHeads(byLang, p, { lang: 'en' }).themes?.map((c) => c.label)).toEqual(['b', 'd']);
    expect(decideHeads(byLang, p, { lang: 'fr' }).themes?.map((c) => c.label)).toEqual(['b', 'd', 'c']);
  });
  it('lets the sentiment head decide only on a customer\'s message, after dividing by its prior, where sure', () => {
    const sure = new Map(heads);
    sure.set('sentiment', { ...head('sentiment', 'softmax', ['negative', 'neutral', 'positive'], 12), freeAbove: 0.6, prior: [0.5, 0.25, 0.25] });
    sure.set('customer', head('customer', 'softmax', ['other', 'customer'], 15));
    const at = (s: number[], customer: number) => decideHeads(sure, new Map<HeadName, number[]>([['sentiment', s], ['customer', [1 - customer, customer]]])).sentiment;
    // 0.5 / 0.3 / 0.2 divided by the prior reads 1 / 1.2 / 0.8: neutral, at 0.4 once normalised (not sure).
    expect(at([0.5, 0.3, 0.2], 0.9)).toBeNull();
    // 0.4 / 0.1 / 0.5 reads 0.8 / 0.4 / 2, positive at 0.625: sure; score on the positive side.
    const pos = at([0.4, 0.1, 0.5], 0.9)!;
    expect(pos.label).toBe('positive');
    expect(pos.p).toBeCloseTo(0.625, 6);
    expect(pos.score).toBeCloseTo(0.375, 3);
    // The same probabilities on a text the customer head reads as other text: the core's sentiment stands.
    expect(at([0.4, 0.1, 0.5], 0.4)).toBeNull();
    // Without the prior, 0.5 positive is not sure enough.
    sure.set('sentiment', { ...sure.get('sentiment')!, prior: undefined });
    expect(at([0.4, 0.1, 0.5], 0.9)).toBeNull();
    // A negative reading is scored on the negative side even when positive and negative are close.
    expect(at([0.7, 0.3, 0.0], 0.9)).toMatchObject({ label: 'negative', score: -0.7 });
    expect(decideHeads(heads, new Map()).sentiment).toBeUndefined();
  });
  it('lets the emotion head decide alone on a customer\'s message where the model says so, elsewhere only where sure', () => {
    const emo = new Map(heads);
    emo.set('emotion', { ...head('emotion', 'softmax', ['anger', 'joy', 'none'], 12), freeAbove: 0.8, freeOnCustomer: true });
    emo.set('customer', head('customer', 'softmax', ['other', 'customer'], 15));
    const at = (customer: number, h = emo) => decideHeads(h, new Map<HeadName, number[]>([['emotion', [0.4, 0.35, 0.25]], ['customer', [1 - customer, customer]]]));
    expect(at(0.9)).toMatchObject({ emotion: { label: 'anger' }, emotionFree: true });
    expect(at(0.5).emotionFree).toBe(true);
    // Other text: 0.4 is below freeAbove, so the head only refines the core's families.
    expect(at(0.49).emotionFree).toBe(false);
    // A message the core reads as sarcastic: only freeAbove lets the head decide alone.
    const probs = (e: number[]) => new Map<HeadName, number[]>([['emotion', e], ['customer', [0.1, 0.9]]]);
    expect(decideHeads(emo, probs([0.4, 0.35, 0.25]), { lang: 'en', sarcastic: true }).emotionFree).toBe(false);
    expect(decideHeads(emo, probs([0.85, 0.1, 0.05]), { lang: 'en', sarcastic: true }).emotionFree).toBe(true);
    const off = new Map(emo);
    off.set('emotion', { ...emo.get('emotion')!, freeOnCustomer: undefined });
    expect(at(0.9, off).emotionFree).toBe(false);
    // Without a customer head no message is known to be a customer's.
    const noCustomer = new Map(emo);
    noCustomer.delete('customer');
    expect(decideHeads(noCustomer, new Map<HeadName, number[]>([['emotion', [0.4, 0.35, 0.25]]])).emotionFree).toBe(false);
  });
  it('names the emotion head\'s runner-up as a known customer\'s second emotion from SECOND_EMOTION_AT, never none', () => {
    const emo = new Map(heads);
    emo.set('emotion', head('emotion', 'softmax', ['anger', 'anxiety', 'joy', 'none'], 12));
    const second = (p: number[]) => decideHeads(emo, new Map<HeadName, number[]>([['emotion', p]]), { knownCustomer: true }).emotion2;
    // On text not known to be a customer's, no runner-up is named (the core's next emotions follow).
    expect(decideHeads(emo, new Map<HeadName, number[]>([['emotion', [0.5, 0.3, 0.15, 0.05]]])).emotion2).toBeUndefined();
    expect(second([0.5, 0.3, 0.15, 0.05])).toEqual({ label: 'anxiety', p: 0.3, col: 13 });
    // The runner-up when the main emotion is not the first label, ties to the lower index.
    expect(second([0.2, 0.6, 0.2, 0])).toEqual({ label: 'anger', p: 0.2, col: 12 });
    expect(second([SECOND_EMOTION_AT, 0.8, 0.05, 0])?.label).toBe('anger');
    expect(second([0.14, 0.8, 0.06, 0])).toBeNull();
    // None as runner-up, or as the main emotion, gives no second.
    expect(second([0.5, 0.1, 0.1, 0.3])).toBeNull();
    expect(second([0.3, 0.2, 0.1, 0.4])).toBeNull();
  });
  it('reads a message the caller knows to be a customer\'s as one, whatever the customer head guesses', () => {
    const both = new Map(heads);
    both.set('emotion', { ...head('emotion', 'softmax', ['anger', 'joy', 'none'], 12), freeAbove: 0.8, freeOnCustomer: true });
    both.set('sentiment', { ...head('sentiment', 'softmax', ['negative', 'neutral', 'positive'], 15), freeAbove: 0.6 });
    both.set('customer', head('customer', 'softmax', ['other', 'customer'], 18));
    const probs = new Map<HeadName, number[]>([['emotion', [0.4, 0.35, 0.25]], ['sentiment', [0.8, 0.15, 0.05]], ['customer', [0.9, 0.1]]]);
    const guessed = decideHeads(both, probs, { lang: 'en' });
    expect(guessed.emotionFree).toBe(false);
    expect(guessed.sentiment).toBeNull();
    expect(guessed.knownCustomer).toBe(false);
    const known = decideHeads(both, probs, { lang: 'en', knownCustomer: true });
    expect(known).toMatchObject({ emotion: { label: 'anger' }, emotionFree: true, sentiment: { label: 'negative' }, knownCustomer: true });
    // Sarcasm still holds the emotion head back, known customer or not.
    expect(decideHeads(both, probs, { lang: 'en', sarcastic: true, knownCustomer: true }).emotionFree).toBe(false);
    // Without a sentiment or emotion head there is nothing to open.
    expect(decideHeads(heads, new Map(), { lang: 'en', knownCustomer: true }).sentiment).toBeUndefined();
  });
  it('lets the less sure of the sentiment and emotion heads yield where they break the checked rule (known customers)', () => {
    const both = new Map(heads);
    both.set('emotion', { ...head('emotion', 'softmax', ['anger', 'frustration', 'joy', 'trust', 'none'], 12), freeAbove: 0.8, freeOnCustomer: true });
    both.set('sentiment', { ...head('sentiment', 'softmax', ['negative', 'neutral', 'positive'], 17), freeAbove: 0.6 });
    const at = (sentiment: number[], emotion: number[], context: { knownCustomer?: boolean; sarcastic?: boolean } = { knownCustomer: true }) =>
      decideHeads(both, new Map<HeadName, number[]>([['sentiment', sentiment], ['emotion', emotion]]), { lang: 'en', ...context });
    // Negative at 0.8 against joy at 0.6: joy yields to the likeliest emotion a negative message allows.
    const surer = at([0.8, 0.1, 0.1], [0.05, 0.2, 0.6, 0.1, 0.05]);
    expect(surer).toMatchObject({ sentiment: { label: 'negative', p: 0.8 }, emotion: { label: 'frustration', p: 0.2, col: 13 } });
    // The runner-up, the likeliest after joy, is the emotion now: no second emotion.
    expect(surer.emotion2).toBeNull();
    expect(at([0.8, 0.1, 0.1], [0.3, 0.16, 0.5, 0.02, 0.02])).toMatchObject({ emotion: { label: 'anger' }, emotion2: null });
    // The emotion is the surer: it stands (the sentiment yields later, sentimentAndEmotions).
    expect(at([0.7, 0.2, 0.1], [0.05, 0.1, 0.75, 0.05, 0.05]).emotion?.label).toBe('joy');
    expect(at([0.75, 0.125, 0.125], [0.0625, 0.0625, 0.75, 0.0625, 0.0625]).emotion?.label).toBe('joy'); // a tie: the emotion stands
    // None is no emotion a negative message may lead with: it yields to a less likely one.
    expect(at([0.8, 0.1, 0.1], [0.05, 0.15, 0.05, 0.05, 0.7])).toMatchObject({ emotion: { label: 'frustration' }, emotion2: null });
    expect(at([0.65, 0.25, 0.1], [0.05, 0.15, 0.05, 0.05, 0.7]).emotion).toBeNull();
    // A positive reading against a hostile emotion: the likeliest emotion that is neither hostile nor none.
    expect(at([0.05, 0.05, 0.9], [0.5, 0.2, 0.1, 0.15, 0.05]).emotion).toMatchObject({ label: 'trust', p: 0.15 });
    // Readings that keep the rule are left alone, and so is a neutral one.
    expect(at([0.8, 0.1, 0.1], [0.1, 0.7, 0.1, 0.05, 0.05]).emotion?.label).toBe('frustration');
    expect(at([0.1, 0.8, 0.1], [0.05, 0.05, 0.8, 0.05, 0.05]).emotion?.label).toBe('joy');
    // Only where the emotion head decides alone on a known customer's message, and the sentiment head decided.
    expect(at([0.8, 0.1, 0.1], [0.05, 0.2, 0.6, 0.1, 0.05], { knownCustomer: true, sarcastic: true }).emotion?.label).toBe('joy');
    expect(at([0.8, 0.1, 0.1], [0.05, 0.2, 0.6, 0.1, 0.05], {}).emotion?.label).toBe('joy');
    expect(at([0.55, 0.3, 0.15], [0.05, 0.2, 0.6, 0.1, 0.05])).toMatchObject({ sentiment: null, emotion: { label: 'joy' } });
    // End to end: the sentiment head's negative reading now stands beside its negative emotion.
    const e = (...labels: string[]) => labels.map((label) => ({ label }));
    expect(sentimentAndEmotions(surer.sentiment, { label: 'neutral', score: 0 }, e(surer.emotion!.label), true).sentiment.label).toBe('negative');
  });
  it('keeps the guidelines\' checked rule: a positive reading yields to a hostile main emotion, and drops a hostile later one', () => {
    const e = (...labels: string[]) => labels.map((label) => ({ label }));
    expect(withSentiment('positive', e('gratitude', 'joy'))).toEqual(e('gratitude', 'joy'));
    expect(withSentiment('positive', e('joy', 'frustration'))).toEqual(e('joy'));
    expect(withSentiment('positive', e('frustration'))).toBeNull();
    expect(withSentiment('positive', e())).toEqual([]);
    expect(withSentiment('negative', e('anger', 'joy'))).toEqual(e('anger', 'joy'));
    expect(withSentiment('neutral', e('anger'))).toEqual(e('anger'));
  });
  it('holds the final sentiment to the dominant emotion, whichever model gave it', () => {
    const e = (...labels: string[]) => labels.map((label) => ({ label }));
    expect(sentimentForEmotions('negative', e('joy', 'sadness'))).toBe('positive');
    expect(sentimentForEmotions('negative', e('trust'))).toBe('positive');
    expect(sentimentForEmotions('negative', e())).toBe('neutral');
    expect(sentimentForEmotions('negative', e('neutral'))).toBe('neutral');
    expect(sentimentForEmotions('negative', e('sadness', 'joy'))).toBe('negative');
    expect(sentimentForEmotions('positive', e('frustration', 'joy'))).toBe('negative');
    expect(sentimentForEmotions('positive', e('joy', 'frustration'))).toBe('positive');
    expect(sentimentForEmotions('positive', e())).toBe('positive');
    expect(sentimentForEmotions('neutral', e('anger'))).toBe('neutral');
    expect(sentimentForEmotions('neutral', e('joy'))).toBe('neutral');
    const head = { label: 'positive', p: 0.9, col: 3, score: 0.8 };
    const core = { label: 'negative', score: -0.4 };
    // The head's positive reading yields to a hostile main emotion; the core's negative one then stands.
    expect(sentimentAndEmotions(head, core, e('anger', 'joy'), true)).toEqual({ sentiment: { label: 'negative', score: -0.4 }, emotions: e('anger', 'joy') });
    // The head's positive reading stands and drops a hostile later emotion.
    expect(sentimentAndEmotions(head, core, e('joy', 'anger'), true)).toEqual({ sentiment: { label: 'positive', score: 0.8 }, emotions: e('joy') });
    // Whoever gave it, a positive reading of a customer's message keeps no hostile emotion.
    expect(sentimentAndEmotions(null, { label: 'positive', score: 0.3 }, e('joy', 'frustration'), true)).toEqual({ sentiment: { label: 'positive', score: 0.3 }, emotions: e('joy') });
    expect(sentimentAndEmotions(null, { label: 'positive', score: 0.3 }, e('joy', 'frustration'), false).emotions).toEqual(e('joy', 'frustration'));
    // No head decision: the core's negative reading that leads with gratitude becomes positive, its score kept.
    expect(sentimentAndEmotions(null, core, e('gratitude'), true)).toEqual({ sentiment: { label: 'positive', score: -0.4 }, emotions: e('gratitude') });
    expect(sentimentAndEmotions(undefined, core, e(), true)).toEqual({ sentiment: { label: 'neutral', score: -0.4 }, emotions: [] });
    // Text that is not a customer's keeps its reading.
    expect(sentimentAndEmotions(null, core, e('gratitude'), false)).toEqual({ sentiment: { label: 'negative', score: -0.4 }, emotions: e('gratitude') });
    expect(sentimentAndEmotions(head, core, e('anger', 'joy'), false)).toEqual({ sentiment: { label: 'negative', score: -0.4 }, emotions: e('anger', 'joy') });
  });
  it('applies a theme\'s own threshold where the model has one per label', () => {
    const byLabel = new Map(heads);
    byLabel.set('themes', { ...heads.get('themes')!, thresholdByLabel: [0.65, 0.95, 0.2, 0.5], thresholdByLang: { en: 0.1 } });
    const p = new Map<HeadName, number[]>([['themes', [0.6, 0.9, 0.3, 0.5]]]);
    // a: 0.6 < 0.65; b: 0.9 < 0.95; c: 0.3 ≥ 0.2; d: 0.5 ≥ 0.5. The per-label thresholds win over the language's.
    expect(decideHeads(byLabel, p, { lang: 'en' }).themes?.map((c) => c.label)).toEqual(['d', 'c']);
  });
  it('decides nothing for a head the model lacks (the rules keep it)', () => {
    const d = decideHeads(heads, new Map([['need', [1, 0, 0]]]));
    expect(d.urgency).toBeUndefined();
    expect(d.vulnerable).toBeUndefined();
  });
});

describe('assignFolds', () => {
  it('stratifies by language and is the same for the same seed', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ id: `m${i}`, lang: i % 4 === 0 ? 'fr' : 'en' }));
    const f = assignFolds(items, 5, 7);
    expect(assignFolds(items, 5, 7)).toEqual(f);
    for (let k = 0; k < 5; k++) {
      expect(items.filter((it, i) => f[i] === k && it.lang === 'fr').length).toBe(2);
      expect(items.filter((it, i) => f[i] === k && it.lang === 'en').length).toBe(6);
    }
  });
});

/**
 * Made-up labelled messages: churn is said with a word the CX lexicon does not hold ("skedaddle"), by an
 * angry customer; some calm ones carry the "neutral" emotion label the guidelines allow.
 */
function corpus(): LabelledMessage[] {
  const base = { sentiment: 'negative', emotions: ['frustration'], needs: ['resolution'], themes: ['technical'], stage: 'usage', urgency: 'medium', vulnerable: false, reason: null } as const;
  const out: LabelledMessage[] = [];
  const devices = ['router', 'app', 'meter', 'card reader', 'set-top box', 'printer', 'modem', 'kiosk', 'tablet', 'scanner'];
  for (let i = 0; i < 30; i++) {
    const d = devices[i % devices.length];
    out.push({ ...base, emotions: ['anger'], needs: [...base.needs], themes: [...base.themes], id: `t${i}`, lang: 'en', text: `The ${d} stopped working again on day ${i + 2}, I will skedaddle to a rival.`, churn_intent: true });
    out.push({ ...base, emotions: i % 3 === 0 ? ['neutral'] : [...base.emotions], needs: [...base.needs], themes: [...base.themes], id: `u${i}`, lang: 'en', text: `The ${d} stopped working again on day ${i + 2}, please send someone.`, churn_intent: false });
  }
  return out;
}

describe('fitHeads', async () => {
  const model = await loadModel();
  delete model.cxHeads;
  const msgs = corpus();
  const { examples } = headExamples(model, msgs);
  const opts = { ...FIT_DEFAULTS, innerFolds: 3 };
  const data = fitHeads(examples, opts);

  it('is deterministic: the same messages give the same bytes', () => {
    expect(JSON.stringify(fitHeads(examples, opts))).toBe(JSON.stringify(data));
  });
  it('learns a churn cue the rules do not know, and the model it makes loads', () => {
    const unseen = headExamples(model, [
      { ...msgs[0], id: 'x1', text: 'The kettle stopped working again on day 40, I will skedaddle to a rival.' },
      { ...msgs[1], id: 'x2', text: 'The kettle stopped working again on day 40, please send someone.' },
    ]);
    expect(unseen.rules.map((r) => r.churn)).toEqual([false, false]);
    expect(decideAll(data, unseen.examples).map((d) => d.churn)).toEqual([true, false]);
    const withHeads = checkModel(JSON.parse(JSON.stringify({ ...model, cxHeads: data })));
    expect(analyze('The kettle stopped working again, I will skedaddle to a rival.', { model: withHeads }).signals.churnIntent).toBe(true);
    expect(analyze('The kettle stopped working again, I will skedaddle to a rival.', { model: withHeads, rulesOnly: true }).signals.churnIntent).toBe(false);
  });
  /**
   * The trained heads with the emotion head's freeAbove set (undefined: never on its own) and, unless
   * `onCustomer`, without freeOnCustomer (every made-up message reads as a customer's: no general lines).
   */
  const withFree = (freeAbove: number | undefined, onCustomer = false) => {
    const m = JSON.parse(JSON.stringify({ ...model, cxHeads: data }));
    const emotion = m.cxHeads.heads.find((h: HeadData) => h.name === 'emotion');
    if (freeAbove === undefined) delete emotion.freeAbove; else emotion.freeAbove = freeAbove;
    if (!onCustomer) delete emotion.freeOnCustomer;
    return checkModel(m);
  };
  it('stores the emotion head\'s freeAbove and freeOnCustomer from the options, and neither when told never', () => {
    const emotion = data.heads.find((h) => h.name === 'emotion')!;
    expect(emotion.freeAbove).toBe(FIT_DEFAULTS.emotionFreeAbove);
    expect(emotion.freeOnCustomer).toBe(FIT_DEFAULTS.emotionOnCustomer);
    const never = fitHeads(examples, { ...opts, emotionFreeAbove: 1.01, emotionOnCustomer: false }).heads.find((h) => h.name === 'emotion')!;
    expect(never.freeAbove).toBeUndefined();
    expect(never.freeOnCustomer).toBeUndefined();
  });
  it('stores the sentiment head\'s threshold and its training prior (one added per label), and neither when told never', () => {
    const s = data.heads.find((h) => h.name === 'sentiment')!;
    expect(s.freeAbove).toBe(FIT_DEFAULTS.sentimentAbove);
    const counts = ['negative', 'neutral', 'positive'].map((l) => examples.filter((e) => e.msg.sentiment === l).length + 1);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(s.prior).toEqual(counts.map((c) => Math.round((c / total) * 10000) / 10000));
    const never = fitHeads(examples, { ...opts, sentimentAbove: 1.01 }).heads.find((h) => h.name === 'sentiment')!;
    expect(never.freeAbove).toBeUndefined();
    expect(never.prior).toBeUndefined();
  });
  it('names the customer\'s emotion inside the family the core found, and no other family, below freeAbove', () => {
    const text = 'The kettle stopped working again, so annoying, I will skedaddle to a rival.';
    const withHeads = withFree(undefined);
    const core = analyze(text, { model: withHeads, rulesOnly: true }).emotions.map((e) => e.label);
    // The core reads frustration (the anger family); the made-up corpus calls a customer who leaves angry.
    expect(core[0]).toBe('frustration');
    const refined = analyze(text, { model: withHeads }).emotions;
    expect(refined[0].label).toBe('anger');
    expect(refined[0].evidence).not.toBeNull();
    expect(new Set(refined.map((e) => EMOTION_FAMILY[e.label]))).toEqual(new Set(core.map((l) => EMOTION_FAMILY[l as keyof typeof EMOTION_FAMILY])));
    expect(refined.map((e) => e.label)).toContain('frustration');
    // Without "so annoying" the core reads joy: the head, for which a customer who leaves is angry,
    // may not move the message to another family.
    const joy = 'The kettle stopped working again, I will skedaddle to a rival.';
    expect(analyze(joy, { model: withHeads, rulesOnly: true }).emotions.map((e) => e.label)).toEqual(['joy']);
    expect(analyze(joy, { model: withHeads }).emotions.map((e) => e.label)).toEqual(['joy']);
  });
  it('at or above freeAbove, puts the head\'s emotion first even in a family the core did not find, with evidence', () => {
    const joy = 'The kettle stopped working again, I will skedaddle to a rival.';
    const d = decideAll(data, headExamples(model, [{ ...msgs[0], id: 'j', text: joy }]).examples)[0];
    const p = d.emotion!;
    expect(p.label).toBe('anger');
    const sure = analyze(joy, { model: withFree(p.p) }).emotions;
    expect(sure.map((e) => e.label)).toEqual(['anger', 'joy']);
    // Known to be a customer's, the head is so sure (0.99) that no runner-up reaches SECOND_EMOTION_AT,
    // and the core's joy does not follow.
    expect(decideAll(data, headExamples(model, [{ ...msgs[0], id: 'j', text: joy }]).examples, true)[0].emotion2).toBeNull();
    expect(analyze(joy, { model: withFree(p.p), customer: true }).emotions.map((e) => e.label)).toEqual(['anger']);
    expect(sure[0].evidence).toBeTruthy();
    // Just above the head's probability it is not sure enough: the family stays the core's.
    expect(analyze(joy, { model: withFree(Math.min(1, p.p + 0.001)) }).emotions.map((e) => e.label)).toEqual(['joy']);
    // ... unless the message is a customer's and the model lets the head decide there (freeOnCustomer).
    expect(analyze(joy, { model: withFree(undefined, true) }).emotions.map((e) => e.label)).toEqual(['anger', 'joy']);
  });
  it('lets general-domain lines train the emotion, sentiment and customer heads alone: every other head decides as without them', () => {
    const lines: LabelledMessage[] = Array.from({ length: 24 }, (_, i) => ({
      id: `g${i}`, lang: 'en', text: `Lovely song number ${i}, the chorus made my whole week, skedaddle!`, sentiment: 'positive',
      emotions: ['joy'], needs: [], themes: [], stage: null, churn_intent: false, urgency: 'low', vulnerable: false, reason: null,
    }));
    const general = headExamples(model, lines).examples.map((e) => ({ ...e, general: true }));
    const withGeneral = fitHeads([...examples, ...general], opts);
    // Their words join the vocabulary after the customer messages' own.
    expect(withGeneral.features.length).toBeGreaterThan(data.features.length);
    expect(withGeneral.heads.map((h) => h.threshold)).toEqual(data.heads.map((h) => h.threshold));
    const probe = headExamples(model, [...msgs, { ...msgs[0], id: 'q', text: 'Lovely song, the chorus made my week, I will skedaddle to a rival.' }]).examples;
    const a = decideAll(data, probe);
    const b = decideAll(withGeneral, probe);
    const others = (d: (typeof a)[number]) => ({ ...d, emotion: undefined, emotionFree: undefined, sentiment: undefined, needs: d.needs?.map((c) => c.label), themes: d.themes?.map((c) => c.label), stage: d.stage?.label });
    expect(b.map(others)).toEqual(a.map(others));
    // The emotion head learnt from them: the song reads as joy with them, as the customers' anger without.
    expect(a.at(-1)!.emotion?.label).toBe('anger');
    expect(b.at(-1)!.emotion?.label).toBe('joy');
  });
  it('refuses a model whose heads do not fit their matrix', () => {
    const broken = JSON.parse(JSON.stringify({ ...model, cxHeads: data }));
    broken.cxHeads.bias.pop();
    expect(() => checkModel(broken)).toThrow(/customer-message heads malformed/);
    const badThreshold = JSON.parse(JSON.stringify({ ...model, cxHeads: data }));
    badThreshold.cxHeads.heads.find((h: HeadData) => h.name === 'churn').thresholdByLang = { en: 'high' };
    expect(() => checkModel(badThreshold)).toThrow(/customer-message heads malformed/);
    const shortByLabel = JSON.parse(JSON.stringify({ ...model, cxHeads: data }));
    shortByLabel.cxHeads.heads.find((h: HeadData) => h.name === 'themes').thresholdByLabel = [0.5, 0.5];
    expect(() => checkModel(shortByLabel)).toThrow(/customer-message heads malformed/);
    const badPrior = JSON.parse(JSON.stringify({ ...model, cxHeads: data }));
    badPrior.cxHeads.heads.find((h: HeadData) => h.name === 'sentiment').prior = [0.5, 0, 0.5];
    expect(() => checkModel(badPrior)).toThrow(/customer-message heads malformed/);
    const badFree = JSON.parse(JSON.stringify({ ...model, cxHeads: data }));
    badFree.cxHeads.heads.find((h: HeadData) => h.name === 'emotion').freeAbove = 'sure';
    expect(() => checkModel(badFree)).toThrow(/customer-message heads malformed/);
    const badOnCustomer = JSON.parse(JSON.stringify({ ...model, cxHeads: data }));
    badOnCustomer.cxHeads.heads.find((h: HeadData) => h.name === 'emotion').freeOnCustomer = 'yes';
    expect(() => checkModel(badOnCustomer)).toThrow(/customer-message heads malformed/);
    const unknownJoin = JSON.parse(JSON.stringify({ ...model, cxHeads: data }));
    unknownJoin.cxHeads.heads.find((h: HeadData) => h.name === 'themes').ruleJoin = ['delay', 'weather'];
    expect(() => checkModel(unknownJoin)).toThrow(/customer-message heads malformed/);
  });
  it('gives each language with enough messages its own thresholds when asked', () => {
    const fr = msgs.map((m, i) => ({ ...m, id: `f${i}`, lang: 'fr', text: m.text.replace('The', 'Le') }));
    const both = headExamples(model, [...msgs, ...fr]).examples;
    const perLang = fitHeads(both, { ...opts, langThresholds: true, langThresholdMin: 20 });
    const churn = perLang.heads.find((h) => h.name === 'churn')!;
    expect(Object.keys(churn.thresholdByLang ?? {})).toEqual(['en', 'fr']);
    expect(typeof churn.threshold).toBe('number');
    expect(perLang.heads.filter((h) => h.thresholdByLang).map((h) => h.name)).toEqual(['needs', 'themes', 'churn', 'vulnerable']);
    // 60 messages of each language are under the 300 a language needs by default: one threshold.
    const few = fitHeads(both, { ...opts, langThresholds: true, langThresholdMin: 300 });
    expect(few.heads.every((h) => h.thresholdByLang === undefined)).toBe(true);
    expect(data.heads.every((h) => h.thresholdByLang === undefined)).toBe(true);
  });
  it('gives each theme its own threshold when asked, and the model it makes loads', () => {
    const perLabel = fitHeads(examples, { ...opts, themeLabelThresholds: true });
    const themes = perLabel.heads.find((h) => h.name === 'themes')!;
    expect(themes.thresholdByLabel).toHaveLength(themes.labels.length);
    expect(themes.thresholdByLabel!.every((t) => t >= 0.1 && t <= 0.9)).toBe(true);
    expect(perLabel.heads.filter((h) => h.thresholdByLabel).map((h) => h.name)).toEqual(['themes']);
    expect(checkModel(JSON.parse(JSON.stringify({ ...model, cxHeads: perLabel }))).cxHeads?.heads.find((h) => h.name === 'themes')?.thresholdByLabel)
      .toEqual(themes.thresholdByLabel);
  });
});

describe('the rules\' themes joined to the head\'s', () => {
  it('adds the rules\' themes after the head\'s, three at most, only those `joined` names when given', () => {
    const head = [{ label: 'delay' }];
    const rules = [{ label: 'billing' }, { label: 'delay' }, { label: 'price' }, { label: 'booking' }];
    expect(withRuleThemes(head, rules, undefined, 40).map((t) => t.label)).toEqual(['delay', 'billing', 'price']);
    expect(withRuleThemes(head, rules, ['booking', 'delay'], 40).map((t) => t.label)).toEqual(['delay', 'booking']);
    expect(withRuleThemes(head, rules, [], 40).map((t) => t.label)).toEqual(['delay']);
  });
  it('joins them on terse messages only: up to RULE_JOIN_MAX_CHARS characters', () => {
    const head = [{ label: 'delay' }];
    const rules = [{ label: 'billing' }];
    expect(withRuleThemes(head, rules, undefined, RULE_JOIN_MAX_CHARS).map((t) => t.label)).toEqual(['delay', 'billing']);
    expect(withRuleThemes(head, rules, undefined, RULE_JOIN_MAX_CHARS + 1).map((t) => t.label)).toEqual(['delay']);
  });
  it('joins a theme only where the rules raised its F1 on the out-of-fold messages', () => {
    const themes: HeadData = { name: 'themes', mode: 'ovr', labels: ['delay', 'billing'], offset: 0 };
    const heads = new Map<HeadName, HeadData>([['themes', themes]]);
    const msg = (id: string, t: string[]): LabelledMessage => ({ id, lang: 'en', text: id, sentiment: 'negative', emotions: ['frustration'], needs: [], themes: t, stage: null, churn_intent: false, urgency: 'low', vulnerable: false, reason: id });
    // The rules find the delay the head misses (m1) and name billing where there is none (m2, m3).
    const oof: OutOfFold[] = [
      { msg: msg('m1', ['delay']), heads, probs: new Map([['themes', [0.1, 0]]]), ruleThemes: ['delay'] },
      { msg: msg('m2', ['delay']), heads, probs: new Map([['themes', [0.9, 0]]]), ruleThemes: ['delay', 'billing'] },
      { msg: msg('m3', ['billing']), heads, probs: new Map([['themes', [0, 0.9]]]), ruleThemes: ['billing'] },
      { msg: msg('m4', []), heads, probs: new Map([['themes', [0, 0.1]]]), ruleThemes: ['billing'] },
    ];
    expect(chooseRuleJoin('themes', oof, 0.5)).toEqual(['delay']);
  });
});

describe('theme thresholds judged as shipped', () => {
  // Theme `delay` is named by the rules on m1 (where it is right) and by nobody on m2; the head gives both 0.35.
  const themes: HeadData = { name: 'themes', mode: 'ovr', labels: ['delay', 'billing'], offset: 0 };
  const heads = new Map<HeadName, HeadData>([['themes', themes]]);
  const msg = (id: string, t: string[]): LabelledMessage => ({ id, lang: 'en', text: id, sentiment: 'negative', emotions: ['frustration'], needs: [], themes: t, stage: null, churn_intent: false, urgency: 'low', vulnerable: false, reason: id });
  const oof = (withRules: boolean): OutOfFold[] => [
    { msg: msg('m1', ['delay']), heads, probs: new Map([['themes', [0.35, 0]]]), ...(withRules ? { ruleThemes: ['delay'] } : {}) },
    { msg: msg('m2', []), heads, probs: new Map([['themes', [0.35, 0]]]), ...(withRules ? { ruleThemes: [] } : {}) },
  ];
  it('judged on the head alone, a low threshold finds m1 at the price of m2', () => {
    expect(chooseThreshold('themes', oof(false))).toBeLessThanOrEqual(0.35);
  });
  it('judged with the rules\' themes joined, it rises above the head\'s 0.35: the rules already find m1', () => {
    expect(chooseThreshold('themes', oof(true))).toBeGreaterThan(0.35);
    expect(chooseLabelThresholds('themes', oof(true), 0.5)[0]).toBeGreaterThan(0.35);
    expect(chooseLabelThresholds('themes', oof(false), 0.5)[0]).toBeLessThanOrEqual(0.35);
  });
});
