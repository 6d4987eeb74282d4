import type { ConversationInput } from '../../core/conversation.ts';
import type { EmployeeSurveyInput } from '../../core/employee-survey.ts';
import { conversationExternalId } from '../natural-key.ts';
import { pseudonymizeCustomerId, redactOptional, redactPii } from './redact.ts';

/**
 * The single point where every ingested conversation is redacted, whatever its format: message text
 * and author, subject, agent, customer name; customer ids that are e-mail addresses are pseudonymised
 * ("cust-"), conversation ids containing "@" become "msg-" ids (see conversationExternalId).
 */
export function redactConversation(c: ConversationInput): ConversationInput {
  return {
    ...c,
    externalId: c.externalId === undefined ? undefined : conversationExternalId(c.externalId),
    subject: redactOptional(c.subject),
    agent: redactOptional(c.agent),
    team: redactOptional(c.team),
    customer: c.customer && {
      ...c.customer,
      externalId: pseudonymizeCustomerId(c.customer.externalId),
      name: redactOptional(c.customer.name),
      segment: redactOptional(c.customer.segment),
    },
    messages: c.messages.map((m) => ({ ...m, text: redactPii(m.text), author: redactOptional(m.author) })),
  };
}

/** Redacts an employee survey comment (and team label, which is free text). */
export function redactEmployeeAnswer(a: EmployeeSurveyInput): EmployeeSurveyInput {
  return { ...a, team: redactPii(a.team), comment: redactOptional(a.comment) };
}
