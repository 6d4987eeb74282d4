import type { Clock } from '../core/ports.ts';
import type { Channel } from '../core/labels.ts';
import type { ConversationInput, MessageInput } from '../core/conversation.ts';
import { detectColumns, type ColumnMap } from './header-aliases.ts';
import type { DateFormat } from './mapping-file.ts';
import { mapRow } from './row-mapper.ts';
import { contentKey, naturalKey } from './natural-key.ts';
import { inferRole } from './author-role.ts';

/** File-wide options for mapping JSON records (shared by every record of one file). */
export interface JsonContext {
  sourceName: string;
  defaultChannel: Channel;
  channel?: Channel;
  brand?: string;
  dateFormat?: DateFormat;
  clock: Clock;
  /** Explicit column names from a mapping file (canonical key → JSON key), applied over detection. */
  columns?: Record<string, string>;
  /** Detected columns per key signature (objects of one export share a few shapes). */
  columnCache?: Map<string, ColumnMap>;
  /** Every key seen (first 256 shapes) → the field it fills, or null: the file's schema. */
  seenColumns?: Map<string, string | null>;
}

/** Flattens one level of nesting: {customer: {id}} → "customer id"; arrays other than messages are JSON-encoded. */
export function flattenObject(obj: Record<string, unknown>): { headers: string[]; cells: string[] } {
  const headers: string[] = [];
  const cells: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'messages') continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) {
        headers.push(`${k} ${k2}`);
        cells.push(cellText(v2));
      }
    } else {
      headers.push(k);
      cells.push(cellText(v));
    }
  }
  return { headers, cells };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function columnsFor(headers: string[], ctx: JsonContext): ColumnMap {
  const cache = ctx.columnCache;
  const sig = headers.join('\u0001');
  let map = cache?.get(sig);
  if (!map) {
    map = detectColumns(headers);
    for (const [k, h] of Object.entries(ctx.columns ?? {})) {
      const col = headers.indexOf(h);
      if (col >= 0) (map as Record<string, number>)[k] = col;
    }
    if (cache && cache.size < 256) {
      cache.set(sig, map);
      const fieldOf = new Map(Object.entries(map).map(([f, col]) => [col, f] as [number, string]));
      headers.forEach((h, col) => {
        const field = fieldOf.get(col) ?? null;
        if (!ctx.seenColumns?.get(h)) ctx.seenColumns?.set(h, field);
      });
    }
  }
  return map;
}

/** Maps a flat JSON object like a CSV row. */
export function mapJsonRow(obj: Record<string, unknown>, line: number, ctx: JsonContext, allowEmpty = false): ReturnType<typeof mapRow> {
  const { headers, cells } = flattenObject(obj);
  return mapRow(cells, line, {
    columns: columnsFor(headers, ctx),
    sourceName: ctx.sourceName,
    dateFormat: ctx.dateFormat,
    clock: ctx.clock,
    headers,
    allowEmpty,
  });
}

/**
 * Maps a JSON thread ({..., messages: [...]}) to a conversation. Thread fields and message fields use
 * the same aliases as CSV headers ("conversation_id", "created_at", "author_type", "body"...).
 */
export function mapJsonThread(
  obj: Record<string, unknown>,
  line: number,
  ctx: JsonContext,
): { ok: true; conversation: ConversationInput } | { ok: false; reason: string } {
  const top = mapJsonRow(obj, line, ctx, true);
  if (top.ok === false) return top;
  if (top.ok !== true) return { ok: false, reason: 'thread fields could not be read' };
  const base = top.row;
  const rawMessages = obj.messages as unknown[];
  const messages: MessageInput[] = [];
  const lower = (v: string | undefined): string[] => (v ? [v.trim().toLowerCase()] : []);
  const hints = { agents: new Set(lower(base.agent)), customer: new Set([...lower(base.customerName), ...lower(base.customerId)]) };
  let firstAuthor: string | undefined;
  for (const [i, m] of rawMessages.entries()) {
    if (m === null || typeof m !== 'object') return { ok: false, reason: `messages[${i}] is not an object: each message needs {"role", "at", "text"}` };
    const r = mapJsonRow(m as Record<string, unknown>, line, ctx);
    if (r.ok === false) return { ok: false, reason: `messages[${i}]: ${r.reason}` };
    if (r.ok === 'empty') continue;
    // Without a role, the thread's opener is the customer and a named agent is an agent.
    if (i === 0) firstAuthor = r.row.author;
    const role = r.row.role ?? (i === 0 || (r.row.author !== undefined && r.row.author === firstAuthor) ? 'customer' : inferRole(r.row.author, hints));
    const at = r.hasDate ? r.row.at : base.at;
    messages.push({ role, author: r.row.author, at, text: r.row.text ?? '', language: r.row.language ?? base.language });
  }
  messages.sort((a, b) => a.at.getTime() - b.at.getTime());
  const id = base.conversationId;
  return {
    ok: true,
    conversation: {
      naturalKey: id ? naturalKey(ctx.sourceName, id) : contentKey(ctx.sourceName, [JSON.stringify(obj)]),
      externalId: id,
      channel: ctx.channel ?? base.channel ?? ctx.defaultChannel,
      brand: base.brand ?? ctx.brand,
      team: base.team,
      agent: base.agent,
      subject: base.subject,
      customer: base.customerId
        ? { externalId: base.customerId, name: base.customerName, segment: base.segment, value: base.customerValue }
        : undefined,
      startedAt: top.hasDate ? base.at : messages[0]?.at ?? base.at,
      messages,
      surveys: base.scores.map((s) => ({ kind: s.kind, score: s.score, at: base.at })),
    },
  };
}
