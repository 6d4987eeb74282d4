import type { CoachResult } from '../../act/coach/coach-model.ts';
import { REPLY_CUES, cueCounts } from '../../act/coach/cue-lexicon.ts';
import { foldText } from '../../act/coach/text-units.ts';
import type { MessageFact } from '../../core/facts.ts';

/** Which reader judged the agent replies: the learned reply coach, or its cue lexicon (no model file). */
export type ReplyEmpathySource = 'coach' | 'lexicon';

/**
 * The coach's verdict per agent reply, keyed by message id: computed by the shell (it loads the model
 * and runs coachBatch, src/runtime/act/reply-empathy-verdicts.ts) once per data version, passed in here.
 */
export type ReplyVerdicts = ReadonlyMap<string, boolean>;

// The two cue classes of an emotional reaction (EPITOME, Sharma et al. 2020): naming the feeling,
// or an explicit empathy frame ("je comprends…", "that must be…"). An apology alone is not empathy.
const EMPATHY_CUES = REPLY_CUES.filter((c) => c.name === 'feeling' || c.name === 'empathyFrame');

/**
 * Whether an agent reply shows empathy, by the coach's bilingual cue lexicon: the fallback when the
 * coach model file is absent. It counts any "je comprends", formulaic or not, and a template.
 */
export function showsEmpathy(reply: string): boolean {
  const counts = cueCounts(foldText(reply), EMPATHY_CUES);
  return Object.values(counts).some((n) => n > 0);
}

/**
 * The coach's reading of "this reply shows empathy": an emotional reaction of level 1 or 2 (EPITOME's
 * weak or strong communication of the feeling), on a reply that is not canned. Level 1 counts because
 * the metric asks whether the reply reacts to the feeling at all (level 2, naming this customer's
 * feeling, would make a short warm reply count as none); canned does not, because a template sent to
 * everyone ("nous comprenons votre mécontentement") reacts to no one — the coach's labels give it
 * personalization 0 for the same reason. A bare "Je comprends." before a hand-off reads as no
 * reaction or as a template, which is where the coach and the lexicon part ways.
 */
export function coachSaysEmpathic(result: Pick<CoachResult, 'dimensions' | 'canned'>): boolean {
  return result.dimensions.emotionalReaction >= 1 && !result.canned;
}

/** Verdicts of one coached batch: `results[i]` is the coach's result for the reply whose message id is `ids[i]`. */
export function coachVerdicts(ids: readonly string[], results: readonly Pick<CoachResult, 'dimensions' | 'canned'>[]): Map<string, boolean> {
  return new Map(ids.map((id, i) => [id, coachSaysEmpathic(results[i])]));
}

/** How the figures read one agent reply: true/false, or null when it is not counted. */
export interface ReplyEmpathyReader {
  source: ReplyEmpathySource;
  empathic(reply: Pick<MessageFact, 'messageId' | 'text'>): boolean | null;
}

/**
 * The reader of a computation: the coach's verdicts when given, else the lexicon. With verdicts, a
 * reply the coach did not read (it answers no customer message: an outbound first message) is not
 * counted, rather than mixed in with the lexicon's reading.
 */
export function replyEmpathyReader(verdicts?: ReplyVerdicts): ReplyEmpathyReader {
  if (!verdicts) return { source: 'lexicon', empathic: (m) => showsEmpathy(m.text) };
  return { source: 'coach', empathic: (m) => verdicts.get(m.messageId) ?? null };
}
