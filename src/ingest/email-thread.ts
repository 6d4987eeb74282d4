import type { Clock } from '../core/ports.ts';
import type { ConversationInput, MessageInput } from '../core/conversation.ts';
import type { Channel } from '../core/labels.ts';
import { hashedId, naturalKey } from './natural-key.ts';
import { parseAmount } from './normalize-values.ts';
import { emailRoles } from './email-roles.ts';
import { decodeHeaderValue, parseHeaders, parseMime, stripQuotedReply } from './mime.ts';

/** One e-mail reduced to what threading and storage need. */
export interface EmailMessage {
  index: number;
  messageId: string | undefined;
  /** References then In-Reply-To ids, without angle brackets (the first is the thread root when known). */
  refs: string[];
  subject: string;
  fromAddress: string;
  fromName: string | undefined;
  /** From, To and Cc addresses, lowercased, sorted, without duplicates: who takes part in the exchange. */
  participants: string[];
  at: Date;
  text: string;
  headers: Map<string, string>;
}

function ids(v: string | undefined): string[] {
  return v ? [...v.matchAll(/<([^>]+)>/g)].map((m) => m[1]) : [];
}

function addresses(v: string | undefined): string[] {
  return v ? [...v.matchAll(/[^\s<>",;:()]+@[^\s<>",;:()]+/g)].map((m) => m[0].toLowerCase()) : [];
}

/** What threading needs of a message (no text, no headers): small, kept for a whole mailbox. */
export type ThreadingFacts = Pick<EmailMessage, 'index' | 'messageId' | 'refs' | 'subject' | 'participants' | 'at'>;

/** A copy that owns its characters (a slice of a raw message would keep the whole message alive). */
const own = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** The threading facts of one raw message, from its headers only (the body is not decoded). */
export function readEmailFacts(raw: string, index: number, clock: Clock): ThreadingFacts {
  const end = /\r?\n\r?\n/.exec(raw);
  const headers = parseHeaders(end ? raw.slice(0, end.index) : raw);
  const h = (k: string): string | undefined => {
    const v = headers.get(k);
    return v === undefined ? undefined : own(decodeHeaderValue(v));
  };
  const date = h('date') ? Date.parse(h('date')!) : NaN;
  const from = h('from') ?? '';
  const fromAddress = (/<([^>]+)>/.exec(from)?.[1] ?? /[^\s<>"]+@[^\s<>"]+/.exec(from)?.[0] ?? from.trim()).toLowerCase();
  return {
    index,
    messageId: ids(h('message-id'))[0],
    refs: [...ids(h('references')), ...ids(h('in-reply-to'))],
    subject: h('subject') ?? '',
    participants: [...new Set([fromAddress, ...addresses(h('to')), ...addresses(h('cc'))].filter((a) => a))].sort(),
    at: Number.isNaN(date) ? clock() : new Date(date),
  };
}

/** Headers a conversation reads (see toConversation); the others are dropped from held messages. */
const KEPT_HEADERS = ['x-customer-id', 'x-segment', 'x-customer-value', 'x-team', 'x-author-role', 'content-language'];

/** The message with only what a conversation needs, owning its strings: what a streaming reader holds. */
export function compactEmail(m: EmailMessage): EmailMessage {
  const headers = new Map<string, string>();
  for (const k of KEPT_HEADERS) {
    const v = m.headers.get(k);
    if (v !== undefined) headers.set(k, own(v));
  }
  return { ...m, subject: own(m.subject), fromAddress: own(m.fromAddress), fromName: m.fromName && own(m.fromName), text: own(m.text), headers };
}

