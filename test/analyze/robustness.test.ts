import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { AnalysisSchema } from '../../src/core/analysis.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

function junk(n: number, seed: number): string {
  let s = '';
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += String.fromCharCode(x % 0xffff);
  }
  return s;
}

describe('robustness', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t  '],
    ['punctuation only', '?!?!... ;;'],
    ['binary junk', junk(5000, 42)],
    ['lone surrogates', '\ud800\udc00\ud800 abc \udfff'],
    ['NUL bytes', 'merci\u0000\u0000 beaucoup'],
    ['50 kB of French', "Le service client ne répond pas, c'est inadmissible. ".repeat(1000)],
    ['mixed languages', "Thanks a lot mais franchement le service est nul, I'm never coming back, je résilie."],
    ['emoji only', '😡😡😡'],
    ['non-Latin script', 'Спасибо большое за помощь'],
  ];
  for (const [name, text] of cases) {
    it(`returns a valid analysis for ${name}`, () => {
      const a = analyze(text, { model });
      expect(AnalysisSchema.safeParse(a).success).toBe(true);
      for (const e of a.emotions) if (e.evidence !== null) expect(text).toContain(e.evidence);
    });
  }

  it('reports "und" for text with no words', () => {
    expect(analyze('', { model }).language).toBe('und');
    expect(analyze('12 34 !!', { model }).language).toBe('und');
    expect(analyze('', { model }).emotions).toEqual([]);
  });

  it('detects non-Latin scripts and other Latin languages', () => {
    expect(analyze('Спасибо большое за помощь', { model }).language).toBe('ru');
    expect(analyze('Muchas gracias por la ayuda, el servicio es muy bueno', { model }).language).toBe('es');
  });

  it('does not throw on values that are not strings at runtime', () => {
    expect(() => analyze(undefined as unknown as string, { model })).not.toThrow();
    expect(() => analyze(42 as unknown as string, { model })).not.toThrow();
  });
});
