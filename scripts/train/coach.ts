/**
 * Trains the empathic reply coach (models/coach.json) on Écoute's own labelled replies
 * (ecoute-corpus/replies.jsonl, and for the three EPITOME dimensions the project's written
 * peer-support exchanges, data/written-replies; never the gold replies, never EPITOME). One seeded softmax logistic
 * regression per dimension over the features of src/act/coach/reply-features.ts, a binary canned
 * head, MinHash signatures of the canned templates seen, and a least-squares map from dimensions to
 * the 1–5 overall rating. Deterministic: sorted vocabulary, seeded shuffles, rounded weights.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIMENSIONS, type CoachModel, type HeadName, type LinearHead } from '../../src/act/coach/coach-model.ts';
import { jaccard, minhash, shingles, type ShingleParams } from '../../src/act/coach/near-duplicates.ts';
import { replyFeatures, type FeatureMap } from '../../src/act/coach/reply-features.ts';
import { readWrittenReplies, type PeerReply } from '../data/written-replies.ts';
import { trainLinear, type SparseDoc } from './logreg.ts';

/** One labelled reply, as the corpus stores it (snake_case fields): the EPITOME labels of a written exchange, and more. */
export interface LabelledReply extends PeerReply {
  message_id: string;
  ownership: number;
  personalization: number;
  canned: boolean;
  overall: number;
}

/** Corpus field of each dimension. */
export const LABEL_FIELD = {
  emotionalReaction: 'emotional_reaction', interpretation: 'interpretation', exploration: 'exploration', ownership: 'ownership', personalization: 'personalization',
} as const;

/** Training constants. The values were chosen by 5-fold cross-validation on the corpus replies (scripts/eval/coach.ts). */
export interface CoachOptions {
  epochs: number;
  lr: number;
  l2: number;
  /** n-gram features kept when seen in at least this many training replies. */
  minDf: number;
  /** Weight classes inversely to their frequency (helps the rare level-2 explorations). */
  balanced: boolean;
  cannedThreshold: number;
  duplicateJaccard: number;
  shingle: ShingleParams;
  seed: number;
}

export const COACH_OPTIONS: CoachOptions = {
  // Grid under 5-fold CV (mean macro-F1 over dimensions, then Spearman): epochs {10, 20, 30, 40},
  // lr {0.03, 0.05, 0.1, 0.2}, l2 {1e-5, 1e-4, 1e-3}, minDf {2, 3, 5, 10}, balanced {yes, no}. Differences
  // within about 0.01 are noise at 391 replies; minDf 5 also halves the file.
  epochs: 20, lr: 0.03, l2: 1e-4, minDf: 5, balanced: true,
  // Canned: content head threshold {0.3, 0.5, 0.7} and shingle Jaccard {0.5, 0.6, 0.8} gave canned F1
  // 0.99–1.00 under CV; each signal alone reached 1.00 there (the held-out share decides which generalises).
  cannedThreshold: 0.5, duplicateJaccard: 0.6,
  shingle: { size: 3, hashes: 64, seed: 1997 },
  seed: 2020,
};

const MODEL_VERSION = 'ecoute-coach-1.0';

/** Reads replies.jsonl from `dataDir` itself or from its ecoute-corpus/ folder. */
export function readCorpusReplies(dataDir: string): LabelledReply[] {
  const direct = join(dataDir, 'replies.jsonl');
  const path = existsSync(direct) ? direct : join(dataDir, 'ecoute-corpus', 'replies.jsonl');
  if (!existsSync(path)) throw new Error(`No replies.jsonl in ${dataDir} or ${join(dataDir, 'ecoute-corpus')}. Set ECOUTE_DATA_DIR to the data folder.`);
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    const r = JSON.parse(l) as LabelledReply;
    if (typeof r.customer !== 'string' || typeof r.reply !== 'string') throw new Error(`${path} line ${i + 1}: needs "customer" and "reply" strings.`);
    return r;
  });
}

const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  const v = Math.round(x * f) / f;
  return Object.is(v, -0) ? 0 : v;
};

/** Least squares with a small ridge (normal equations, Gaussian elimination): the overall map. */
function ridge(X: number[][], y: number[], lambda = 1e-3): number[] {
  const p = X[0].length;
  const A = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  for (let i = 0; i < X.length; i++) {
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) A[a][b] += X[i][a] * X[i][b];
      A[a][p] += X[i][a] * y[i];
    }
  }
  for (let a = 1; a < p; a++) A[a][a] += lambda * X.length;
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= p; k++) A[r][k] -= f * A[c][k];
    }
  }
  return A.map((row, i) => row[p] / row[i]);
}

/** Distinct signatures of the canned training replies (near-identical copies kept once). */
function templateSignatures(rows: readonly LabelledReply[], p: ShingleParams): number[][] {
  const kept: { set: Set<number>; sig: number[] }[] = [];
  for (const r of rows) {
    if (!r.canned) continue;
    const set = shingles(r.reply, p.size);
    if (set.size === 0 || kept.some((k) => jaccard(k.set, set) >= 0.9)) continue;
    kept.push({ set, sig: minhash(set, p) });
  }
  // Sorted so the file does not depend on corpus order.
  return kept.map((k) => k.sig).sort((a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return 0;
  });
}

