import { describe, expect, it } from 'vitest';
import { computeJourneyMap } from '../../src/insights/journey-map.ts';
import { message } from './fixtures.ts';

describe('journey emotion map', () => {
  it('counts emotions per stage on six facts and measures the gap to the signature moment', () => {
    const facts = [
      // delivery: 4 messages. anger ×2, frustration ×1 (with anger), joy ×1 → anger dominant (2/4 = 0.5)
      message({ a: { stage: 'delivery', emotions: ['anger', 'frustration'], reason: 'Colis en retard' } }),
      message({ a: { stage: 'delivery', emotions: ['anger'], reason: 'colis en retard.' } }),
      message({ a: { stage: 'delivery', emotions: ['joy'], reason: 'Livreur aimable' } }),
      message({ a: { stage: 'delivery', emotions: [] } }),
      // billing: 1 message, gratitude → target met
      message({ a: { stage: 'billing', emotions: ['gratitude'] } }),
      // no stage
      message({ a: { stage: null, emotions: ['anger'] } }),
    ];
    const map = computeJourneyMap(facts, { language: 'fr', desiredEmotions: { delivery: 'joy', billing: 'gratitude', renewal: 'trust' } });
    const delivery = map.stages.find((s) => s.stage === 'delivery')!;
    expect(delivery.messages).toBe(4);
    expect(delivery.counts.anger).toBe(2);
    expect(delivery.counts.frustration).toBe(1);
    expect(delivery.counts.joy).toBe(1);
    expect(delivery.neutral).toBe(1);
    expect(delivery.shares.anger).toBe(0.5);
    expect(delivery.dominantEmotion).toBe('anger');
    // 2 of 4 messages show a negative emotion
    expect(delivery.negativeShare).toBe(0.5);
    // "Colis en retard" and "colis en retard." fold to the same reason
    expect(delivery.topReasons[0]).toEqual({ reason: 'Colis en retard', count: 2 });
    // Reasons explain the dominant emotion (anger): the joyful "Livreur aimable" is not one of them
    expect(delivery.topReasons).toEqual([{ reason: 'Colis en retard', count: 2 }]);
    // desired joy: share 0.25, dominant anger 0.5 → gap 0.25
    expect(delivery).toMatchObject({ desiredEmotion: 'joy', desiredShare: 0.25, gap: 0.25, status: 'gap' });
    const billing = map.stages.find((s) => s.stage === 'billing')!;
    expect(billing).toMatchObject({ dominantEmotion: 'gratitude', gap: 0, status: 'met' });
    // No reason was given under the dominant emotion: all reasons of the stage are shown instead
    const support = computeJourneyMap(
      [message({ a: { stage: 'support', emotions: ['anger'] } }), message({ a: { stage: 'support', emotions: ['joy'], reason: 'Merci' } })],
      { language: 'fr', desiredEmotions: {} },
    ).stages[0];
    expect(support.dominantEmotion).toBe('anger');
    expect(support.topReasons).toEqual([{ reason: 'Merci', count: 1 }]);
    expect(map.stages.find((s) => s.stage === 'renewal')!.status).toBe('no_data');
    expect(map.unstaged).toBe(1);
    // Stages keep the journey order
    expect(map.stages.map((s) => s.stage)).toEqual(['delivery', 'billing', 'renewal']);
  });
});
