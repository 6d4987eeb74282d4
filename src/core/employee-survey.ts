import { z } from 'zod';

/** One employee's answer to an engagement survey (EX), anonymous, aggregated by team and period. */
export const EmployeeSurveyInputSchema = z.object({
  naturalKey: z.string().min(1),
  team: z.string().min(1),
  /** Period label, e.g. "2026-Q3" or "2026-10". */
  period: z.string().min(1),
  /** eNPS answer 0..10. */
  enps: z.number().int().min(0).max(10).optional(),
  /** Engagement items, each 1..5, keyed by item name. */
  items: z.record(z.string(), z.number().min(1).max(5)).default({}),
  comment: z.string().optional(),
  at: z.date(),
});
export type EmployeeSurveyInput = z.infer<typeof EmployeeSurveyInputSchema>;
