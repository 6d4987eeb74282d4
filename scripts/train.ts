/**
 * `npm run train`: builds models/analyzer.json from the public data marked "may train"
 * (GoEmotions train, XED en/fr minus a 10% held-out slice, Banking77, VADER, FEEL) plus Écoute's own
 * lexicons, then the learned customer-message heads on the Écoute corpus (scripts/train/cx-heads)
 * and the reply coach on the corpus replies (models/coach.json).
 * Deterministic (sorted inputs, seeded shuffles, fixed folds); the core model takes a few minutes on
 * one core, the heads 20–35 minutes (README, *Learned heads*).
 * Data folder: ../shared/data from the repo root, or ECOUTE_DATA_DIR. TRAIN_OUT=dir writes the model
 * (and its attribution) there instead of models/, to compare a change before replacing the committed one.
 */
import { EMOTIONS } from '../src/core/labels.ts';
import { phraseTable } from '../src/analyze/compiled.ts';
import { extractFeatures, type FeatureContext, type FeatureSet } from '../src/analyze/features.ts';
import { CX_EMOTION_CUES } from '../src/analyze/lexicon/cx-emotions.ts';
import { CX_VALENCE_EN, CX_VALENCE_FR } from '../src/analyze/lexicon/cx-valence.ts';
import type { AnalyzerModel } from '../src/analyze/model.ts';
import { toWords } from '../src/analyze/normalize.ts';
import { tokenize } from '../src/analyze/text.ts';
import { readFeel, readVader, readVaderEmoji } from './data/readers.ts';
import { buildExamples, lexiconExamples, SENT_LABELS, type Example } from './train/examples.ts';
import { trainLanguageModel } from './train/language.ts';
import { trainLinear, type SparseDoc } from './train/logreg.ts';
import { mergeNets, netLogits, trainNet } from './train/mlp.ts';
import { packHidden, packLinear } from './train/pack.ts';
import { ekmanThresholds, labelThresholds, type ScoredSlice } from './train/thresholds.ts';
import { pipelineThresholds, type TextSlice } from './train/end-to-end.ts';
import { ATTRIBUTION } from './train/attribution.ts';
import { trainCorpusHeads } from './train/cx-heads/train-corpus-heads.ts';
import { writeCoachModel, writeModel } from './train/write-model.ts';
import { trainCoach } from './train/coach.ts';
import { dataDir } from './data/paths.ts';


