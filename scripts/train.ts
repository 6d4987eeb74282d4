/**
 * `npm run train`: builds models/analyzer.json from the public data marked "may train"
 * (GoEmotions train, XED en/fr minus a 10% held-out slice, Banking77, VADER, FEEL) plus Écoute's own
 * lexicons. Deterministic (sorted inputs, seeded shuffles); a few minutes on one core.
 * Data folder: ../shared/data from the repo root, or ECOUTE_DATA_DIR.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMOTIONS } from '../src/core/labels.ts';
import { phraseTable } from '../src/analyze/compiled.ts';
import { extractFeatures, type FeatureContext, type FeatureSet } from '../src/analyze/features.ts';
import { CX_EMOTION_CUES } from '../src/analyze/lexicon/cx-emotions.ts';
import { CX_VALENCE_EN, CX_VALENCE_FR } from '../src/analyze/lexicon/cx-valence.ts';
import type { AnalyzerModel, LinearModelData } from '../src/analyze/model.ts';
import { toWords } from '../src/analyze/normalize.ts';
import { tokenize } from '../src/analyze/text.ts';
import { REPO_ROOT } from './data/paths.ts';
import { f1 } from './eval/metrics.ts';
import { readFeel, readVader, readVaderEmoji } from './data/readers.ts';
import { buildExamples, lexiconExamples, SENT_LABELS, type Example } from './train/examples.ts';
import { trainLanguageModel } from './train/language.ts';
import { trainLinear, type SparseDoc } from './train/logreg.ts';
import { ATTRIBUTION } from './train/attribution.ts';

/** Semantic part of the model version; a content hash is appended so every retrain that changes a weight re-analyses. */
const MODEL_VERSION = 'ecoute-analyzer-1.0';

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
const feats = examples.map((e) => extractFeatures(toWords(tokenize(e.text)), e.lang, ctx));
const df = new Map<string, number>();
for (const f of feats) for (const n of f.names) df.set(n, (df.get(n) ?? 0) + 1);
const vocab = [...df.entries()]
  .filter(([n, c]) => !(n.startsWith('w:') || n.startsWith('b:')) || c >= (n.startsWith('b:') ? 4 : 3))
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

