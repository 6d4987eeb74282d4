import { z } from 'zod';

/** A customer as ingestion sees it: an external id plus optional segment and value (annual revenue). */
export const CustomerRefSchema = z.object({
  externalId: z.string().min(1),
  name: z.string().optional(),
  segment: z.string().optional(),
  /** Annual value in the workspace currency, used for value at risk. */
  value: z.number().nonnegative().optional(),
});
export type CustomerRef = z.infer<typeof CustomerRefSchema>;
