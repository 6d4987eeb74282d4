import type { MessageFact } from '../core/facts.ts';
import { EMOTIONS, NEGATIVE_EMOTIONS, STAGES, type Emotion, type Stage } from '../core/labels.ts';
import type { WorkspaceSettings } from '../core/workspace.ts';
import type { JourneyMap, JourneyStage } from './types.ts';
import { round } from './stats/intervals.ts';

interface StageTally {
  messages: number;
  neutral: number;
  negative: number;
  counts: Record<Emotion, number>;
  /** Stated reasons, with how often each was given under each primary emotion. */
  reasons: Map<string, { text: string; count: number; byPrimary: Map<Emotion, number> }>;
}

/** The running counts of a journey map over some messages (all of them, or one day's: day-memo.ts). */
export interface JourneyTally {
  stages: Map<Stage, StageTally>;
  unstaged: number;
}

const zeroCounts = (): Record<Emotion, number> => Object.fromEntries(EMOTIONS.map((e) => [e, 0])) as Record<Emotion, number>;
const NEG = new Set<Emotion>(NEGATIVE_EMOTIONS);
const emptyStage = (): StageTally => ({ messages: 0, neutral: 0, negative: 0, counts: zeroCounts(), reasons: new Map() });

/** An empty tally. */
export function journeyTally(): JourneyTally {
  return { stages: new Map(), unstaged: 0 };
}

/** Counts one message. */
export function tallyJourney(tally: JourneyTally, m: MessageFact): void {
  const a = m.analysis;
  if (m.role !== 'customer' || !a) return;
  if (!a.stage) {
    tally.unstaged++;
    return;
  }
  let t = tally.stages.get(a.stage.label);
  if (!t) tally.stages.set(a.stage.label, (t = emptyStage()));
  t.messages++;
  if (a.emotions.length === 0) t.neutral++;
  let negative = false;
  for (let i = 0; i < a.emotions.length; i++) {
    const e = a.emotions[i].label;
    let dup = false;
    for (let j = 0; j < i; j++) if (a.emotions[j].label === e) dup = true;
    if (dup) continue;
    t.counts[e]++;
    if (NEG.has(e)) negative = true;
  }
  if (negative) t.negative++;
  if (a.reason) {
    // Lower-casing (not full accent folding) is enough to merge the same reason written twice.
    const key = a.reason.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
    let r = t.reasons.get(key);
    if (!r) t.reasons.set(key, (r = { text: a.reason.trim(), count: 0, byPrimary: new Map() }));
    r.count++;
    const primary = a.emotions[0]?.label;
    if (primary) r.byPrimary.set(primary, (r.byPrimary.get(primary) ?? 0) + 1);
  }
}

/**
 * Adds `from` into `into` (`from` is left as it is). Merged in time order, a reason keeps the wording
 * of its first message, as one pass over all the messages does.
 */
export function mergeJourney(into: JourneyTally, from: JourneyTally): void {
  into.unstaged += from.unstaged;
  for (const [stage, f] of from.stages) {
    let t = into.stages.get(stage);
    if (!t) into.stages.set(stage, (t = emptyStage()));
    t.messages += f.messages;
    t.neutral += f.neutral;
    t.negative += f.negative;
    for (const e of EMOTIONS) t.counts[e] += f.counts[e];
    for (const [key, fr] of f.reasons) {
      let r = t.reasons.get(key);
      if (!r) t.reasons.set(key, (r = { text: fr.text, count: 0, byPrimary: new Map() }));
      r.count += fr.count;
      for (const [e, n] of fr.byPrimary) r.byPrimary.set(e, (r.byPrimary.get(e) ?? 0) + n);
    }
  }
}

/**
 * The journey emotion map: for each stage, how many customer messages show each emotion (multi-label,
 * so shares may add up to more than 1), the dominant emotion, the reasons behind it, and
 * the gap to the emotion the workspace wants customers to feel there — the "signature moment" idea of
 * designing a stage around one intended feeling, then measuring the distance to it.
 */
export function computeJourneyMap(messages: readonly MessageFact[], settings: WorkspaceSettings): JourneyMap {
  const tally = journeyTally();
  for (const m of messages) tallyJourney(tally, m);
  return finishJourney(tally, settings);
}

/** The journey map a tally gives, with the workspace's desired emotions. */
export function finishJourney(tally: JourneyTally, settings: WorkspaceSettings): JourneyMap {
  const tallies = tally.stages;
  const stages: JourneyStage[] = STAGES.filter((s) => tallies.has(s) || settings.desiredEmotions[s]).map((stage) => {
    const t = tallies.get(stage);
    const desired = settings.desiredEmotions[stage] ?? null;
    if (!t) {
      return {
        stage, messages: 0, counts: zeroCounts(), shares: zeroCounts(), neutral: 0, dominantEmotion: null,
        negativeShare: null, topReasons: [], desiredEmotion: desired, desiredShare: null, gap: null, status: 'no_data',
      };
    }
    const shares = zeroCounts();
    let dominant: Emotion | null = null;
    for (const e of EMOTIONS) {
      shares[e] = round(t.counts[e] / t.messages, 3);
      if (t.counts[e] > 0 && (dominant === null || t.counts[e] > t.counts[dominant])) dominant = e;
    }
    const desiredShare = desired ? shares[desired] : null;
    const gap = desired === null ? null : round(Math.max(0, (dominant ? shares[dominant] : 0) - (desiredShare ?? 0)), 3);
    return {
      stage,
      messages: t.messages,
      counts: { ...t.counts },
      shares,
      neutral: t.neutral,
      dominantEmotion: dominant,
      negativeShare: round(t.negative / t.messages, 3),
      topReasons: topReasons(t, dominant),
      desiredEmotion: desired,
      desiredShare,
      gap,
      // A tie with the dominant emotion counts as met.
      status: desired === null ? 'no_target' : desired === dominant || ((desiredShare ?? 0) > 0 && gap === 0) ? 'met' : 'gap',
    };
  });
  return { emotions: [...EMOTIONS], stages, unstaged: tally.unstaged };
}

/**
 * Why customers feel what they feel at a stage: the reasons most often given by messages whose primary
 * emotion is the stage's dominant one (a "Merci, au revoir" closing a chat says nothing about the anger
 * of that stage). Falls back to all reasons when none was given under the dominant emotion.
 */
function topReasons(t: StageTally, dominant: Emotion | null): { reason: string; count: number }[] {
  const all = [...t.reasons.values()];
  const underDominant = dominant === null ? [] : all
    .map((r) => ({ text: r.text, count: r.byPrimary.get(dominant) ?? 0 }))
    .filter((r) => r.count > 0);
  return (underDominant.length > 0 ? underDominant : all)
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, 3)
    .map((r) => ({ reason: r.text, count: r.count }));
}
