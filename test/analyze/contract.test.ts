import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { AnalysisSchema } from '../../src/core/analysis.ts';
import { EMOTIONS } from '../../src/core/labels.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

const SAMPLES = [
  "Écoutez, c'est la troisième fois que j'appelle pour ce prélèvement en double. Trois fois ! Je suis à découvert à cause de vous.",
  'Honnêtement le forfait est vraiment pas cher et le réseau tient la route. Je recommande.',
  'My flight was cancelled and I have been on hold for 2 hours. Still no answer. Fed up!',
  'Thank you so much, the agent was wonderful and fixed everything in minutes 😊',
  'Bonjour, comment je change mon adresse de livraison ?',
  'Je suis inquiète, ma mère n’a plus ses médicaments et le colis est bloqué.',
];

describe('analysis contract', () => {
  it('produces objects that satisfy AnalysisSchema', () => {
    for (const text of SAMPLES) {
      const a = analyze(text, { model });
      expect(() => AnalysisSchema.parse(a)).not.toThrow();
      for (const e of a.emotions) expect(EMOTIONS).toContain(e.label);
    }
  });

  it('copies every evidence span verbatim from the input', () => {
    for (const text of SAMPLES) {
      const a = analyze(text, { model });
      for (const e of a.emotions) if (e.evidence !== null) expect(text).toContain(e.evidence);
      for (const f of [...a.needs, ...a.themes, ...(a.stage ? [a.stage] : [])]) if (f.evidence !== null) expect(text).toContain(f.evidence);
    }
  });

  it('lists emotions strongest first, at most two, and none for a flat question', () => {
    const angry = analyze(SAMPLES[0], { model });
    expect(angry.emotions.length).toBeGreaterThan(0);
    expect(angry.emotions.length).toBeLessThanOrEqual(2);
    const q = analyze('What are your opening hours on Sunday?', { model });
    expect(q.sentiment.label).toBe('neutral');
  });

  it('is deterministic', () => {
    for (const text of SAMPLES) expect(analyze(text, { model })).toEqual(analyze(text, { model }));
  });

  it('keeps sentiment and emotions consistent (no anger in praise, negative leads with a negative emotion)', () => {
    const praise = analyze(SAMPLES[3], { model });
    expect(praise.sentiment.label).toBe('positive');
    expect(praise.emotions.map((e) => e.label)).not.toContain('anger');
    const complaint = analyze(SAMPLES[2], { model });
    expect(complaint.sentiment.label).toBe('negative');
    expect(['anger', 'frustration', 'anxiety', 'confusion', 'disappointment', 'sadness', 'disgust']).toContain(complaint.emotions[0]?.label);
  });

  it('uses the language it is given instead of detecting one', () => {
    expect(analyze('ok', { model, lang: 'de' }).language).toBe('de');
  });
});
