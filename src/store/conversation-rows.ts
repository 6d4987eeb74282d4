/**
 * Row builders shared by the conversation writer and the appender: one stored message or survey
 * answer, with the conversation's copied columns (channel, brand, team, agent, customer).
 */
import type { Insertable } from 'kysely';
import { fold } from '../core/fold.ts';
import type { MessageInput, SurveyInput } from '../core/conversation.ts';
import type { MessagesTable, SurveyAnswersTable } from './db-types.ts';

/** The conversation columns every message row repeats (filters read them without a join). */
export interface ConversationCopy {
  channel: string;
  brand: string | null;
  team: string | null;
  agent: string | null;
  customer_id: number | null;
}

export function messageRow(
  workspaceId: string, conversationId: number, seq: number, m: MessageInput, c: ConversationCopy,
): Insertable<MessagesTable> {
  return {
    workspace_id: workspaceId,
    conversation_id: conversationId,
    seq,
    role: m.role,
    author: m.author ?? null,
    sent_at: m.at.getTime(),
    language: m.language ?? null,
    text: m.text,
    search_text: fold(m.text),
    channel: c.channel,
    brand: c.brand,
    team: c.team,
    agent: c.agent,
    customer_id: c.customer_id,
  };
}

export function surveyRow(workspaceId: string, conversationId: number, s: SurveyInput, customerId: number | null): Insertable<SurveyAnswersTable> {
  return { workspace_id: workspaceId, conversation_id: conversationId, customer_id: customerId, kind: s.kind, score: s.score, answered_at: s.at.getTime() };
}

/** Identity of a message within its conversation, for re-imports: time, role and (redacted) text. */
export const messageSignature = (sentAt: number, role: string, text: string): string => `${sentAt}\u0000${role}\u0000${text}`;

/** Identity of a survey answer within its conversation. */
export const surveySignature = (kind: string, score: number, answeredAt: number): string => `${kind}\u0000${score}\u0000${answeredAt}`;
