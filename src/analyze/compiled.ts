/**
 * Runtime form of an AnalyzerModel: hash maps and typed arrays built once per model object and
 * cached in a WeakMap keyed by that object (no module-level state beyond the cache itself).
 */
import type { AnalyzerModel, LinearModelData } from './model.ts';
import { compileCxLexicon, type CxLexicon } from './cx/compile.ts';
import { compileHidden, type CompiledHidden } from './hidden.ts';
import { unpackRows } from './packed-rows.ts';
import { phraseTable, type PhraseTable } from './phrase-table.ts';
import { buildVocabulary, sharedRows, type LayerRows, type Vocabulary, type VocabLayer } from './vocabulary.ts';

export { phraseTable, type PhraseTable } from './phrase-table.ts';

/** A linear model ready for scoring. */
export interface CompiledLinear extends VocabLayer {
  labels: string[];
  index: Map<string, number>;
  weights: Float32Array;
  bias: Float64Array;
  k: number;
}


/** An AnalyzerModel in the form scoring reads: see compile(). */
export interface CompiledModel {
  model: AnalyzerModel;
  sentiment: CompiledLinear;
  emotions: CompiledLinear & { thresholds: Float64Array; thresholdsByLang: Map<string, Float64Array>; hidden: CompiledHidden | null };
  lexEn: PhraseTable;
  lexFr: PhraseTable;
  lexFeel: PhraseTable;
  emoji: Map<string, number>;
  /** Emotion cue phrases; value = index into cueLabels * 10 + strength is kept separately. */
  cues: Map<string, PhraseTable>;
  lang: {
    labels: string[]; index: Map<string, number>; logp: Float32Array; unseen: number[]; wordWeight: number;
    /** Each word's naive Bayes scores, memoised (bounded): words repeat, their 1–3-grams need not be re-read. */
    wordScores: Map<string, Float64Array>;
  };
  /** The CX pattern trie (needs, themes, stages, signals), compiled once per model like the rest. */
  cx: CxLexicon;
  /** Every layer's features under one id each: extractFeatures looks a name up once (vocabulary.ts). */
  vocab: Vocabulary;
  /** The learned heads' rows over `vocab`, for their core features (null: a model without heads). */
  headsShared: LayerRows | null;
}

const cache = new WeakMap<AnalyzerModel, CompiledModel>();

function linear(d: LinearModelData): CompiledLinear {
  const k = d.labels.length;
  const index = new Map<string, number>();
  d.features.forEach((f, i) => index.set(f, i));
  let weights: Float32Array;
  if (Array.isArray(d.weights)) {
    weights = new Float32Array(d.weights.length);
    for (let i = 0; i < d.weights.length; i++) weights[i] = d.weights[i] / d.scale;
  } else {
    weights = unpackRows(d.weights);
  }
  return { labels: d.labels, index, weights, bias: Float64Array.from(d.bias), k };
}


/** Returns the compiled form of a model, building it on first use. */
export function compile(model: AnalyzerModel): CompiledModel {
  const hit = cache.get(model);
  if (hit) return hit;
  const lm = model.language;
  const langIndex = new Map<string, number>();
  lm.ngrams.forEach((g, i) => langIndex.set(g, i));
  const logp = new Float32Array(lm.logp.length);
  for (let i = 0; i < lm.logp.length; i++) logp[i] = lm.logp[i] / lm.scale;
  const cues = new Map<string, PhraseTable>();
  for (const [label, entries] of Object.entries(model.emotionCues)) cues.set(label, phraseTable(entries));
  const em = linear(model.emotions);
  const sentiment = linear(model.sentiment);
  const hidden = model.emotions.hidden ? compileHidden(model.emotions.hidden) : null;
  const vocab = buildVocabulary([model.sentiment.features, model.emotions.features, model.emotions.hidden?.features ?? [], model.cxHeads?.features ?? []]);
  sentiment.shared = sharedRows(vocab, model.sentiment.features);
  em.shared = sharedRows(vocab, model.emotions.features);
  if (hidden && model.emotions.hidden) hidden.shared = sharedRows(vocab, model.emotions.hidden.features);
  const compiled: CompiledModel = {
    model,
    sentiment,
    emotions: {
      ...em,
      thresholds: Float64Array.from(model.emotions.thresholds),
      thresholdsByLang: new Map(Object.entries(model.emotions.thresholdsByLang ?? {}).map(([l, t]) => [l, Float64Array.from(t)])),
      hidden,
    },
    lexEn: phraseTable(model.lexicon.en),
    lexFr: phraseTable(model.lexicon.fr),
    lexFeel: phraseTable(model.lexicon.feel ?? {}),
    emoji: new Map(Object.entries(model.lexicon.emoji)),
    cues,
    lang: { labels: lm.labels, index: langIndex, logp, unseen: lm.unseen, wordWeight: lm.wordWeight ?? 0, wordScores: new Map() },
    cx: compileCxLexicon(),
    vocab,
    headsShared: model.cxHeads ? sharedRows(vocab, model.cxHeads.features) : null,
  };
  cache.set(model, compiled);
  return compiled;
}
