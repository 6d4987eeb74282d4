import type { Kysely } from 'kysely';
import type { Analysis } from '../core/analysis.ts';
import type { FactFilter, MessageFact } from '../core/facts.ts';
import type { AuthorRole, Channel } from '../core/labels.ts';
import type { Database } from './db-types.ts';
import { containsPattern, type DialectAdapter } from './dialect.ts';
import { toDbId } from './ids.ts';

/** Messages with their customer and analysis: the one SELECT behind every MessageFact. */
export function selectFacts(db: Kysely<Database>) {
  return db
    .selectFrom('messages as m')
    .leftJoin('customers as cu', 'cu.id', 'm.customer_id')
    .leftJoin('analyses as a', 'a.message_id', 'm.id')
    .select([
      'm.id', 'm.conversation_id', 'm.customer_id', 'cu.external_id', 'cu.name', 'cu.segment', 'cu.value',
      'm.channel', 'm.brand', 'm.team', 'm.agent', 'm.role', 'm.sent_at', 'm.language', 'm.text', 'a.result',
    ]);
}

export type FactQuery = ReturnType<typeof selectFacts>;
type FactRow = Awaited<ReturnType<FactQuery['execute']>>[number];

/**
 * Applies a FactFilter. `from` is inclusive and `to` exclusive. Label filters (theme/emotion/need) probe
 * the analysis_labels primary key; `q` is a case-insensitive substring match on the message text.
 */
export function applyFactFilter(q: FactQuery, adapter: DialectAdapter, workspaceId: string, f: FactFilter = {}): FactQuery {
  let out = q.where('m.workspace_id', '=', workspaceId);
  if (f.from) out = out.where('m.sent_at', '>=', f.from.getTime());
  if (f.to) out = out.where('m.sent_at', '<', f.to.getTime());
  if (f.channel) out = out.where('m.channel', '=', f.channel);
  if (f.language) out = out.where('m.language', '=', f.language);
  if (f.team) out = out.where('m.team', '=', f.team);
  if (f.brand) out = out.where('m.brand', '=', f.brand);
  if (f.segment) out = out.where('cu.segment', '=', f.segment);
  if (f.customerId !== undefined) out = out.where('m.customer_id', '=', toDbId(f.customerId) ?? -1);
  if (f.customerOnly) out = out.where('m.role', '=', 'customer');
  if (f.stage) out = out.where('a.stage', '=', f.stage);
  for (const [kind, label] of [['theme', f.theme], ['emotion', f.emotion], ['need', f.need]] as const) {
    if (!label) continue;
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom('analysis_labels as l')
          .select('l.message_id')
          .whereRef('l.message_id', '=', 'm.id')
          .where('l.kind', '=', kind)
          .where('l.label', '=', label),
      ),
    );
  }
  if (f.q && f.q.trim() !== '') {
    const pattern = containsPattern(f.q.trim());
    out = out.where((eb) => adapter.caseInsensitiveLike(eb.ref('m.text'), pattern));
  }
  return out;
}

/** Maps a fact row to the MessageFact handed to insights and the listening station. */
export function toMessageFact(r: FactRow): MessageFact {
  return {
    messageId: String(r.id),
    conversationId: String(r.conversation_id),
    customerId: r.customer_id == null ? null : String(r.customer_id),
    customerRef: r.external_id ?? null,
    customerName: r.name ?? null,
    segment: r.segment ?? null,
    customerValue: r.value == null ? null : Number(r.value),
    channel: r.channel as Channel,
    brand: r.brand,
    team: r.team,
    agent: r.agent,
    role: r.role as AuthorRole,
    at: new Date(Number(r.sent_at)),
    language: r.language,
    text: r.text,
    analysis: r.result ? (JSON.parse(r.result) as Analysis) : null,
  };
}