/** Parses one raw message (binary string). The date falls back to the clock when missing or unreadable. */
export function readEmail(raw: string, index: number, clock: Clock): EmailMessage {
  const { headers, text } = parseMime(raw);
  const from = headers.get('from') ?? '';
  const addr = /<([^>]+)>/.exec(from)?.[1] ?? /[^\s<>"]+@[^\s<>"]+/.exec(from)?.[0] ?? from.trim();
  const name = from.replace(/<[^>]*>/, '').replace(/"/g, '').trim();
  const date = headers.get('date') ? Date.parse(headers.get('date')!) : NaN;
  const fromAddress = addr.toLowerCase();
  const others = [...addresses(headers.get('to')), ...addresses(headers.get('cc'))];
  return {
    index,
    messageId: ids(headers.get('message-id'))[0],
    refs: [...ids(headers.get('references')), ...ids(headers.get('in-reply-to'))],
    subject: headers.get('subject') ?? '',
    fromAddress,
    fromName: name && name !== addr ? name : undefined,
    participants: [...new Set([fromAddress, ...others].filter((a) => a))].sort(),
    at: Number.isNaN(date) ? clock() : new Date(date),
    text: stripQuotedReply(text),
    headers,
  };
}

const PREFIXES = /^(\s*(re|tr|fw|fwd|réf|ref|aw)\s*(\[\d+\])?\s*:\s*)+/i;

/** Subject without reply/forward prefixes ("Re:", "RE :", "TR:", "Fwd:", "Réf:"), for threading without ids. */
export function baseSubject(s: string): string {
  return s.replace(PREFIXES, '').trim().toLowerCase();
}

/** True when the subject starts with a reply or forward prefix ("Re:", "TR:", "Fwd:", "AW:"; not "Réf:", a plain reference). */
export function hasReplyPrefix(s: string): boolean {
  return /^\s*(re|tr|fw|fwd|aw)\s*(\[\d+\])?\s*:/i.test(s);
}

/**
 * Groups e-mails into threads and maps each thread to a conversation, after J. Zawinski's threading
 * algorithm ("message threading", jwz.org, 1997): messages linked by Message-ID / References /
 * In-Reply-To are one thread, even when the referenced message is missing from the mailbox. A message
 * without reply headers and without a reply prefix starts its own thread: two customers who both write
 * "Parcel stuck" are two conversations. The subject fallback (subject minus Re:/TR:/Fwd:) only joins a
 * reply whose parent is unknown, and only to the latest earlier message with the same participants
 * (From/To/Cc set), so it never merges different customers.
 */
export function threadEmails(messages: EmailMessage[], ctx: { sourceName: string; channel?: Channel }): ConversationInput[] {
  const roots = threadRoots(messages);
  const threads = new Map<number, EmailMessage[]>();
  for (const m of byDate(messages)) {
    const root = roots.get(m.index)!;
    const t = threads.get(root);
    if (t) t.push(m);
    else threads.set(root, [m]);
  }
  return [...threads.values()].map((t) => toConversation(t, ctx));
}

function byDate<T extends ThreadingFacts>(messages: T[]): T[] {
  return [...messages].sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
}

/** One thread's messages (any order) as a conversation: what a streaming reader emits once a thread is complete. */
export function emailThreadToConversation(thread: EmailMessage[], ctx: { sourceName: string; channel?: Channel }): ConversationInput {
  return toConversation(byDate(thread), ctx);
}

/**
 * The threading of threadEmails, on facts alone: each message's index → the index of its thread's
 * earliest message. A streaming reader computes it in a first pass over the headers.
 */
export function threadRoots(messages: ThreadingFacts[]): Map<number, number> {
  const sorted = byDate(messages);
  // Union-find over positions in date order; the representative is the earliest message.
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const present = new Set(sorted.flatMap((m) => (m.messageId ? [m.messageId] : [])));
  const holder = new Map<string, number>();
  sorted.forEach((m, i) => {
    for (const id of m.messageId ? [m.messageId, ...m.refs] : m.refs) {
      const h = holder.get(id);
      if (h === undefined) holder.set(id, i);
      else union(i, h);
    }
  });
  const bySubject = new Map<string, number>();
  sorted.forEach((m, i) => {
    const subj = baseSubject(m.subject);
    if (!subj) return;
    const key = `${subj}\u0000${m.participants.join(',')}`;
    const orphanReply = (m.refs.length > 0 || hasReplyPrefix(m.subject)) && !m.refs.some((r) => present.has(r));
    const earlier = bySubject.get(key);
    if (orphanReply && earlier !== undefined) union(i, earlier);
    bySubject.set(key, i);
  });
  const roots = new Map<number, number>();
  sorted.forEach((m, i) => roots.set(m.index, sorted[find(i)].index));
  return roots;
}

/**
 * External id (and natural-key id) of an e-mail conversation: "msg-" + hash of the thread's root
 * Message-ID (else of subject, sender and date), stable across re-imports of the same mailbox.
 * Message-IDs look like addresses, so they are never stored as such.
 */
export function emailConversationId(first: EmailMessage): string {
  return hashedId('msg', first.refs[0] ?? first.messageId ?? `${baseSubject(first.subject)}|${first.fromAddress}|${first.at.toISOString()}`);
}

function toConversation(thread: EmailMessage[], ctx: { sourceName: string; channel?: Channel }): ConversationInput {
  // The opening message (no reply headers) names the customer, even when a clock-skewed reply is dated earlier.
  const first = thread.find((m) => m.refs.length === 0) ?? thread[0];
  const header = (name: string): string | undefined => thread.map((m) => m.headers.get(name)).find((v) => v);
  const withText = thread.filter((m) => m.text);
  const sender = (m: EmailMessage) => ({ fromAddress: m.fromAddress, fromName: m.fromName, declared: m.headers.get('x-author-role') });
  const { roles, customer } = emailRoles(withText.map(sender), sender(first));
  const messages: MessageInput[] = withText.map((m, i) => ({
    role: roles[i], author: m.fromName ?? m.fromAddress, at: m.at, text: m.text, language: m.headers.get('content-language')?.slice(0, 2),
  }));
  const rootId = emailConversationId(first);
  const customerId = header('x-customer-id') ?? customer ?? first.fromAddress;
  const value = header('x-customer-value');
  const agentMsg = withText.find((_, i) => roles[i] === 'agent') ?? thread.find((m) => m.fromAddress !== (customer ?? first.fromAddress));
  return {
    naturalKey: naturalKey(ctx.sourceName, rootId),
    externalId: rootId,
    channel: ctx.channel ?? 'email',
    team: header('x-team'),
    agent: agentMsg?.fromName,
    subject: first.subject || undefined,
    customer: customerId ? { externalId: customerId, segment: header('x-segment'), value: value ? parseAmount(value) ?? undefined : undefined } : undefined,
    startedAt: thread[0].at,
    messages,
    surveys: [],
  };
}
