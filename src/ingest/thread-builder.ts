import type { Channel } from '../core/labels.ts';
import type { ConversationInput, MessageInput } from '../core/conversation.ts';
import type { FlatRow } from './flat-row.ts';
import { naturalKey } from './natural-key.ts';
import { inferRole } from './author-role.ts';

/** Agent names remembered across a file (an agent named on one ticket writes in others). */
const MAX_KNOWN_AGENTS = 10_000;

/** File-wide defaults and overrides for the conversations a ThreadBuilder emits. */
export interface ThreadOptions {
  sourceName: string;
  defaultChannel: Channel;
  /** Forces the channel (--channel / mapping). */
  channel?: Channel;
  brand?: string;
  /**
   * Rows of open threads kept in memory. Threads are grouped within this window; rows of one
   * conversation further apart than this in the file are reported (sort the file by conversation id).
   */
  windowRows?: number;
}

/** A thread continuation that arrived after its thread was written. */
export interface LateRow {
  line: number;
  reason: string;
}

/**
 * Groups rows sharing a conversation id into one conversation (messages ordered by date, then row
 * order). Memory is bounded: once more than `windowRows` rows are buffered, the least recently
 * touched threads are emitted. Small files (under the window) are therefore grouped after a full
 * read, whatever their row order; big exports must keep a thread's rows within the window.
 */
export class ThreadBuilder {
  private readonly open = new Map<string, FlatRow[]>();
  private readonly flushed = new Set<string>();
  private buffered = 0;
  private readonly window: number;
  private readonly agents = new Set<string>();

  constructor(private readonly opts: ThreadOptions) {
    this.window = opts.windowRows ?? 10_000;
  }

  /** Adds a row; returns conversations that are complete (or evicted) and rows that came too late. */
  add(row: FlatRow): { conversations: ConversationInput[]; late: LateRow[] } {
    const out: ConversationInput[] = [];
    if (row.agent !== undefined && this.agents.size < MAX_KNOWN_AGENTS) this.agents.add(row.agent.trim().toLowerCase());
    if (row.conversationId === undefined) {
      out.push(this.build(row.contentKey, undefined, [row]));
      return { conversations: out, late: [] };
    }
    const id = row.conversationId;
    if (this.flushed.has(id)) {
      return {
        conversations: out,
        late: [{
          line: row.line,
          reason: `belongs to conversation "${id}", whose earlier rows were more than ${this.window} rows above and were already written: sort the file by conversation id and re-import it`,
        }],
      };
    }
    const rows = this.open.get(id);
    if (rows) {
      this.open.delete(id);
      rows.push(row);
      this.open.set(id, rows);
    } else this.open.set(id, [row]);
    this.buffered++;
    while (this.buffered > this.window) {
      const [oldId, oldRows] = this.open.entries().next().value as [string, FlatRow[]];
      this.open.delete(oldId);
      this.flushed.add(oldId);
      this.buffered -= oldRows.length;
      out.push(this.build(naturalKey(this.opts.sourceName, oldId), oldId, oldRows));
    }
    return { conversations: out, late: [] };
  }

  /** Emits every open thread (end of file). */
  finish(): ConversationInput[] {
    const out: ConversationInput[] = [];
    for (const [id, rows] of this.open) out.push(this.build(naturalKey(this.opts.sourceName, id), id, rows));
    this.open.clear();
    this.buffered = 0;
    return out;
  }

  private build(key: string, externalId: string | undefined, rows: FlatRow[]): ConversationInput {
    const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.at.getTime() - b.r.at.getTime() || a.i - b.i).map((x) => x.r);
    const first = <K extends keyof FlatRow>(k: K): FlatRow[K] | undefined => sorted.find((r) => r[k] !== undefined)?.[k];
    const agent = first('agent');
    const messages: MessageInput[] = [];
    const customer = new Set<string>();
    for (const r of sorted) {
      if (r.customerName) customer.add(r.customerName.trim().toLowerCase());
      if (r.customerId) customer.add(r.customerId.trim().toLowerCase());
    }
    // A row whose author is a known agent (agent column, here or elsewhere in the file) is an agent turn.
    const hints = { agents: this.agents, customer };
    // Without role or author columns, an agent cell filled on some rows of a thread and empty on others
    // names who wrote each row (a per-message export), not the ticket's assignee.
    const agentPerRow = sorted.length > 1 && sorted.every((r) => r.role === undefined && r.author === undefined) &&
      sorted.some((r) => r.agent !== undefined) && sorted.some((r) => r.agent === undefined);
    for (const r of sorted) {
      if (!r.text) continue;
      const role = r.role ?? (agentPerRow ? (r.agent !== undefined ? 'agent' : 'customer') : inferRole(r.author, hints));
      messages.push({ role, author: r.author, at: r.at, text: r.text, language: r.language });
    }
    const customerId = first('customerId');
    return {
      naturalKey: key,
      externalId,
      channel: this.opts.channel ?? first('channel') ?? this.opts.defaultChannel,
      brand: first('brand') ?? this.opts.brand,
      team: first('team'),
      agent,
      subject: first('subject'),
      customer: customerId
        ? { externalId: customerId, name: first('customerName'), segment: first('segment'), value: first('customerValue') }
        : undefined,
      startedAt: sorted[0].at,
      messages,
      surveys: sorted.flatMap((r) => r.scores.map((s) => ({ kind: s.kind, score: s.score, at: r.at }))),
    };
  }
}
