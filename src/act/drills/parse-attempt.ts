/**
 * The attempt contract shared by POST /api/drills/attempts and the CLI: every problem (unknown
 * emotion, empty reply, missing participant...) is refused with an InputError naming the field, the
 * value and the valid ones.
 */
import { InputError } from '../../core/errors.ts';
import { EMOTIONS, NEEDS, type Emotion, type Need } from '../../core/labels.ts';
import { MAX_TEXT } from '../coach/coach-input.ts';
import { DRILL_MODES, type DrillAttemptInput, type DrillMode } from './drill-types.ts';

/** Longest participant or team name (characters). */
export const MAX_NAME = 120;

/** The body shape every error message reminds the caller of. */
export const ATTEMPT_SHAPE = '{"messageId", "participant", "team"?, "emotions": [...], "needs": [...], "reply", "mode"?: "drill"|"hiring"}';

function name(body: Record<string, unknown>, field: string, required: boolean): string | null {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required) throw new InputError(`Field "${field}" is missing. Send ${ATTEMPT_SHAPE}.`, { field });
    return null;
  }
  if (typeof v !== 'string' || v.trim() === '') throw new InputError(`Field "${field}" must be a non-empty string. Send ${ATTEMPT_SHAPE}.`, { field });
  if (v.trim().length > MAX_NAME) throw new InputError(`Field "${field}" is longer than ${MAX_NAME} characters; shorten it.`, { field });
  return v.trim();
}

function labels<L extends string>(body: Record<string, unknown>, field: string, valid: readonly L[]): L[] {
  const v = body[field];
  if (!Array.isArray(v)) throw new InputError(`Field "${field}" must be an array of labels (possibly empty), one of: ${valid.join(', ')}.`, { field });
  const out: L[] = [];
  for (const x of v) {
    if (typeof x !== 'string' || !(valid as readonly string[]).includes(x)) {
      throw new InputError(`Unknown ${field === 'emotions' ? 'emotion' : 'need'} "${String(x)}" in "${field}". Use one of: ${valid.join(', ')}.`, { field, value: x });
    }
    if (!out.includes(x as L)) out.push(x as L);
  }
  return out;
}

/** Validates an attempt body of unknown shape into a DrillAttemptInput (InputError otherwise). */
export function parseDrillAttempt(raw: unknown): DrillAttemptInput {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InputError(`The attempt must be a JSON object ${ATTEMPT_SHAPE}.`);
  const body = raw as Record<string, unknown>;
  const messageId = body.messageId;
  if (typeof messageId !== 'string' && typeof messageId !== 'number') {
    throw new InputError(`Field "messageId" is missing. Take it from GET /api/drills/current. Send ${ATTEMPT_SHAPE}.`, { field: 'messageId' });
  }
  const mode = body.mode ?? 'drill';
  if (typeof mode !== 'string' || !(DRILL_MODES as readonly string[]).includes(mode)) {
    throw new InputError(`Field "mode" must be "drill" or "hiring", not "${String(mode)}".`, { field: 'mode' });
  }
  const reply = body.reply;
  if (typeof reply !== 'string' || reply.trim() === '') {
    throw new InputError('Field "reply" is empty: write the reply you would send this customer, then submit again.', { field: 'reply' });
  }
  if (reply.length > MAX_TEXT) throw new InputError(`Field "reply" is longer than ${MAX_TEXT} characters; shorten it.`, { field: 'reply' });
  return {
    messageId: String(messageId),
    participant: name(body, 'participant', true)!,
    team: name(body, 'team', false),
    mode: mode as DrillMode,
    emotions: labels<Emotion>(body, 'emotions', EMOTIONS),
    needs: labels<Need>(body, 'needs', NEEDS),
    reply: reply.trim(),
  };
}
