/**
 * The reply coach's batches for reply empathy: one per calendar month (UTC) of the reply. The coach's
 * near-duplicate search (a reply nearly repeating one sent to another customer is canned) compares a
 * reply with its batch, so each batch stays a month's size however long the history (its candidate
 * sets and signatures are held in memory at once), and a new data version re-coaches only the months
 * whose replies changed (ReplyEmpathyCache). A template is still found: a canned answer is sent many
 * times a month, so its twins share its month. A reply whose only near-duplicates were sent in other
 * months is no longer caught by the batch (the model's canned head and template signatures still read
 * it): on the demo sample, 70 of 756 replies, whose twin lies in another month, lose their canned mark.
 */
import { createHash } from 'node:crypto';
import { coachBatch } from '../../act/coach/coach.ts';
import type { CoachInput, CoachModel } from '../../act/coach/coach-model.ts';
import type { ReplyPair } from '../../act/coach/reply-history.ts';
import { coachSaysEmpathic } from '../../learn/ex-cx/reply-empathy.ts';

/** The replies of one month, in history order. */
export interface MonthBatch {
  /** "YYYY-MM" of the replies' UTC time. */
  month: string;
  ids: string[];
  inputs: CoachInput[];
}

/** Splits reply pairs into month batches, months in ascending order, replies in their given order. */
export function monthBatches(pairs: readonly ReplyPair[]): MonthBatch[] {
  const by = new Map<string, ReplyPair[]>();
  for (const p of pairs) {
    const month = p.at.toISOString().slice(0, 7);
    const list = by.get(month);
    if (list) list.push(p); else by.set(month, [p]);
  }
  return [...by].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([month, list]) => {
    const inputs = list.map((p) => p.input);
    return { month, ids: inputs.map((i) => String(i.id)), inputs };
  });
}

/** SHA-1 of what the coach reads of a batch (ids, texts, languages, order): equal digests, equal verdicts. */
export function batchDigest(inputs: readonly CoachInput[]): string {
  const hash = createHash('sha1');
  for (const i of inputs) hash.update(`${String(i.id)}\u0000${i.lang ?? ''}\u0000${i.customer}\u0000${i.reply}\u0001`);
  return hash.digest('base64');
}

/** The coach's "shows empathy" verdict on each reply of one batch, in order. */
export function coachMonthVerdicts(inputs: readonly CoachInput[], model: CoachModel): boolean[] {
  return coachBatch(inputs, model).map(coachSaysEmpathic);
}
