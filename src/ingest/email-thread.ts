import type { Clock } from '../core/ports.ts';
import type { ConversationInput, MessageInput } from '../core/conversation.ts';
import type { Channel } from '../core/labels.ts';
import { hashedId, naturalKey } from './natural-key.ts';
import { normalizeRole, parseAmount } from './normalize-values.ts';
import { parseMime, stripQuotedReply } from './mime.ts';

/** One e-mail reduced to what threading and storage need. */
export interface EmailMessage {
  index: number;
  messageId: string | undefined;
  refs: string[];
  subject: string;
  fromAddress: string;
  fromName: string | undefined;
  at: Date;
  text: string;
  headers: Map<string, string>;
}

function ids(v: string | undefined): string[] {
  return v ? [...v.matchAll(/<([^>]+)>/g)].map((m) => m[1]) : [];
}

/** Parses one raw message (binary string). The date falls back to the clock when missing or unreadable. */
export function readEmail(raw: string, index: number, clock: Clock): EmailMessage {
  const { headers, text } = parseMime(raw);
  const from = headers.get('from') ?? '';
  const addr = /<([^>]+)>/.exec(from)?.[1] ?? /[^\s<>"]+@[^\s<>"]+/.exec(from)?.[0] ?? from.trim();
  const name = from.replace(/<[^>]*>/, '').replace(/"/g, '').trim();
  const date = headers.get('date') ? Date.parse(headers.get('date')!) : NaN;
  return {
    index,
    messageId: ids(headers.get('message-id'))[0],
    refs: [...ids(headers.get('references')), ...ids(headers.get('in-reply-to'))],
    subject: headers.get('subject') ?? '',
    fromAddress: addr.toLowerCase(),
    fromName: name && name !== addr ? name : undefined,
    at: Number.isNaN(date) ? clock() : new Date(date),
    text: stripQuotedReply(text),
    headers,
  };
}

/** Subject without reply/forward prefixes ("Re:", "RE :", "TR:", "Fwd:", "Réf:"), for threading without ids. */
export function baseSubject(s: string): string {
  return s.replace(/^(\s*(re|tr|fw|fwd|réf|ref|aw)\s*(\[\d+\])?\s*:\s*)+/i, '').trim().toLowerCase();
}

/**
 * Groups e-mails into threads (References/In-Reply-To, else the subject without Re:/TR:/Fwd:, the
 * fallback described by J. Zawinski's threading algorithm) and maps each thread to a conversation.
 */
export function threadEmails(messages: EmailMessage[], ctx: { sourceName: string; channel?: Channel }): ConversationInput[] {
  const sorted = [...messages].sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const threadOfId = new Map<string, EmailMessage[]>();
  const threadOfSubject = new Map<string, EmailMessage[]>();
  const threads: EmailMessage[][] = [];
  for (const m of sorted) {
    let thread = m.refs.map((r) => threadOfId.get(r)).find((t) => t !== undefined);
    const subj = baseSubject(m.subject);
    if (!thread && subj) thread = threadOfSubject.get(subj);
    if (!thread) {
      thread = [];
      threads.push(thread);
      if (subj) threadOfSubject.set(subj, thread);
    }
    thread.push(m);
    if (m.messageId) threadOfId.set(m.messageId, thread);
  }
  return threads.map((t) => toConversation(t, ctx));
}

function toConversation(thread: EmailMessage[], ctx: { sourceName: string; channel?: Channel }): ConversationInput {
  const first = thread[0];
  const header = (name: string): string | undefined => thread.map((m) => m.headers.get(name)).find((v) => v);
  const messages: MessageInput[] = thread
    .filter((m) => m.text)
    .map((m) => {
      const declared = m.headers.get('x-author-role');
      const role = (declared && normalizeRole(declared)) || (m.fromAddress === first.fromAddress ? 'customer' : 'agent');
      return { role, author: m.fromName ?? m.fromAddress, at: m.at, text: m.text, language: m.headers.get('content-language')?.slice(0, 2) };
    });
  // Message-IDs look like addresses: store a hash, stable across re-imports of the same mailbox.
  const rootId = hashedId('msg', first.refs[0] ?? first.messageId ?? `${baseSubject(first.subject)}|${first.fromAddress}|${first.at.toISOString()}`);
  const customerId = header('x-customer-id') ?? first.fromAddress;
  const value = header('x-customer-value');
  const agentMsg = thread.find((m) => m.fromAddress !== first.fromAddress);
  return {
    naturalKey: naturalKey(ctx.sourceName, rootId),
    externalId: rootId,
    channel: ctx.channel ?? 'email',
    team: header('x-team'),
    agent: agentMsg?.fromName,
    subject: first.subject || undefined,
    customer: customerId ? { externalId: customerId, segment: header('x-segment'), value: value ? parseAmount(value) ?? undefined : undefined } : undefined,
    startedAt: first.at,
    messages,
    surveys: [],
  };
}

/**
 * Splits an mbox (RFC 4155) into raw messages, streaming: a message starts at a line beginning with
 * "From " at the start of the file or after a blank line; ">From " escapes are undone.
 */
export async function* splitMbox(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let buf = '';
  let current: string[] = [];
  let prevBlank = true;
  const take = (line: string): string | null => {
    let done: string | null = null;
    if (line.startsWith('From ') && prevBlank) {
      if (current.length) done = current.join('\n');
      current = [];
    } else current.push(line.replace(/^>(>*From )/, '$1'));
    prevBlank = line.trim() === '';
    return done;
  };
  for await (const chunk of chunks) {
    buf += chunk;
    let from = 0;
    let k: number;
    while ((k = buf.indexOf('\n', from)) !== -1) {
      const done = take(buf.slice(from, k).replace(/\r$/, ''));
      from = k + 1;
      if (done !== null) yield done;
    }
    buf = buf.slice(from);
  }
  if (buf) take(buf);
  if (current.some((l) => l.trim())) yield current.join('\n');
}
