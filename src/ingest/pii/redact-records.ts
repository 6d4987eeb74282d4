import type { ConversationInput } from '../../core/conversation.ts';
import type { EmployeeSurveyInput } from '../../core/employee-survey.ts';
import { conversationExternalId, hashedId } from '../natural-key.ts';
import { isPhoneNumber } from './phone.ts';
import { phoneDigits, pseudonymizeCustomerId, redactOptional, redactPii } from './redact.ts';

/**
 * The single point where every ingested conversation is redacted, whatever its format: message text
 * and author, subject, agent, customer name; customer ids that are e-mail addresses or phone numbers
 * are pseudonymised ("cust-", keyed by the installation's `secret`), conversation ids containing "@"
 * become "msg-" ids (see conversationExternalId) and phone numbers used as ticket ids "id-" ids.
 */
export function redactConversation(c: ConversationInput, secret?: string): ConversationInput {
  const phoneId = c.externalId !== undefined && isPhoneNumber(c.externalId);
  // A phone number used as a ticket id is pseudonymised like a customer's, in the id and the natural key.
  const ticketId = phoneId ? hashedId('id', phoneDigits(c.externalId!), secret) : undefined;
  const suffix = `:${c.externalId}`;
  return {
    ...c,
    naturalKey: ticketId && c.naturalKey.endsWith(suffix) ? `${c.naturalKey.slice(0, -suffix.length)}:${ticketId}` : c.naturalKey,
    externalId: c.externalId === undefined ? undefined : ticketId ?? conversationExternalId(c.externalId),
    subject: redactOptional(c.subject),
    agent: redactOptional(c.agent),
    team: redactOptional(c.team),
    customer: c.customer && {
      ...c.customer,
      externalId: pseudonymizeCustomerId(c.customer.externalId, secret),
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