/** The dimensions the written peer-support exchanges are labelled on (EPITOME's three). */
const EPITOME_DIMENSIONS: ReadonlySet<HeadName> = new Set<HeadName>(['emotionalReaction', 'interpretation', 'exploration']);

/**
 * Fits a coach on labelled replies (training folds in cross-validation, the whole corpus for the
 * shipped model). `peer` (written peer-support exchanges) trains the three EPITOME dimensions too;
 * the other heads, the templates and the overall map read `rows` only. Without `peer`, the model is
 * exactly that of `rows` alone.
 */
export function fitCoach(rows: readonly LabelledReply[], o: CoachOptions = COACH_OPTIONS, peer: readonly PeerReply[] = []): CoachModel {
  if (rows.length === 0) throw new Error('fitCoach: no training replies.');
  // Peer exchanges come after the replies, so a head of `rows` alone reads the first rows.length documents.
  const feats: FeatureMap[] = [...rows, ...peer].map((r) => replyFeatures(r.customer, r.reply));
  const df = new Map<string, number>();
  for (const f of feats) for (const n of f.keys()) df.set(n, (df.get(n) ?? 0) + 1);
  const isNgram = (n: string) => n.startsWith('w:') || n.startsWith('b:');
  const vocab = [...df.entries()].filter(([n, c]) => !isNgram(n) || c >= o.minDf).map(([n]) => n).sort();
  const index = new Map(vocab.map((n, i) => [n, i]));
  const sparse = feats.map((f) => {
    const pairs = [...f.entries()].filter(([n]) => index.has(n)).map(([n, v]) => [index.get(n) as number, v] as const).sort((a, b) => a[0] - b[0]);
    return { idx: Int32Array.from(pairs.map((p) => p[0])), val: Float32Array.from(pairs.map((p) => p[1])) };
  });

  const fitHead = (labels: number[], k: number, seed: number): { weights: Float64Array; bias: Float64Array } => {
    const counts = new Array<number>(k).fill(0);
    for (const y of labels) counts[y]++;
    const docs: SparseDoc[] = sparse.slice(0, labels.length).map((s, i) => ({
      ...s, y: labels[i], weight: o.balanced ? labels.length / (k * Math.max(1, counts[labels[i]])) : 1,
    }));
    return trainLinear(docs, { k, nFeatures: vocab.length, mode: 'softmax', epochs: o.epochs, lr: o.lr, l2: o.l2, seed });
  };
  const raw = {} as Record<HeadName, { weights: Float64Array; bias: Float64Array; k: number }>;
  DIMENSIONS.forEach((d, i) => {
    const labels = rows.map((r) => r[LABEL_FIELD[d]]);
    if (EPITOME_DIMENSIONS.has(d)) for (const p of peer) labels.push(p[LABEL_FIELD[d] as 'emotional_reaction' | 'interpretation' | 'exploration']);
    raw[d] = { ...fitHead(labels, 3, o.seed + i), k: 3 };
  });
  raw.canned = { ...fitHead(rows.map((r) => (r.canned ? 1 : 0)), 2, o.seed + 10), k: 2 };

  // Drop features whose weights all round to zero: they change no prediction and only grow the file.
  const heads = Object.keys(raw) as HeadName[];
  const keep = vocab.map((_, j) => heads.some((h) => {
    for (let c = 0; c < raw[h].k; c++) if (round(raw[h].weights[j * raw[h].k + c]) !== 0) return true;
    return false;
  }));
  const features = vocab.filter((_, j) => keep[j]);
  const packed = {} as Record<HeadName, LinearHead>;
  for (const h of heads) {
    const { k, weights, bias } = raw[h];
    const w: number[] = [];
    vocab.forEach((_, j) => { if (keep[j]) for (let c = 0; c < k; c++) w.push(round(weights[j * k + c])); });
    packed[h] = { classes: k, bias: Array.from(bias, (b) => round(b)), weights: w };
  }

  // Overall rating from the labelled dimensions: intercept, five dimensions, canned.
  const X = rows.map((r) => [1, ...DIMENSIONS.map((d) => r[LABEL_FIELD[d]]), r.canned ? 1 : 0]);
  const beta = ridge(X, rows.map((r) => r.overall));
  const scoreWeights = {} as Record<HeadName, number>;
  DIMENSIONS.forEach((d, i) => { scoreWeights[d] = round(beta[i + 1], 4); });
  scoreWeights.canned = round(beta[DIMENSIONS.length + 1], 4);

  const model: CoachModel = {
    version: '',
    features,
    heads: packed,
    canned: { threshold: o.cannedThreshold, duplicateJaccard: o.duplicateJaccard, templates: templateSignatures(rows, o.shingle) },
    shingle: o.shingle,
    score: { intercept: round(beta[0], 4), weights: scoreWeights },
  };
  model.version = `${MODEL_VERSION}+${createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 8)}`;
  return model;
}

/** Trains the shipped coach from `dataDir` (the data folder, or a folder holding replies.jsonl) and the written peer-support exchanges. */
export function trainCoach(dataDir: string, o: CoachOptions = COACH_OPTIONS, peer: readonly PeerReply[] = readWrittenReplies()): CoachModel {
  const rows = readCorpusReplies(dataDir).slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return fitCoach(rows, o, peer);
}
