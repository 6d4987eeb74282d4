import { REPLY_CUES, cueCounts } from '../../act/coach/cue-lexicon.ts';
import { foldText } from '../../act/coach/text-units.ts';

// The two cue classes of an emotional reaction (EPITOME, Sharma et al. 2020): naming the feeling,
// or an explicit empathy frame ("je comprends…", "that must be…"). An apology alone is not empathy.
const EMPATHY_CUES = REPLY_CUES.filter((c) => c.name === 'feeling' || c.name === 'empathyFrame');

/**
 * Whether an agent reply shows empathy, by the coach's bilingual cue lexicon: a lexical proxy,
 * cheap enough for every reply of a workspace (the learned coach scores one reply at a time, with
 * its customer message, and needs its model file).
 */
export function showsEmpathy(reply: string): boolean {
  const counts = cueCounts(foldText(reply), EMPATHY_CUES);
  return Object.values(counts).some((n) => n > 0);
}