const t0 = Date.now();
const log = (msg: string) => process.stderr.write(`[train ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);

/** Normalises a lexicon key with the analysis pipeline ("J'en ai marre" -> "je en ai marre"). */
function normKey(s: string): string {
  return toWords(tokenize(s)).filter((w) => !w.sym).map((w) => w.w).join(' ');
}

function normLexicon(entries: Iterable<[string, number]>, into: Record<string, number> = {}): Record<string, number> {
  for (const [k, v] of entries) {
    const key = normKey(k);
    if (key) into[key] = Math.round(v * 100) / 100;
  }
  return into;
}

// 1. Lexicons.
const vader = readVader();
const lexEn = normLexicon([...vader.entries()].filter(([k]) => /^[a-z][a-z'-]*$/i.test(k)).sort());
normLexicon(Object.entries(CX_VALENCE_EN), lexEn);
const feel = normLexicon(readFeel().map((e) => [e.word, e.polarity === 'positive' ? 1 : -1] as [string, number]).sort());
const lexFr = normLexicon(Object.entries(CX_VALENCE_FR));
const emoji: Record<string, number> = {};
for (const [e, desc] of [...readVaderEmoji().entries()].sort()) {
  let v = 0;
  for (const w of desc.toLowerCase().split(/\s+/)) v += vader.get(w) ?? 0;
  if (v !== 0) emoji[e] = Math.round(Math.max(-3.5, Math.min(3.5, v)) * 100) / 100;
}
// Text emoticons, normalised by src/analyze/normalize.ts (valences after VADER's ":)" 2.0, ":(" −1.9 ...).
Object.assign(emoji, { ':)': 2, ':(': -1.9, ';)': 1.6, ':d': 2.3, ':p': 1.2, ':/': -1.1, ':|': -0.8, ":'(": -2.2, ":')": 1.6, ';(': -1.9, ';d': 2, '<3': 2.6 });
const emotionCues: Record<string, Record<string, number>> = {};
for (const [label, entries] of Object.entries(CX_EMOTION_CUES)) emotionCues[label] = normLexicon(Object.entries(entries));
const ctx: FeatureContext = {
  lexEn: phraseTable(lexEn), lexFr: phraseTable(lexFr), lexFeel: phraseTable(feel), emoji: new Map(Object.entries(emoji)),
  cues: new Map(Object.entries(emotionCues).map(([l, e]) => [l, phraseTable(e)])),
};
log(`lexicons: en ${Object.keys(lexEn).length}, fr ${Object.keys(lexFr).length}, feel ${Object.keys(feel).length}, emoji ${Object.keys(emoji).length}`);

// 2. Examples and features.
const examples: Example[] = [...buildExamples(), ...lexiconExamples(vader, CX_VALENCE_FR, CX_VALENCE_EN, CX_EMOTION_CUES)];
log(`examples: ${examples.length}`);
const feats = examples.map((e) => extractFeatures(toWords(tokenize(e.text), e.lang), e.lang, ctx));
const df = new Map<string, number>();
for (const f of feats) for (const n of f.names) df.set(n, (df.get(n) ?? 0) + 1);
const vocab = [...df.entries()]
  .filter(([n, c]) => !(n.startsWith('w:') || n.startsWith('b:') || n.startsWith('c:')) || c >= (n.startsWith('w:') ? 3 : 4))
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .slice(0, 120_000)
  .map(([n]) => n)
  .sort();
const index = new Map(vocab.map((n, i) => [n, i]));
log(`vocabulary: ${vocab.length} features`);
/** A feature set restricted to the vocabulary, as the trainer reads it. */
function toSparse(f: FeatureSet): { idx: Int32Array; val: Float32Array } {
  const idx: number[] = [];
  const val: number[] = [];
  f.names.forEach((n, i) => { const j = index.get(n); if (j !== undefined) { idx.push(j); val.push(f.vals[i]); } });
  return { idx: Int32Array.from(idx), val: Float32Array.from(val) };
}
const sparse = feats.map(toSparse);
/** Character n-grams serve the emotion layers only: sentiment keeps its word features (and its floors). */
const isChar = vocab.map((n) => n.startsWith('c:'));
function wordsOnly(d: { idx: Int32Array; val: Float32Array }): { idx: Int32Array; val: Float32Array } {
  const keep: number[] = [];
  d.idx.forEach((j, q) => { if (!isChar[j]) keep.push(q); });
  return { idx: Int32Array.from(keep, (q) => d.idx[q]), val: Float32Array.from(keep, (q) => d.val[q]) };
}

// 3. Sentiment (softmax), in two stages: stage 1 labels the English side of the XED pairs, whose
// French side then trains stage 2 alongside everything else.
function sentimentDocs(): { train: SparseDoc[]; val: { doc: SparseDoc; y: number }[] } {
  const train: SparseDoc[] = [];
  const val: { doc: SparseDoc; y: number }[] = [];
  examples.forEach((e, i) => {
    if (e.sent < 0) return;
    const doc = { ...wordsOnly(sparse[i]), y: e.sent, weight: e.weight };
    if (e.validation) val.push({ doc, y: e.sent }); else train.push(doc);
  });
  // Class-balanced weights (each class carries the same total weight).
  const total = [0, 0, 0];
  for (const d of train) total[d.y as number] += d.weight;
  const mean = (total[0] + total[1] + total[2]) / 3;
  for (const d of train) d.weight *= mean / total[d.y as number];
  return { train, val };
}
function probs(m: { weights: Float64Array; bias: Float64Array }, idx: Int32Array, val: Float32Array, k: number): number[] {
  const z = Array.from(m.bias);
  for (let q = 0; q < idx.length; q++) for (let j = 0; j < k; j++) z[j] += val[q] * m.weights[idx[q] * k + j];
  const mx = Math.max(...z);
  const e = z.map((v) => Math.exp(v - mx));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
const SENT_OPTS = { k: 3, nFeatures: vocab.length, mode: 'softmax' as const, epochs: Number(process.env.TRAIN_SENT_EPOCHS ?? 6), lr: Number(process.env.TRAIN_SENT_LR ?? 0.05), l2: 1e-6, seed: 7 };
let sentModel = trainLinear(sentimentDocs().train, SENT_OPTS);
{
  let projected = 0;
  examples.forEach((e) => {
    if (!e.source.startsWith('pairs-fr:')) return;
    const en = e.source.slice('pairs-fr:'.length);
    const { idx, val } = wordsOnly(toSparse(extractFeatures(toWords(tokenize(en), 'en'), 'en', ctx)));
    const p = probs(sentModel, idx, val, 3);
    const best = p.indexOf(Math.max(...p));
    if (p[best] >= 0.45) {
      e.sent = best;
      projected++;
      if (best === 1) e.emo = new Uint8Array(EMOTIONS.length);
    }
  });
  log(`projected ${projected} French pair lines (${[0, 1, 2].map((j) => examples.filter((e) => e.source.startsWith('pairs-fr:') && e.sent === j).length).join('/')} neg/neu/pos)`);
  const docs = sentimentDocs();
  sentModel = trainLinear(docs.train, SENT_OPTS);
  let ok = 0;
  for (const { doc, y } of docs.val) {
    const p = probs(sentModel, doc.idx, doc.val, 3);
    if (p.indexOf(Math.max(...p)) === y) ok++;
  }
  log(`sentiment: ${docs.train.length} docs, internal validation accuracy ${(ok / docs.val.length).toFixed(3)} (n=${docs.val.length})`);
}

// 4. Emotions: a linear layer plus one hidden layer, trained jointly (scripts/train/mlp.ts), then
// decision thresholds tuned on the internal validation slices.
const K = EMOTIONS.length;
const emoDocs: SparseDoc[] = [];
type ValLine = { doc: SparseDoc; lang: string; source: string; text: string };
const emoVal: ValLine[] = [];
/** French lines are machine projections (XED fr): too noisy to teach interactions. French uses the linear layer. */
const SKIP_DEEP = ['fr'];
const linearOnly = new Set<SparseDoc>();
examples.forEach((e, i) => {
  if (!e.emo) return;
  const doc = { ...sparse[i], y: e.emo, weight: e.weight };
  if (SKIP_DEEP.includes(e.lang)) linearOnly.add(doc);
  if (e.validation) emoVal.push({ doc, lang: e.lang, source: e.source, text: e.text }); else emoDocs.push(doc);
});
// Chosen on the internal validation slices (GoEmotions, XED en, XED fr) and the visible gold third:
// 32 hidden units among {16, 32, 64}, 4 epochs among {3, 4, 6}, features seen in ≥ 30 training
// lines among {0, 10, 20, 30, 60} (rarer ones overfit and grow the model; they stay linear), and
// 5 nets of different seeds averaged (bagging; 1, 3 or 5): +0.02 GoEmotions over a single net.
const HIDDEN = 32;
const EMO_EPOCHS = 4;
const DEEP_MIN_DF = 30;
const ENSEMBLE = 5;
const deepFeatures = Uint8Array.from(vocab, (n) => ((df.get(n) ?? 0) >= DEEP_MIN_DF ? 1 : 0));
const emoNet = mergeNets(Array.from({ length: ENSEMBLE }, (_, t) => trainNet(emoDocs, {
  k: K, nFeatures: vocab.length, hidden: HIDDEN, epochs: EMO_EPOCHS, lr: 0.02, wideLr: 0.05, l2: 1e-6, seed: 5 + t,
  posWeight: EMOTIONS.map(() => 2), deep: (d) => !linearOnly.has(d), deepFeatures,
})));
const hBuf = new Float64Array(emoNet.hidden);
// The two English validation slices thresholds are tuned on, each counting for half.
const isGo = (v: ValLine) => v.source === 'goemotions';
const isXedEn = (v: ValLine) => v.source === 'xed-en' || v.source === 'xed-neutral';
const slice = (name: string, keep: (v: ValLine) => boolean): ScoredSlice => {
  const vs = emoVal.filter(keep);
  return {
    name,
    p: vs.map((v) => Array.from(netLogits(emoNet, v.doc, hBuf, !linearOnly.has(v.doc), deepFeatures), (z) => 1 / (1 + Math.exp(-z)))),
    y: vs.map((v) => v.doc.y as Uint8Array),
  };
};
const goVal = slice('GoEmotions', isGo);
const xedEnVal = slice('XED en', isXedEn);
const enVal = slice('en', (v) => v.lang !== 'fr');
const perLabel = labelThresholds(enVal);
EMOTIONS.forEach((l, j) => log(`emotion ${l}: threshold ${perLabel.thresholds[j]}, internal validation F1 ${perLabel.f1[j].toFixed(3)}`));
// The per-label optimum over-predicts when labels are read in groups (frustration and anger both say
// "anger"; no label at all says "neutral"): ascend on the Ekman-grouped macro-F1 instead.
const ekman = ekmanThresholds([goVal, xedEnVal], perLabel.thresholds);
const thresholds = ekman.thresholds;
log(`emotions: Ekman-grouped validation macro-F1 ${[goVal, xedEnVal].map((s, i) => `${s.name} ${ekman.before[i].toFixed(3)} -> ${ekman.after[i].toFixed(3)} (n=${s.p.length})`).join(', ')}`);
// French has its own slice (XED fr validation lines); labels with no French positives keep the general threshold.
const frVal = slice('fr', (v) => v.lang === 'fr');
const thresholdsFr = labelThresholds(frVal).thresholds.map((t, j) => (frVal.y.some((y) => y[j]) ? t : thresholds[j]));
log(`emotions: French thresholds from ${frVal.p.length} validation lines`);

// 5. Language identifier.
const language = trainLanguageModel();
log(`language: ${language.ngrams.length} n-grams`);

// 6. Quantise, prune and write.
const model: AnalyzerModel = {
  version: '',
  language,
  lexicon: { en: lexEn, fr: lexFr, feel, emoji },
  emotionCues,
  sentiment: packLinear(vocab, SENT_LABELS, sentModel, 0.06),
  emotions: {
    ...packLinear(vocab, EMOTIONS, { weights: emoNet.w0, bias: emoNet.b2 }, 0.06, true),
    hidden: packHidden(vocab, emoNet, 0.03, deepFeatures, SKIP_DEEP),
    thresholds,
    thresholdsByLang: { fr: thresholdsFr },
  },
};
// 7. The general emotion thresholds again, end to end through the analyser built above.
{
  const textSlice = (name: string, keep: (v: ValLine) => boolean): TextSlice => {
    const vs = emoVal.filter(keep);
    return { name, texts: vs.map((v) => v.text), y: vs.map((v) => v.doc.y as Uint8Array) };
  };
  const e2e = pipelineThresholds(model, [textSlice('GoEmotions', isGo), textSlice('XED en', isXedEn)], thresholds);
  model.emotions.thresholds = e2e.thresholds;
  log(`emotions, end to end: Ekman-grouped validation macro-F1 GoEmotions ${e2e.before[0].toFixed(3)} -> ${e2e.after[0].toFixed(3)}, XED en ${e2e.before[1].toFixed(3)} -> ${e2e.after[1].toFixed(3)}`);
}
// 8. The learned customer-message heads, on the Écoute corpus, over the core and rules built above.
model.cxHeads = trainCorpusHeads(model);
log(`cx heads: ${model.cxHeads.heads.length} heads, ${model.cxHeads.features.length} features, ${model.cxHeads.trainedOn.messages} corpus messages`);
log(writeModel(model, ATTRIBUTION));
// 9. The reply coach (src/act/coach), on the corpus replies.
log(writeCoachModel(trainCoach(dataDir())));
