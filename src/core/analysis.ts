import { z } from 'zod';
import { EMOTIONS, NEEDS, SENTIMENTS, STAGES, URGENCIES } from './labels.ts';

/** A labelled finding with its strength and the span of the text that shows it. */
export const FindingSchema = z.object({
  label: z.string(),
  score: z.number().min(0).max(1),
  evidence: z.string().nullable(),
});
export type Finding = z.infer<typeof FindingSchema>;

/**
 * The analysis of one customer message: the stable contract of `ecoute analyze`, of the library call
 * `analyze(text, options)` and of what is stored per message.
 */
export const AnalysisSchema = z.object({
  language: z.string(),
  sentiment: z.object({ label: z.enum(SENTIMENTS), score: z.number().min(-1).max(1) }),
  /** Strongest first; empty means neutral. Labels from EMOTIONS. */
  emotions: z.array(FindingSchema.extend({ label: z.enum(EMOTIONS) })),
  needs: z.array(FindingSchema.extend({ label: z.enum(NEEDS) })),
  /** Built-in THEMES labels (discovered themes live in insights, not here). */
  themes: z.array(FindingSchema),
  /** Evidence: the cue, theme or grievance that placed the message at this stage. */
  stage: z.object({ label: z.enum(STAGES), score: z.number().min(0).max(1), evidence: z.string().nullable() }).nullable(),
  signals: z.object({
    churnIntent: z.boolean(),
    urgency: z.enum(URGENCIES),
    vulnerable: z.boolean(),
    repeatContact: z.boolean(),
  }),
  reason: z.string().nullable(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;
