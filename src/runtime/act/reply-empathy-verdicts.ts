/**
 * The reply coach's empathy verdict on every agent reply of a workspace, for the EX–CX link and the
 * scorecards (src/learn stays pure: it is handed the verdicts as data). Each reply is coached against
 * the customer message it answers, in batches by calendar month of the reply (month-batches.ts: a
 * template sent to many customers in a month is found canned, and the cost grows linearly with the
 * history), once per data version per workspace. Under the server the coaching runs in a worker
 * thread, and months whose replies did not change keep their verdicts. Without the coach model file,
 * the figures fall back to the coach's cue lexicon, and say so (`replyEmpathySource: 'lexicon'`).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CoachInput, CoachModel } from '../../act/coach/coach-model.ts';
import { replyPairs } from '../../act/coach/reply-history.ts';
import type { MessageFact } from '../../core/facts.ts';
import { EcouteError, ModelError } from '../../core/errors.ts';
import type { ReplyEmpathySource, ReplyVerdicts } from '../../learn/ex-cx/reply-empathy.ts';
import type { Store } from '../../store/store.ts';
import { coachVerdictsInWorker } from './coach-in-worker.ts';
import { batchDigest, coachMonthVerdicts, monthBatches, type MonthBatch } from './month-batches.ts';

/** How a workspace's replies are judged: the coach's verdicts, or the lexicon (no model file). */
export type ReplyEmpathy =
  | { source: Extract<ReplyEmpathySource, 'coach'>; verdicts: ReplyVerdicts }
  | { source: Extract<ReplyEmpathySource, 'lexicon'>; verdicts?: undefined };

/** Coaches batches and answers each reply's verdict, batch by batch, in order (on this thread or a worker). */
export type CoachBatches = (batches: CoachInput[][], model: CoachModel) => Promise<boolean[][]>;

/** The coach's verdict on every agent reply of `messages` that answers a customer message, month by month, on this thread. */
export function coachReplyVerdicts(messages: readonly MessageFact[], model: CoachModel): ReplyVerdicts {
  const verdicts = new Map<string, boolean>();
  for (const b of monthBatches(replyPairs(messages))) coachMonthVerdicts(b.inputs, model).forEach((v, i) => verdicts.set(b.ids[i], v));
  return verdicts;
}

/**
 * True when `err` says the coach model is missing or unreadable: ModelError from loadCoachModel, or
 * the 503 the server's lazy loader turns it into. Anything else (a store failure) is a real error.
 */
function modelMissing(err: unknown): boolean {
  return err instanceof ModelError || (err instanceof EcouteError && err.code === 'model_unavailable');
}

/** The coach model, or null when its file is absent or unreadable (then the lexicon reads the replies). */
async function modelOrNull(getModel: () => Promise<CoachModel>): Promise<CoachModel | null> {
  try {
    return await getModel();
  } catch (err) {
    if (modelMissing(err)) return null;
    throw err;
  }
}

/** The reply empathy of a workspace's whole history as it is now, coached on this thread (the CLI). */
export async function loadReplyEmpathy(store: Store, workspaceId: string, getModel: () => Promise<CoachModel>): Promise<ReplyEmpathy> {
  const model = await modelOrNull(getModel);
  if (!model) return { source: 'lexicon' };
  return { source: 'coach', verdicts: coachReplyVerdicts(await store.messageFacts(workspaceId), model) };
}

/** Verdicts of a workspace's last computation, by month digest, with the model that gave them. */
interface MonthVerdicts {
  model: CoachModel;
  byDigest: Map<string, boolean[]>;
}

/** How the cache coaches: default, in a worker thread when there are at least `inThreadBelow` replies to coach. */
export interface ReplyEmpathyCacheOptions {
  coach?: CoachBatches;
  /** Fewer replies than this to coach (a month's new replies) run on this thread: cheaper than starting a worker. */
  inThreadBelow?: number;
}

/** On this thread: for a handful of replies, quicker than a worker's start. */
const coachHere: CoachBatches = async (batches, model) => batches.map((b) => coachMonthVerdicts(b, model));

/**
 * Keeps each workspace's verdicts for its current data version: the coach runs once per version (in a
 * worker thread, so the server keeps answering), the EX–CX page and the scorecards share the result,
 * and a new version coaches only the months whose replies changed. A lexicon fallback is not kept
 * (the model file may appear without the data changing), nor is a failure.
 */
export class ReplyEmpathyCache {
  private readonly kept = new Map<string, { version: number; empathy: Promise<ReplyEmpathy> }>();
  private readonly months = new Map<string, MonthVerdicts>();
  private readonly coach: CoachBatches;
  private readonly inThreadBelow: number;

  constructor(
    private readonly store: Store,
    private readonly getModel: () => Promise<CoachModel>,
    options: ReplyEmpathyCacheOptions = {},
  ) {
    this.coach = options.coach ?? coachVerdictsInWorker;
    this.inThreadBelow = options.inThreadBelow ?? 100;
  }

  /** The verdicts of `workspaceId` for its data as it is now. */
  async for(workspaceId: string): Promise<ReplyEmpathy> {
    const version = await this.store.dataVersion(workspaceId);
    const last = this.kept.get(workspaceId);
    if (last && last.version === version) return last.empathy;
    const entry = { version, empathy: this.load(workspaceId) };
    this.kept.set(workspaceId, entry);
    const drop = () => { if (this.kept.get(workspaceId) === entry) this.kept.delete(workspaceId); };
    entry.empathy.then((e) => { if (e.source === 'lexicon') drop(); }, drop);
    return entry.empathy;
  }

  /**
   * Coaches the months not coached last time with the same model; reuses the others' verdicts. The
   * work left on this thread (reading the facts, pairing, digests) is linear and yields between steps.
   */
  private async load(workspaceId: string): Promise<ReplyEmpathy> {
    const model = await modelOrNull(this.getModel);
    if (!model) return { source: 'lexicon' };
    const facts = await this.store.messageFacts(workspaceId);
    await nextTurn();
    const pairs = replyPairs(facts);
    await nextTurn();
    const batches: { batch: MonthBatch; digest: string }[] = [];
    for (const batch of monthBatches(pairs)) {
      batches.push({ batch, digest: batchDigest(batch.inputs) });
      await nextTurn();
    }
    const previous = this.months.get(workspaceId);
    const known = previous?.model === model ? previous.byDigest : new Map<string, boolean[]>();
    const todo = batches.filter((b) => !known.has(b.digest));
    const replies = todo.reduce((n, b) => n + b.batch.inputs.length, 0);
    const coach = replies < this.inThreadBelow ? coachHere : this.coach;
    const fresh = todo.length ? await coach(todo.map((b) => b.batch.inputs), model) : [];
    const byDigest = new Map<string, boolean[]>();
    todo.forEach((b, k) => byDigest.set(b.digest, fresh[k]));
    const verdicts = new Map<string, boolean>();
    for (const { batch, digest } of batches) {
      const vs = byDigest.get(digest) ?? known.get(digest)!;
      byDigest.set(digest, vs);
      batch.ids.forEach((id, i) => verdicts.set(id, vs[i]));
    }
    this.months.set(workspaceId, { model, byDigest });
    return { source: 'coach', verdicts };
  }
}
