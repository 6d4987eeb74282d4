/**
 * The project's written training messages (data/written-messages): every committed line keeps the
 * label contract and the guidelines' checked rules, ids and texts are unique, and cross-validation
 * adds them to every training fold without ever predicting them. Made-up messages for the seam.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';
import type { LabelledMessage } from '../../scripts/data/labelled-messages.ts';
import { readWrittenMessages } from '../../scripts/data/written-messages.ts';
import { crossValidateHeads } from '../../scripts/train/cx-heads/cross-validate.ts';
import { FIT_DEFAULTS } from '../../scripts/train/cx-heads/fit-heads.ts';
import { headExamples } from '../../scripts/train/cx-heads/head-examples.ts';
import { closestOverlap } from '../../scripts/eval/written-overlap.ts';
import { readLabelledMessages } from '../../scripts/data/labelled-messages.ts';
import { dataPath } from '../../scripts/data/paths.ts';

const POSITIVE = new Set(['joy', 'gratitude', 'relief', 'trust', 'surprise', 'neutral']);

describe('the committed written messages', () => {
  const written = readWrittenMessages();

  it('are there, in both languages, with unique ids; a text written twice ("Good.") has the same labels', () => {
    expect(written.filter((m) => m.lang === 'fr').length).toBeGreaterThan(500);
    expect(written.filter((m) => m.lang === 'en').length).toBeGreaterThan(500);
    expect(new Set(written.map((m) => m.id)).size).toBe(written.length);
    const labelsOf = new Map<string, string>();
    const conflicts: string[] = [];
    // The labels the heads learn; the reason span may differ by a full stop.
    for (const { id: _id, industry: _industry, channel: _channel, reason: _reason, ...labels } of written) {
      const key = labels.text.trim().toLowerCase();
      const seen = labelsOf.get(key);
      if (seen !== undefined && seen !== JSON.stringify({ ...labels, text: key })) conflicts.push(labels.text);
      labelsOf.set(key, JSON.stringify({ ...labels, text: key }));
    }
    expect(conflicts).toEqual([]);
  });

  it('keep the guidelines\u2019 checked rules on every line', () => {
    const broken = written.filter((m) =>
      (m.reason === null) !== (m.emotions.length === 1 && m.emotions[0] === 'neutral')
      || (m.reason !== null && !m.text.includes(m.reason))
      || (m.emotions.includes('neutral') && m.emotions.length !== 1)
      || (m.sentiment === 'positive' && m.emotions.some((e) => ['anger', 'frustration', 'disgust'].includes(e)))
      || (m.sentiment === 'negative' && POSITIVE.has(m.emotions[0]))
      || m.emotions.length > 2 || m.needs.length > 2 || m.themes.length > 3);
    expect(broken.map((m) => m.id)).toEqual([]);
  });

  it('give a need to nearly every negative message: the guidelines leave none to pure praise and flat survey remarks', () => {
    // 1,135 negative messages once had no need (12.5 %, against 0.6 % in the corpus); they were
    // relabelled under the guidelines, and the need head had learnt to answer "none" to complaints.
    const negative = written.filter((m) => m.sentiment === 'negative');
    const without = negative.filter((m) => m.needs.length === 0);
    expect(without.length / negative.length).toBeLessThan(0.01);
  });

  it('copy none of the messages they are measured on: no written text shares half its word trigrams with a corpus or gold message', () => {
    // A near-copy of a test message would lift its figure without teaching anything.
    for (const set of ['ecoute-corpus', 'ecoute-gold']) {
      const r = closestOverlap(written, readLabelledMessages(dataPath(set)));
      expect({ set, atOrAbove: r.atOrAbove, pair: r.atOrAbove > 0 ? r.pair : null }).toEqual({ set, atOrAbove: 0, pair: null });
    }
  });

  it('reads nothing when the folder has no .jsonl file', () => {
    expect(readWrittenMessages(mkdtempSync(path.join(tmpdir(), 'ecoute-written-')))).toEqual([]);
  });
});

/** Made-up messages: churn said with a word no rule knows ("skedaddle"), in the written set only. */
function message(id: string, text: string, churn: boolean): LabelledMessage {
  return { id, lang: 'en', text, sentiment: 'negative', emotions: ['frustration'], needs: ['resolution'], themes: ['technical'], stage: 'usage', churn_intent: churn, urgency: 'medium', vulnerable: false, reason: null };
}

describe('cross-validation with written messages', async () => {
  const model = await loadModel();
  delete model.cxHeads;
  const devices = ['router', 'app', 'meter', 'card reader', 'set-top box', 'printer', 'modem', 'kiosk', 'tablet', 'scanner'];
  const corpus = devices.flatMap((d, i) => [
    message(`c${i}`, `The ${d} broke on day ${i + 3}, I will skedaddle to a rival.`, true),
    message(`d${i}`, `The ${d} broke on day ${i + 3}, please send someone.`, false),
  ]);
  const written = devices.flatMap((d, i) => [
    message(`w${i}`, `My ${d} failed for the ${i + 2}th time, we skedaddle next month.`, true),
    message(`v${i}`, `My ${d} failed for the ${i + 2}th time, please fix it.`, false),
  ]);
  const c = headExamples(model, corpus);
  const opts = { ...FIT_DEFAULTS, innerFolds: 3 };

  it('predicts every corpus message once and no written message', () => {
    const cv = crossValidateHeads(c.examples, c.rules, 5, 2026, opts, headExamples(model, written).examples);
    expect(cv).toHaveLength(corpus.length);
    expect(cv.every((p) => p !== undefined)).toBe(true);
  });

  it('learns from the written messages: their cue reaches corpus messages the folds alone cannot teach', () => {
    // Two corpus folds' worth of churn messages lack the cue; the written set teaches it.
    const bare = corpus.map((m) => (m.churn_intent ? { ...m, text: m.text.replace('I will skedaddle to a rival', 'I will skedaddle') } : m));
    const b = headExamples(model, bare);
    const alone = crossValidateHeads(b.examples, b.rules, 5, 2026, opts);
    const helped = crossValidateHeads(b.examples, b.rules, 5, 2026, opts, headExamples(model, written).examples);
    const hits = (p: typeof alone) => p.filter((q, i) => q.churn === bare[i].churn_intent).length;
    expect(hits(helped)).toBeGreaterThanOrEqual(hits(alone));
    expect(hits(helped)).toBe(bare.length);
  });
});

describe('the overlap check', () => {
  it('finds a copied message and not an unrelated one', () => {
    const gold = [message('g1', 'The lift in block C has been out of order for nine days and nobody answers.', false)];
    const copy = message('w1', 'The lift in block C has been out of order for nine days and nobody answers!', false);
    const other = message('w2', 'Parcel left in the rain, the box was soaked through.', false);
    expect(closestOverlap([copy], gold).max).toBeGreaterThan(0.9);
    expect(closestOverlap([other], gold)).toEqual({ max: 0, atOrAbove: 0, pair: null });
  });
});

