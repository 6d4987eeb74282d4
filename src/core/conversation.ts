import { z } from 'zod';
import { AUTHOR_ROLES, CHANNELS, SURVEY_KINDS } from './labels.ts';
import { CustomerRefSchema } from './customer.ts';

/** One message of a conversation, before storage. `text` must already be PII-redacted. */
export const MessageInputSchema = z.object({
  role: z.enum(AUTHOR_ROLES),
  author: z.string().optional(),
  at: z.date(),
  text: z.string(),
  language: z.string().optional(),
});
export type MessageInput = z.infer<typeof MessageInputSchema>;

/** A survey answer attached to a conversation (the verbatim is also a customer message). */
export const SurveyInputSchema = z.object({
  kind: z.enum(SURVEY_KINDS),
  score: z.number(),
  at: z.date(),
});
export type SurveyInput = z.infer<typeof SurveyInputSchema>;

/**
 * A normalized conversation (ticket, chat, call, e-mail thread, survey response, review...) as the
 * ingest mappers produce it. `naturalKey` makes re-import idempotent.
 */
export const ConversationInputSchema = z.object({
  naturalKey: z.string().min(1),
  externalId: z.string().optional(),
  channel: z.enum(CHANNELS),
  /** Brand the conversation is about; set for competitor reviews, absent for the workspace's own brand. */
  brand: z.string().optional(),
  team: z.string().optional(),
  agent: z.string().optional(),
  subject: z.string().optional(),
  customer: CustomerRefSchema.optional(),
  startedAt: z.date(),
  messages: z.array(MessageInputSchema),
  surveys: z.array(SurveyInputSchema).default([]),
});
export type ConversationInput = z.infer<typeof ConversationInputSchema>;
