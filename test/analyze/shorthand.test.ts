import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.ts';
import { canonicalize } from '../../src/analyze/cx/canon.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { toWords } from '../../src/analyze/normalize.ts';
import { EN_SHORTHAND, expandShorthand, FR_SHORTHAND } from '../../src/analyze/shorthand.ts';
import { tokenize } from '../../src/analyze/text.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

const words = (t: string, lang: string) => toWords(tokenize(t), lang).map((w) => w.w).join(' ');
const canon = (t: string, lang: 'fr' | 'en') => canonicalize(tokenize(t), lang).map((c) => c.norm).join(' ');

describe('shorthand, one table for both layers', () => {
  it('gives the model words and the CX matchers what the full spelling gives them, for every entry', () => {
    for (const [lang, table] of [['fr', FR_SHORTHAND], ['en', EN_SHORTHAND]] as const) {
      for (const [short, full] of Object.entries(table)) {
        expect(words(short, lang), `${short} (words)`).toBe(words(full, lang));
        expect(canon(short, lang), `${short} (cx)`).toBe(canon(full, lang));
      }
    }
  });

  it('reads forms that one layer used to miss', () => {
    // The model's words did not know these; the CX layer did not know "pb" or "jsp"; "svp" and
    // "s'il vous plaît" gave the CX layer two different spellings.
    expect(words('jcomprends rien pcq ajd', 'fr')).toBe(words("je comprends rien parce que aujourd'hui", 'fr'));
    expect(canon('pb de facture, jsp', 'fr')).toBe(canon('problème de facture, je sais pas', 'fr'));
    expect(canon('svp', 'fr')).toBe(canon("s'il vous plaît", 'fr'));
  });

  it('expands French elisions alike in both layers, and only real ones', () => {
    expect(canon("quoiqu'il arrive", 'fr')).toBe('quoique il arrive');
    expect(words("quoiqu'il arrive", 'fr')).toBe('quoique il arrive');
    // Object keys are not elisions: "constructor's" stays a word.
    expect(words("the constructor's fault", 'en')).toBe('the constructor fault');
    expect(canon("the constructor's fault", 'en')).toBe('the constructor s fault');
  });

  it('leaves elisions, units and the other language alone', () => {
    expect(words("c'est nul", 'fr')).toBe('ce est nul');
    expect(words('réseau 4G en panne', 'fr')).toBe('reseau #num g en panne');
    expect(words('Ben said the tt was fine', 'en')).toBe('ben said the tt was fine');
    expect(words('le colis dont je parle', 'fr')).toBe('le colis dont je parle');
  });

  it('keeps evidence verbatim: every word points at the shorthand token it came from', () => {
    const tokens = tokenize('SVP aidez moi');
    const { tokens: expanded, src } = expandShorthand(tokens, 'fr');
    expect(expanded.map((t) => t.norm)).toEqual(['s', "'", 'il', 'vous', 'plait', 'aidez', 'moi']);
    expect(src).toEqual([0, 0, 0, 0, 0, 1, 2]);
    const w = toWords(tokens, 'fr');
    expect(w.slice(0, 4).map((x) => [x.w, x.tok])).toEqual([['se', 0], ['il', 0], ['vous', 0], ['plait', 0]]);
    expect(w[2].caps).toBe(true);
  });
});

describe('shorthand in analysis', () => {
  let model: AnalyzerModel;
  beforeAll(async () => { model = await loadModel(); });

  it('reads "jcomprends rien" as confusion, as "je comprends rien" (core emotions, CX rules)', () => {
    const a = analyze('jcomprends rien à ma facture', { model, rulesOnly: true });
    expect(a.emotions.map((e) => e.label)).toContain('confusion');
    expect(a.emotions.find((e) => e.label === 'confusion')?.evidence).toContain('jcomprends');
    expect(a.needs.map((n) => n.label)).toContain('information');
  });
});
