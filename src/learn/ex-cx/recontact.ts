import type { MessageFact } from '../../core/facts.ts';
import type { Channel } from '../../core/labels.ts';

/** Channels on which a customer comes to the service (a survey answer or a review is not a contact). */
export const CONTACT_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['ticket', 'email', 'chat', 'call', 'social']);

/** A customer coming back within this many days of a conversation counts as a recontact. */
export const RECONTACT_DAYS = 7;

/** One contact conversation: its customer, team, agent, first and last message times, and whether it was followed up. */
export interface ContactConversation {
  conversationId: string;
  customerId: string | null;
  team: string | null;
  agent: string | null;
  start: Date;
  end: Date;
  /** The same customer opened another contact conversation within RECONTACT_DAYS of this one's end. */
  recontacted: boolean;
  /** A customer message of the conversation carries the "unresolved" theme. */
  unresolved: boolean;
  /** A customer message of the conversation states churn intent. */
  churnIntent: boolean;
}

/**
 * Contact conversations with their recontact flag: the "reopen rate" proxy the facts allow (a case
 * reopened is an Act figure; a customer who comes back within a week about anything is what the
 * customer sees). Team and agent are those of the conversation's first message that names one.
 */
export function contactConversations(messages: readonly MessageFact[]): ContactConversation[] {
  const byId = new Map<string, ContactConversation>();
  for (const m of messages) {
    if (!CONTACT_CHANNELS.has(m.channel)) continue;
    let c = byId.get(m.conversationId);
    if (!c) {
      c = { conversationId: m.conversationId, customerId: m.customerId, team: null, agent: null, start: m.at, end: m.at, recontacted: false, unresolved: false, churnIntent: false };
      byId.set(m.conversationId, c);
    }
    if (m.at < c.start) c.start = m.at;
    if (m.at > c.end) c.end = m.at;
    c.customerId ??= m.customerId;
    c.team ??= m.team;
    c.agent ??= m.agent;
    if (m.analysis) {
      if (m.analysis.themes.some((t) => t.label === 'unresolved')) c.unresolved = true;
      if (m.analysis.signals.churnIntent) c.churnIntent = true;
    }
  }
  const byCustomer = new Map<string, ContactConversation[]>();
  for (const c of byId.values()) {
    if (!c.customerId) continue;
    const list = byCustomer.get(c.customerId);
    if (list) list.push(c);
    else byCustomer.set(c.customerId, [c]);
  }
  const window = RECONTACT_DAYS * 86_400_000;
  for (const list of byCustomer.values()) {
    list.sort((a, b) => a.start.getTime() - b.start.getTime());
    for (let i = 0; i + 1 < list.length; i++) {
      const gap = list[i + 1].start.getTime() - list[i].end.getTime();
      if (gap <= window) list[i].recontacted = true;
    }
  }
  return [...byId.values()];
}
