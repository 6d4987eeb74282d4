import { describe, expect, it } from 'vitest';
import { scoreOnLabelSide } from '../../src/core/sentiment-score.ts';

describe('scoreOnLabelSide', () => {
  it('keeps a score that agrees with its label', () => {
    expect(scoreOnLabelSide('positive', 0.73)).toBe(0.73);
    expect(scoreOnLabelSide('negative', -0.02)).toBe(-0.02);
    expect(scoreOnLabelSide('neutral', -0.19)).toBe(-0.19);
  });
  it('puts a score on the wrong side at a mid value on the label\'s side', () => {
    expect(scoreOnLabelSide('negative', 0.979)).toBe(-0.5);
    expect(scoreOnLabelSide('positive', -0.3)).toBe(0.5);
    expect(scoreOnLabelSide('positive', 0)).toBe(0.5);
    expect(scoreOnLabelSide('neutral', 0.518)).toBe(0);
    expect(scoreOnLabelSide('neutral', -0.2)).toBe(0);
  });
});
