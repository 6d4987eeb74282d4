import { describe, expect, it } from 'vitest';
import { chooseEmotions, type EmotionCandidate } from '../../src/analyze/emotions.ts';
import { EMOTIONS, type Emotion } from '../../src/core/labels.ts';

/** All twelve candidates, far below threshold unless given a ratio (and a cue strength). */
function cands(given: Partial<Record<Emotion, number | [number, number]>>): EmotionCandidate[] {
  return EMOTIONS.map((label, labelIndex) => {
    const g = given[label];
    const [ratio, cue] = Array.isArray(g) ? g : [g ?? 0.1, 0];
    return { label, labelIndex, ratio, p: ratio * 0.4, cue };
  });
}
const labels = (cs: EmotionCandidate[]) => cs.map((c) => c.label);

describe('choosing a message’s emotions', () => {
  it('gives a complaint that states a service problem frustration when nothing else stands out', () => {
    expect(labels(chooseEmotions(cands({}), 'negative', true))).toEqual(['frustration']);
  });

  it('leaves a bitter remark with no stated problem and no evidence without an emotion', () => {
    expect(labels(chooseEmotions(cands({ sadness: 0.3 }), 'negative', false))).toEqual([]);
    expect(labels(chooseEmotions(cands({ sadness: 0.6 }), 'negative', false))).toEqual(['sadness']);
  });

  it('leads a complaint with the emotion its own words name, then lets surprise follow', () => {
    const chosen = chooseEmotions(cands({ anger: [0.9, 0.9], surprise: 1.4, joy: 1.5 }), 'negative', true);
    expect(labels(chosen)).toEqual(['anger', 'surprise']);
  });

  it('drops hostile emotions from praise and puts a strong thank-you first', () => {
    const chosen = chooseEmotions(cands({ anger: 1.6, joy: 1.5, gratitude: [1.2, 0.8] }), 'positive', false);
    expect(labels(chosen)).toEqual(['gratitude', 'joy']);
  });

  it('keeps politeness out of a neutral request', () => {
    expect(labels(chooseEmotions(cands({ gratitude: [1.1, 0.5] }), 'neutral', false))).toEqual([]);
  });
});
