/**
 * The shared feature vocabulary (src/analyze/vocabulary.ts): with it, each feature name is looked up
 * once and every layer reads its row through a typed array. It must change no result: the same
 * messages scored with ids and by name give the same logits, emotions, heads' findings; ids of another
 * vocabulary are never trusted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, analyzeCore } from '../../src/analyze/analyze.ts';
import { analyzeCx } from '../../src/analyze/cx/analyze-cx.ts';
import { applyHeads } from '../../src/analyze/heads/apply-heads.ts';
import { compile } from '../../src/analyze/compiled.ts';
import { emotionCandidates } from '../../src/analyze/emotions.ts';
import { extractFeatures } from '../../src/analyze/features.ts';
import { logits } from '../../src/analyze/linear.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import { toWords } from '../../src/analyze/normalize.ts';
import { tokenize } from '../../src/analyze/text.ts';
import { buildVocabulary, rowsIn, sharedRows } from '../../src/analyze/vocabulary.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

let model: AnalyzerModel;
beforeAll(async () => { model = await loadModel(); });

const MESSAGES = [
  'Mon colis est arrivé cassé et personne ne répond, je vais résilier.',
  "I've been charged twice this month and nobody answers, sooo frustrated!!",
  'Merci pour votre aide rapide 🙂',
];

describe('shared feature vocabulary', () => {
  it('maps a name to each layer\'s row as the layer\'s own index does, and unknown names to −1', () => {
    const vocab = buildVocabulary([['w:a', 'w:b'], ['w:b', 'c:<ab>']]);
    expect(vocab.size).toBe(3);
    const layer = { index: new Map([['c:<ab>', 0], ['w:b', 1]]), shared: sharedRows(vocab, ['c:<ab>', 'w:b']) };
    const names = ['w:a', 'w:b', 'c:<ab>', 'w:zzz', 'r:need:none'];
    const ids = Int32Array.from([0, 1, 2, -1]); // the ids cover the first four names only
    expect(Array.from(rowsIn(layer, names, { vocab, ids }))).toEqual([-1, 1, 0, -1, -1]);
    expect(Array.from(rowsIn(layer, names))).toEqual([-1, 1, 0, -1, -1]);
    // Ids from another vocabulary are ignored: the names are looked up instead.
    const other = buildVocabulary([['c:<ab>', 'w:b', 'w:a']]);
    expect(Array.from(rowsIn(layer, names, { vocab: other, ids: Int32Array.from([2, 1, 0, -1]) }))).toEqual([-1, 1, 0, -1, -1]);
  });

  it('changes no score: the model\'s layers give the same logits with ids as by name', () => {
    const cm = compile(model);
    for (const text of MESSAGES) {
      const words = toWords(tokenize(text), 'fr');
      const withIds = extractFeatures(words, 'fr', cm);
      const byName = extractFeatures(words, 'fr', { ...cm, vocab: undefined });
      expect(withIds.shared?.ids.length).toBe(withIds.names.length);
      expect(byName.shared).toBeUndefined();
      expect(Array.from(logits(cm.sentiment, withIds))).toEqual(Array.from(logits(cm.sentiment, byName)));
      expect(emotionCandidates(cm, withIds, 'fr')).toEqual(emotionCandidates(cm, byName, 'fr'));
    }
  });

  it('changes no analysis: the heads read the same rows through the ids as by name', () => {
    const cm = compile(model);
    expect(cm.headsShared).not.toBeNull();
    for (const text of MESSAGES) {
      const core = analyzeCore(text, { model });
      const x = { ...core, rules: analyzeCx(core, cm.cx) };
      const byName = applyHeads(model.cxHeads!, x);
      expect(applyHeads(model.cxHeads!, x, cm.headsShared)).toEqual(byName);
      expect(analyze(text, { model })).toEqual({ language: core.language, ...byName });
    }
    // A copy of the model object compiles on its own (a new vocabulary); its heads data is the same
    // object, and its analyses are the same.
    const copy: AnalyzerModel = { ...model };
    expect(compile(copy).vocab).not.toBe(cm.vocab);
    for (const text of MESSAGES) expect(analyze(text, { model: copy })).toEqual(analyze(text, { model }));
  });
});
