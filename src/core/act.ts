import { z } from 'zod';

export const CASE_STATUSES = ['open', 'in_progress', 'closed'] as const;

/** A close-the-loop case: a customer to call back, with an owner. */
export const CaseSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  conversationId: z.string().nullable(),
  customerId: z.string().nullable(),
  title: z.string().min(1),
  status: z.enum(CASE_STATUSES),
  owner: z.string().nullable(),
  priority: z.enum(['low', 'medium', 'high']),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Case = z.infer<typeof CaseSchema>;

/** An alert raised by a rule or by spike detection. */
export const AlertSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  kind: z.string(),
  message: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  acknowledged: z.boolean(),
});
export type Alert = z.infer<typeof AlertSchema>;
