import type { Channel } from '../core/labels.ts';
import { normalizeHeader, type ColumnMap } from './header-aliases.ts';

/** What a tabular export holds, as told by its headers. */
export const EXPORT_KINDS = ['tickets', 'chats', 'reviews', 'survey responses', 'messages'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The kind of an export and the channel its rows get when they do not name one. */
export interface ExportClass {
  kind: ExportKind;
  defaultChannel: Channel;
  /** Helpdesk recognised from its headers, when one is. */
  vendor?: string;
}

/**
 * Headers only a helpdesk export has (Zendesk, Freshdesk, Intercom, Help Scout, Front). Two of them
 * make a file a ticket export, whatever score columns it also carries: a Zendesk export's
 * "Satisfaction Score" rates the ticket; it does not make the rows survey answers.
 */
const TICKET_HEADERS = [
  'ticket id', 'ticket', 'ticket type', 'ticket status', 'ticket form', 'requester', 'requester id', 'requester email',
  'requester name', 'assignee', 'assignee name', 'group', 'priority', 'status', 'via', 'tags', 'solved at', 'resolved at',
  'closed at', 'first response time', 'first reply time', 'resolution time', 'agent', 'agent name', 'conversation id',
  'conversation rating', 'admin assignee', 'teammate assignee', 'priorite', 'statut', 'conseiller', 'ticket number',
];

/** Headers that name the vendor, most distinctive first. */
const VENDORS: [string, string[]][] = [
  ['Zendesk', ['requester', 'requester email', 'via', 'satisfaction score']],
  ['Freshdesk', ['ticket id', 'agent', 'resolution status', 'first response status', 'source']],
  ['Intercom', ['conversation id', 'conversation rating', 'admin assignee', 'teammate assignee', 'conversation rating remark']],
];

/** Review platforms' own words come first; "avis" and "rating" alone also name helpdesk columns. */
const REVIEW_RE = /\b(review|reviews|reviewer|stars|etoiles)\b/;
const WEAK_REVIEW_RE = /\b(avis|rating)\b/;
const CHAT_RE = /\b(chat|chat id|session id|visitor|visiteur|tchat)\b/;

/**
 * Classifies an export from its headers and detected columns: review platforms first (review/stars
 * headers), then ticket exports (helpdesk headers), then "avis"/"rating" headers, chats (chat/session/visitor headers), survey responses (a score
 * without a channel column), else messages (ticket channel).
 */
export function classifyExport(headers: readonly string[], columns: ColumnMap): ExportClass {
  const norm = headers.map(normalizeHeader);
  const has = (h: string): boolean => norm.includes(h);
  const ticketHits = TICKET_HEADERS.filter(has).length;
  const vendor = VENDORS.map(([name, hs]) => ({ name, hits: hs.filter(has).length })).sort((a, b) => b.hits - a.hits)[0];
  const named = vendor && vendor.hits >= 2 ? vendor.name : undefined;
  if (norm.some((h) => REVIEW_RE.test(h))) return { kind: 'reviews', defaultChannel: 'review' };
  if (ticketHits >= 2 || (named && ticketHits >= 1)) return { kind: 'tickets', defaultChannel: 'ticket', vendor: named };
  if (norm.some((h) => WEAK_REVIEW_RE.test(h))) return { kind: 'reviews', defaultChannel: 'review' };
  if (norm.some((h) => CHAT_RE.test(h))) return { kind: 'chats', defaultChannel: 'chat' };
  const scored = columns.nps !== undefined || columns.csat !== undefined || columns.ces !== undefined;
  if (scored && columns.channel === undefined) return { kind: 'survey responses', defaultChannel: 'survey' };
  return { kind: scored ? 'survey responses' : 'messages', defaultChannel: 'ticket' };
}
