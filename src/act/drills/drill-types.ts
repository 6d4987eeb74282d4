/**
 * Types of empathy drills: a scenario built from a real (redacted at ingest) customer message, a
 * participant's attempt at reading and answering it, and the feedback they get. Hiring mode uses the
 * same scenarios and rubric to inform a person's decision about a candidate; nothing is ranked.
 */
import type { Analysis } from '../../core/analysis.ts';
import type { Emotion, Need } from '../../core/labels.ts';
import type { Dimension, Level, Suggestion } from '../coach/coach-model.ts';

/** A team drill, or a candidate's exercise in hiring mode (decision support only). */
export const DRILL_MODES = ['drill', 'hiring'] as const;
export type DrillMode = (typeof DRILL_MODES)[number];

/** An analysed customer message a drill can be built from (the store's facts, trimmed). */
export interface DrillSource {
  messageId: string;
  text: string;
  language: string | null;
  channel: string;
  analysis: Analysis;
}

/** What a participant sees: the message, never its analysis (the answers). */
export interface DrillScenario {
  messageId: string;
  text: string;
  language: string | null;
  channel: string;
}

/** A validated attempt. */
export interface DrillAttemptInput {
  messageId: string;
  participant: string;
  team: string | null;
  mode: DrillMode;
  emotions: Emotion[];
  needs: Need[];
  reply: string;
}

/** How one list of chosen labels compares with the analysis. */
export interface LabelMatch<L extends string> {
  matched: L[];
  /** In the analysis, not chosen. */
  missed: L[];
  /** Chosen, not in the analysis. */
  extra: L[];
}

/** One finding of the analysis with the words of the message that show it. */
export interface EvidenceNote {
  kind: 'emotion' | 'need';
  label: string;
  name: string;
  evidence: string | null;
}

/** The reading half of the feedback: the participant's labels against the analysis. */
export interface ReadingFeedback {
  /** 0..100: mean of the emotion and need F1 scores. */
  score: number;
  emotions: LabelMatch<Emotion>;
  needs: LabelMatch<Need>;
  evidence: EvidenceNote[];
}

/** The reply half of the feedback: the reply coach's verdict. */
export interface ReplyFeedback {
  score: number;
  dimensions: Record<Dimension, Level>;
  canned: boolean;
  suggestions: Suggestion[];
}

/** What a participant gets back after an attempt, with a short text in their language. */
export interface DrillFeedback {
  messageId: string;
  mode: DrillMode;
  reading: ReadingFeedback;
  reply: ReplyFeedback;
  /** One or two sentences summing up what to work on. */
  summary: string;
}

/** A stored attempt (the store's row, typed). */
export interface DrillAttempt {
  id: string;
  week: string;
  messageId: string;
  participant: string;
  team: string | null;
  mode: DrillMode;
  emotions: string[];
  needs: string[];
  reply: string;
  readingScore: number;
  replyScore: number;
  createdAt: Date;
}
