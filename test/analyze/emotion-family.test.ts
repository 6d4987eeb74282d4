import { describe, expect, it } from 'vitest';
import { EMOTION_FAMILY, headEmotions, refineEmotions } from '../../src/analyze/heads/emotion-family.ts';
import { EMOTIONS } from '../../src/core/labels.ts';

type E = { label: string; score: number; evidence: string | null };
const e = (label: string, score = 0.5, evidence: string | null = null): E => ({ label, score, evidence });
const make = (label: string, replaced: E): E => ({ label, score: 0.9, evidence: replaced.evidence });
const families = (xs: readonly E[]) => xs.map((x) => EMOTION_FAMILY[x.label as keyof typeof EMOTION_FAMILY]);

describe('refineEmotions: the head names the emotion inside the families the core found', () => {
  it('has a family for every emotion of the contract', () => {
    expect(Object.keys(EMOTION_FAMILY).sort()).toEqual([...EMOTIONS].sort());
  });

  it('puts anger before frustration, with the evidence the core found for its family, and keeps frustration', () => {
    const core = [e('frustration', 0.7, 'encore une fois'), e('disappointment')];
    expect(refineEmotions(core, 'anger', make)).toEqual([e('anger', 0.9, 'encore une fois'), e('frustration', 0.7, 'encore une fois'), e('disappointment')]);
  });

  it('moves the chosen emotion to the front when the core named it second', () => {
    const core = [e('disappointment'), e('frustration', 0.4, 'again')];
    expect(refineEmotions(core, 'frustration', make).map((x) => x.label)).toEqual(['frustration', 'disappointment']);
  });

  it('leaves the core as it is when the head chose nothing or a family the core did not find', () => {
    const core = [e('joy'), e('gratitude')];
    expect(refineEmotions(core, null, make)).toEqual(core);
    expect(refineEmotions(core, undefined, make)).toEqual(core);
    expect(refineEmotions(core, 'anxiety', make)).toEqual(core);
    expect(refineEmotions([], 'anger', make)).toEqual([]);
    expect(refineEmotions(core, 'not-an-emotion', make)).toEqual(core);
  });

  it('never adds or removes a family, and adds at most the one emotion it chose, whatever the head says', () => {
    const core = [e('confusion'), e('frustration'), e('relief')];
    for (const chosen of [...EMOTIONS, 'none']) {
      const out = refineEmotions(core, chosen, make);
      expect(out.length - core.length).toBeLessThanOrEqual(1);
      expect(new Set(families(out))).toEqual(new Set(families(core)));
      expect(out.filter((x) => !core.some((c) => c.label === x.label)).map((x) => x.label)).toEqual(out.length > core.length ? [chosen] : []);
    }
  });
});

describe('headEmotions: the head decides alone only where it is sure', () => {
  const makeKin = (label: string, kin: E | undefined): E => ({ label, score: 0.9, evidence: kin?.evidence ?? 'its own words' });

  it('below its threshold, refines inside the families as refineEmotions does', () => {
    const core = [e('frustration', 0.7, 'again'), e('joy')];
    expect(headEmotions(core, 'anxiety', false, makeKin)).toEqual(core);
    expect(headEmotions(core, 'anger', false, makeKin).map((x) => x.label)).toEqual(['anger', 'frustration', 'joy']);
    expect(headEmotions(core, null, false, makeKin)).toEqual(core);
  });

  it('when sure, puts its emotion first even in a family the core did not find, then the core\'s others on other text', () => {
    const core = [e('frustration', 0.7, 'again'), e('joy')];
    expect(headEmotions(core, 'anxiety', true, makeKin)).toEqual([e('anxiety', 0.9, 'its own words'), ...core]);
  });

  it('on a known customer\'s message, its runner-up (or nothing) in place of the core\'s others', () => {
    const core = [e('frustration', 0.7, 'again'), e('joy')];
    expect(headEmotions(core, 'anxiety', true, makeKin, null)).toEqual([e('anxiety', 0.9, 'its own words')]);
    expect(headEmotions(core, 'anxiety', true, makeKin, { label: 'anger' })).toEqual([e('anxiety', 0.9, 'its own words'), e('anger', 0.9, 'again')]);
    expect(headEmotions(core, 'anxiety', true, makeKin, { label: 'anxiety' })).toEqual([e('anxiety', 0.9, 'its own words')]);
    expect(headEmotions(core, 'anxiety', true, makeKin, { label: 'none' })).toEqual([e('anxiety', 0.9, 'its own words')]);
    // Below its threshold the runner-up plays no part: the core's families stand.
    expect(headEmotions(core, 'anger', false, makeKin, { label: 'sadness' }).map((x) => x.label)).toEqual(['anger', 'frustration', 'joy']);
  });

  it('when sure, borrows the evidence of the core\'s emotion of the same family, and does not repeat its own', () => {
    const core = [e('disappointment', 0.5, 'let down'), e('frustration', 0.4, 'third time')];
    expect(headEmotions(core, 'anger', true, makeKin)).toEqual([e('anger', 0.9, 'third time'), ...core]);
    expect(headEmotions(core, 'frustration', true, makeKin)).toEqual([e('frustration', 0.9, 'third time'), e('disappointment', 0.5, 'let down')]);
    expect(headEmotions(core, 'frustration', true, makeKin, { label: 'sadness' })).toEqual([e('frustration', 0.9, 'third time'), e('sadness', 0.9, 'let down')]);
  });

  it('when sure of no emotion, clears them; with no choice at all, leaves the core', () => {
    const core = [e('anger'), e('sadness')];
    expect(headEmotions(core, null, true, makeKin)).toEqual([]);
    expect(headEmotions(core, undefined, true, makeKin)).toEqual(core);
    expect(headEmotions(core, 'not-an-emotion', true, makeKin)).toEqual(core);
  });
});
