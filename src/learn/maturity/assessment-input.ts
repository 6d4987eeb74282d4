/**
 * The shape of a submitted assessment — an answers file for `ecoute assess --answers`, the body of
 * POST /api/assessments — checked with zod before scoring. The shape is checked here; each answer is
 * checked by validateAnswers, whose messages name the question.
 */
import { z } from 'zod';
import type { AssessmentEvidence } from './recommend.ts';

/** Workspace figures a submission may carry; unknown keys are refused so that a typo is not silently dropped. */
export const EvidenceSchema = z.strictObject({
  listeningReadersLastMonth: z.number().int().min(0).optional(),
  alertsClosedOnTimeShare: z.number().min(0).max(1).optional(),
  drillParticipation: z.number().min(0).max(1).optional(),
  nps: z.number().min(-100).max(100).optional(),
  npsResponses: z.number().int().min(0).optional(),
}) satisfies z.ZodType<AssessmentEvidence>;

/** `{answers: {questionId: 1–5, ...}, evidence?: {...}, lang?: "fr"|"en"}`. */
export const AssessmentInputSchema = z.strictObject({
  answers: z.record(z.string(), z.unknown()),
  evidence: EvidenceSchema.optional(),
  lang: z.enum(['fr', 'en']).optional(),
});
/** A submission whose shape is valid (its answers are checked by validateAnswers). */
export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;

/** One line describing the accepted shape, for error messages. */
export const INPUT_SHAPE = '{"answers": {"listen-channels": 3, ...}, "evidence": {"nps": 12, "listeningReadersLastMonth": 8, "alertsClosedOnTimeShare": 0.6, "drillParticipation": 0.4} (optional), "lang": "fr"|"en" (optional)}';

/**
 * Validates a parsed submission. On failure, `problem` names the field and the fix; the edge decides
 * what it is (a bad file is bad input, exit 1; a bad request body is a 400).
 */
export function parseAssessmentInput(raw: unknown): { ok: true; input: AssessmentInput } | { ok: false; field: string; problem: string } {
  const result = AssessmentInputSchema.safeParse(raw);
  if (result.success) return { ok: true, input: result.data };
  const issue = result.error.issues[0];
  const field = issue.path.join('.') || 'top level';
  const detail = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  return { ok: false, field, problem: `field "${field}": ${detail}. Expected ${INPUT_SHAPE}` };
}