// 3. Sentiment (softmax), in two stages: stage 1 labels the English side of the XED pairs, whose
// French side then trains stage 2 alongside everything else.
function sentimentDocs(): { train: SparseDoc[]; val: { doc: SparseDoc; y: number }[] } {
  const train: SparseDoc[] = [];
  const val: { doc: SparseDoc; y: number }[] = [];
  examples.forEach((e, i) => {
    if (e.sent < 0) return;
    const doc = { ...sparse[i], y: e.sent, weight: e.weight };
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
    const { idx, val } = toSparse(extractFeatures(toWords(tokenize(en)), 'en', ctx));
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

// 4. Emotions (one-vs-rest) and thresholds tuned on the internal validation slice.
const K = EMOTIONS.length;
const emoDocs: SparseDoc[] = [];
const emoVal: SparseDoc[] = [];
const emoValLang: string[] = [];
examples.forEach((e, i) => {
  if (!e.emo) return;
  const doc = { ...sparse[i], y: e.emo, weight: e.weight };
  if (e.validation) { emoVal.push(doc); emoValLang.push(e.lang); } else emoDocs.push(doc);
});
// 15 epochs: best Ekman macro-F1 on the internal validation slices (GoEmotions, XED en, XED fr) of 6/10/15.
const EMO_EPOCHS = Number(process.env.TRAIN_EMO_EPOCHS ?? 15);
const EMO_LR = Number(process.env.TRAIN_EMO_LR ?? 0.05);
const EMO_POSW = Number(process.env.TRAIN_EMO_POSW ?? 2);
const emoModel = trainLinear(emoDocs, { k: K, nFeatures: vocab.length, mode: 'ovr', epochs: EMO_EPOCHS, lr: EMO_LR, l2: Number(process.env.TRAIN_EMO_L2 ?? 1e-6), seed: 11, posWeight: EMOTIONS.map(() => EMO_POSW) });
/** P(label j) for one document under the emotion model. */
function emoProb(d: SparseDoc, j: number): number {
  let z = emoModel.bias[j];
  for (let q = 0; q < d.idx.length; q++) z += d.val[q] * emoModel.weights[d.idx[q] * K + j];
  return 1 / (1 + Math.exp(-z));
}
/** Per-label thresholds maximising F1 on a validation slice. */
function tuneThresholds(val: SparseDoc[], name: string): { thresholds: number[]; f1: number[] } {
  const f1s: number[] = [];
  const thresholds = EMOTIONS.map((label, j) => {
    const scored = val.map((d) => ({ p: emoProb(d, j), y: (d.y as Uint8Array)[j] }));
    let best = 0.5;
    let bestF = -1;
    for (let t = 0.1; t <= 0.9001; t += 0.025) {
      let tp = 0, fp = 0, fn = 0;
      for (const s of scored) { if (s.p >= t) { if (s.y) tp++; else fp++; } else if (s.y) fn++; }
      const f = f1(tp, fp, fn);
      if (f > bestF) { bestF = f; best = t; }
    }
    log(`emotion ${label} (${name}): threshold ${best.toFixed(3)}, internal validation F1 ${bestF.toFixed(3)}`);
    f1s.push(bestF);
    return Math.round(best * 1000) / 1000;
  });
  return { thresholds, f1: f1s };
}
const tuned = tuneThresholds(emoVal, 'all');
/**
 * Ekman-grouped thresholds: the per-label F1 optimum over-predicts when labels are read in groups
 * (frustration and anger both say "anger"; no label at all says "neutral"). Coordinate ascent on the
 * macro-F1 of the six Ekman groups plus neutral (Demszky et al. 2020's grouping), on the English
 * validation slice, starting from the per-label optimum.
 */
const EKMAN_GROUPS: number[][] = [
  ['anger', 'frustration'], ['disgust'], ['anxiety'], ['joy', 'gratitude', 'relief', 'trust'],
  ['sadness', 'disappointment'], ['surprise', 'confusion'],
].map((g) => g.map((l) => EMOTIONS.indexOf(l as (typeof EMOTIONS)[number])));
function tuneEkman(val: SparseDoc[], start: number[]): number[] {
  const n = val.length;
  const P = val.map((d) => EMOTIONS.map((_, j) => emoProb(d, j)));
  const gold = val.map((d) => EKMAN_GROUPS.map((g) => g.some((j) => (d.y as Uint8Array)[j] === 1)));
  const score = (th: number[]): number => {
    const c = Array.from({ length: EKMAN_GROUPS.length + 1 }, () => [0, 0, 0]);
    for (let i = 0; i < n; i++) {
      const pred = EKMAN_GROUPS.map((g) => g.some((j) => P[i][j] >= th[j]));
      const g = gold[i];
      const pn = !pred.some(Boolean);
      const gn = !g.some(Boolean);
      for (let k = 0; k <= EKMAN_GROUPS.length; k++) {
        const pk = k < EKMAN_GROUPS.length ? pred[k] : pn;
        const gk = k < EKMAN_GROUPS.length ? g[k] : gn;
        if (pk && gk) c[k][0]++; else if (pk) c[k][1]++; else if (gk) c[k][2]++;
      }
    }
    let f = 0;
    for (const [tp, fp, fn] of c) f += f1(tp, fp, fn);
    return f / c.length;
  };
  const th = [...start];
  let best = score(th);
  for (let pass = 0; pass < 3; pass++) {
    for (let j = 0; j < K; j++) {
      for (let t = 0.1; t <= 0.9001; t += 0.025) {
        const prev = th[j];
        th[j] = Math.round(t * 1000) / 1000;
        const f = score(th);
        if (f > best + 1e-9) best = f; else th[j] = prev;
      }
    }
  }
  log(`emotions: Ekman-grouped validation macro-F1 ${score(start).toFixed(3)} -> ${best.toFixed(3)} (en, n=${n})`);
  return th;
}
const thresholds = process.env.TRAIN_EKMAN === '0' ? tuned.thresholds : tuneEkman(emoVal.filter((_, i) => emoValLang[i] !== 'fr'), tuned.thresholds);
const valF1 = tuned.f1;
// French has its own slice (XED fr validation lines and projected pairs are excluded from it).
const emoValFr = emoVal.filter((_, i) => emoValLang[i] === 'fr');
const tunedFr = tuneThresholds(emoValFr, `fr, n=${emoValFr.length}`);
// Labels with no French positives in the slice keep the general threshold.
const thresholdsFr = tunedFr.thresholds.map((t, j) => (emoValFr.some((d) => (d.y as Uint8Array)[j]) ? t : thresholds[j]));
log(`emotions: mean internal validation F1 ${(valF1.reduce((a, b) => a + b, 0) / valF1.length).toFixed(3)}`);

// 5. Language identifier.
const language = trainLanguageModel();
log(`language: ${language.ngrams.length} n-grams`);

// 6. Quantise, prune and write.
function pack(labels: readonly string[], m: { weights: Float64Array; bias: Float64Array }, minAbs: number): LinearModelData {
  const k = labels.length;
  const scale = 100;
  const features: string[] = [];
  const weights: number[] = [];
  vocab.forEach((name, i) => {
    let keep = false;
    for (let j = 0; j < k; j++) if (Math.abs(m.weights[i * k + j]) >= minAbs) keep = true;
    if (!keep) return;
    features.push(name);
    for (let j = 0; j < k; j++) {
      const w = m.weights[i * k + j];
      weights.push(Math.abs(w) >= minAbs ? Math.round(w * scale) : 0);
    }
  });
  return { labels: [...labels], features, weights, bias: Array.from(m.bias, (b) => Math.round(b * 10000) / 10000), scale };
}
const model: AnalyzerModel = {
  version: '',
  language,
  lexicon: { en: lexEn, fr: lexFr, feel, emoji },
  emotionCues,
  sentiment: pack(SENT_LABELS, sentModel, 0.06),
  emotions: { ...pack(EMOTIONS, emoModel, 0.12), thresholds, thresholdsByLang: { fr: thresholdsFr } },
};
const dir = join(REPO_ROOT, 'models');
mkdirSync(dir, { recursive: true });
model.version = `${MODEL_VERSION}+${createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 8)}`;
const json = JSON.stringify(model);
writeFileSync(join(dir, 'analyzer.json'), json);
writeFileSync(join(dir, 'ATTRIBUTION.md'), ATTRIBUTION);
log(`wrote models/analyzer.json ${model.version} (${(json.length / 1e6).toFixed(2)} MB; sentiment ${model.sentiment.features.length} features, emotions ${model.emotions.features.length})`);
