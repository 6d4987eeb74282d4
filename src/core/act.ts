import { z } from 'zod';

/**
 * A case's life: open → in progress → waiting for customer → resolved → closed. Reopening puts a
 * resolved or closed case back to `open` and counts it in `reopenCount` (there is no "reopened"
 * status, so every list and filter keeps five states).
 */
export const CASE_STATUSES = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_PRIORITIES = ['low', 'medium', 'high'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** What a case event records: its creation, a new owner/team/due time, a status move, a note, a root-cause link. */
export const CASE_EVENT_KINDS = ['created', 'assigned', 'status', 'note', 'linked', 'unlinked', 'due', 'team'] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** The status of a root cause (the outer loop), independent of its cases'. */
export const ROOT_CAUSE_STATUSES = ['open', 'investigating', 'fixed', 'wont_fix'] as const;
export type RootCauseStatus = (typeof ROOT_CAUSE_STATUSES)[number];

/** A close-the-loop case: a customer to call back, with an owner and a due time. */
export const CaseSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  conversationId: z.string().nullable(),
  customerId: z.string().nullable(),
  /** The message that raised it (a rule's alert, or "open a case" on a message); null when opened blank. */
  messageId: z.string().nullable(),
  alertId: z.string().nullable(),
  title: z.string().min(1),
  status: z.enum(CASE_STATUSES),
  owner: z.string().nullable(),
  team: z.string().nullable(),
  priority: z.enum(CASE_PRIORITIES),
  urgency: z.enum(CASE_PRIORITIES).nullable(),
  dueAt: z.date().nullable(),
  rootCauseId: z.string().nullable(),
  firstResponseAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  reopenCount: z.number().int().min(0),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Case = z.infer<typeof CaseSchema>;

/** One change of a case, oldest first; a note is an event with text. */
export const CaseEventSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  at: z.date(),
  /** Who did it: a person's name, or 'rule' / 'api' / 'cli' for machines. */
  actor: z.string(),
  kind: z.enum(CASE_EVENT_KINDS),
  fromStatus: z.enum(CASE_STATUSES).nullable(),
  toStatus: z.enum(CASE_STATUSES).nullable(),
  text: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

/** The outer loop: a theme (or discovered theme) that gathers every case sharing it. */
export const RootCauseSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  /** The theme it stands for, e.g. "delivery" or "discovered:late-refunds"; unique in a workspace. */
  key: z.string().min(1),
  title: z.string().min(1),
  owner: z.string().nullable(),
  status: z.enum(ROOT_CAUSE_STATUSES),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type RootCause = z.infer<typeof RootCauseSchema>;

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
