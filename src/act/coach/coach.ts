/**
 * The empathic reply coach: scores an agent's draft against the customer's message on the five
 * reply dimensions, flags templates, and says how to make the reply answer *this* customer.
 * Pure: the trained model and the batch context are passed in (see coach-model.ts).
 */
import { DIMENSIONS, type BatchContext, type CoachInput, type CoachModel, type CoachResult, type Dimension, type HeadName, type Level } from './coach-model.ts';
import { argmax, featureIndex, headProbabilities, toSparseRow } from './linear-head.ts';
import { findNearDuplicates, templateSimilarity } from './near-duplicates.ts';
import { replyFeatures } from './reply-features.ts';
import { suggestionsFor } from './suggestions.ts';
import { guessLanguage } from './text-units.ts';

/** Class probabilities of every head, plus how the canned decision was reached. */
export interface CoachPrediction {
  probabilities: Record<HeadName, number[]>;
  dimensions: Record<Dimension, Level>;
  canned: boolean;
  /** Expected level of each dimension under its probabilities (0..2), the score's input. */
  expected: Record<Dimension, number>;
  score: number;
}

/** 1..5 rating -> 0..100. */
const toPercent = (overall: number): number => Math.round(((Math.min(5, Math.max(1, overall)) - 1) / 4) * 100);

/**
 * The model's reading of one reply, before suggestions. Canned when the content head says so, or
 * when the reply nearly duplicates another reply of the batch sent to a different customer, or a
 * template seen in training. Canned forces personalization to 0 and vice versa, as in the labels;
 * exploration 2 needs a question.
 */
export function predictReply(customer: string, reply: string, model: CoachModel, batch: BatchContext = {}): CoachPrediction {
  const row = toSparseRow(replyFeatures(customer, reply), featureIndex(model));
  const probabilities = {} as Record<HeadName, number[]>;
  for (const name of [...DIMENSIONS, 'canned'] as HeadName[]) probabilities[name] = headProbabilities(model.heads[name], row);
  const canned = probabilities.canned[1] >= model.canned.threshold
    || batch.duplicateOf !== undefined
    || templateSimilarity(reply, model.canned.templates, model.shingle) >= model.canned.duplicateJaccard;
  const dimensions = {} as Record<Dimension, Level>;
  const expected = {} as Record<Dimension, number>;
  for (const d of DIMENSIONS) {
    const p = probabilities[d];
    dimensions[d] = argmax(p) as Level;
    expected[d] = p[1] + 2 * p[2];
  }
  // The guidelines reserve exploration 2 for a question about the customer's situation, and every
  // level-2 exploration of the corpus asks one: without a "?", the choice is between 0 and 1.
  const ex = probabilities.exploration;
  if (!reply.includes('?') && !reply.includes('？')) {
    dimensions.exploration = ex[1] > ex[0] ? 1 : 0;
    expected.exploration = ex[1] / Math.max(1e-9, ex[0] + ex[1]);
  }
  const pers = probabilities.personalization;
  dimensions.personalization = canned ? 0 : pers[2] > pers[1] ? 2 : 1;
  expected.personalization = canned ? 0 : (pers[1] + 2 * pers[2]) / Math.max(1e-9, pers[1] + pers[2]);
  const w = model.score.weights;
  let overall = model.score.intercept + (canned ? w.canned : 0);
  for (const d of DIMENSIONS) overall += w[d] * expected[d];
  return { probabilities, dimensions, canned, expected, score: toPercent(overall) };
}

/** Coaches one reply. `batch` carries its near-duplicate in the batch, if any (see coachBatch). */
export function coachReply(input: CoachInput, model: CoachModel, batch: BatchContext = {}): CoachResult {
  const p = predictReply(input.customer, input.reply, model, batch);
  const lang = input.lang ?? guessLanguage(input.reply);
  return {
    id: input.id,
    score: p.score,
    dimensions: p.dimensions,
    canned: p.canned,
    suggestions: suggestionsFor({ customer: input.customer, reply: input.reply, lang, dimensions: p.dimensions, canned: p.canned, batch }),
  };
}

/** Near-duplicate contexts of a batch, with the model's shingling and threshold. */
export function batchContexts(inputs: readonly CoachInput[], model: CoachModel): BatchContext[] {
  return findNearDuplicates(inputs, model.shingle, model.canned.duplicateJaccard);
}

/** Coaches a batch: replies that nearly duplicate one sent to another customer are canned. */
export function coachBatch(inputs: readonly CoachInput[], model: CoachModel): CoachResult[] {
  const contexts = batchContexts(inputs, model);
  return inputs.map((input, i) => coachReply(input, model, contexts[i]));
}
