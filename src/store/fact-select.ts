import { type Expression, type Kysely, sql } from 'kysely';
import type { Analysis } from '../core/analysis.ts';
import type { FactFilter, MessageFact } from '../core/facts.ts';
import type { AuthorRole, Channel } from '../core/labels.ts';
import type { Database } from './db-types.ts';
import { containsPattern, type DialectAdapter } from './dialect.ts';
import type { FactDriver, FactPlan, MessageIndexColumn } from './fact-plan.ts';
import { customerKeyOf } from './customer-public-ids.ts';
import { hasTrigram } from './text-search.ts';

/** The columns of a MessageFact row (messages `m`, customers `cu`, analyses `a`), whichever table drives. */
const FACT_COLUMNS = [
  'm.id', 'm.conversation_id', 'cu.public_id', 'cu.external_id', 'cu.name', 'cu.segment', 'cu.value',
  'm.channel', 'm.brand', 'm.team', 'm.agent', 'm.role', 'm.sent_at', 'm.language', 'm.text', 'a.result',
] as const;

/** Messages with their customer and analysis: the one SELECT behind every MessageFact. */
export function messagesFirst(db: Kysely<Database>) {
  return db
    .selectFrom('messages as m')
    .leftJoin('customers as cu', 'cu.id', 'm.customer_id')
    .leftJoin('analyses as a', 'a.message_id', 'm.id')
    .select(FACT_COLUMNS);
}

/** A query selecting MessageFact rows, whichever table drives it. */
export type FactQuery = ReturnType<typeof messagesFirst>;
type FactRow = Awaited<ReturnType<FactQuery['execute']>>[number];

/**
 * A filtered fact query plus the (time, id) pair it is ordered and paged by. The pair comes from the
 * "driving" table (chosen by fact-driver.ts) whose index yields matching rows already in time order:
 * analysis_labels (workspace_id, kind, label, sent_at, message_id) for a theme/need/emotion, analyses
 * (workspace_id, stage, sent_at, message_id) for a stage, else a messages index. A rare label thus
 * costs what its matches cost, not a scan of the whole stream. The driving table's sent_at/message_id
 * are copies of messages.sent_at/id, so the order is the same whichever table drives.
 */
export interface FactScan {
  query: FactQuery;
  at: Expression<number>;
  id: Expression<number>;
}

const LABEL_FILTERS = ['theme', 'need', 'emotion'] as const;

function driven(db: Kysely<Database>, workspaceId: string, driver: FactDriver): FactScan {
  if (driver.table === 'analysis_labels') {
    // CROSS JOIN keeps the driving table outermost on SQLite; PostgreSQL plans it as an inner join.
    const query = db
      .selectFrom('analysis_labels as d')
      .crossJoin('messages as m')
      .whereRef('m.id', '=', 'd.message_id')
      .where('d.workspace_id', '=', workspaceId)
      .where('d.kind', '=', driver.kind)
      .where('d.label', '=', driver.label)
      .leftJoin('customers as cu', 'cu.id', 'm.customer_id')
      .leftJoin('analyses as a', 'a.message_id', 'm.id')
      .select(FACT_COLUMNS);
    // The builder type differs only by the extra `d` alias, which later clauses reach through sql.ref.
    return { query: query as unknown as FactQuery, at: sql.ref<number>('d.sent_at'), id: sql.ref<number>('d.message_id') };
  }
  if (driver.table === 'analyses') {
    const query = db
      .selectFrom('analyses as a')
      .crossJoin('messages as m')
      .whereRef('m.id', '=', 'a.message_id')
      .where('a.workspace_id', '=', workspaceId)
      .where('a.stage', '=', driver.stage)
      .leftJoin('customers as cu', 'cu.id', 'm.customer_id')
      .select(FACT_COLUMNS);
    return { query: query as unknown as FactQuery, at: sql.ref<number>('a.sent_at'), id: sql.ref<number>('a.message_id') };
  }
  return { query: messagesFirst(db), at: sql.ref<number>('m.sent_at'), id: sql.ref<number>('m.id') };
}

/**
 * Builds the fact query for a filter and its plan (fact-plan.ts). `from` is inclusive and `to` exclusive
 * (applied to the driving table's time so its index range is used). Label filters not used for driving
 * probe the analysis_labels primary key. `q` is a case- and accent-insensitive substring match: the
 * folded query against messages.search_text, through the text index when the plan says so.
 */
export function scanFacts(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  workspaceId: string,
  f: FactFilter,
  plan: FactPlan,
): FactScan {
  const { driver } = plan;
  const scan = driven(db, workspaceId, driver);
  const { at } = scan;
  let q = scan.query.where('m.workspace_id', '=', workspaceId);
  if (f.from) q = q.where((eb) => eb(at, '>=', f.from!.getTime()));
  if (f.to) q = q.where((eb) => eb(at, '<', f.to!.getTime()));
  // `column || ''` is the portable way to keep a filter off an index (see FactPlan.messageIndex).
  const indexable = (column: MessageIndexColumn) =>
    driver.table !== 'messages' || plan.messageIndex === column || (column === 'role' && plan.textDense === true);
  const equals = (column: 'channel' | 'brand' | 'role', value: string) =>
    indexable(column)
      ? sql<boolean>`${sql.ref(`m.${column}`)} = ${value}`
      : sql<boolean>`${sql.ref(`m.${column}`)} || '' = ${value}`;
  if (f.channel) q = q.where(equals('channel', f.channel));
  if (f.language) q = q.where('m.language', '=', f.language);
  if (f.team) q = q.where('m.team', '=', f.team);
  if (f.brand) q = q.where(equals('brand', f.brand));
  if (f.segment) q = q.where('cu.segment', '=', f.segment);
  // The customer is named by its public id; the messages index holds the internal key it resolves to.
  if (f.customerId !== undefined) q = q.where('m.customer_id', '=', customerKeyOf(db, workspaceId, f.customerId));
  if (f.customerOnly) q = q.where(equals('role', 'customer'));
  if (f.stage) q = q.where('a.stage', '=', f.stage);
  for (const kind of LABEL_FILTERS) {
    const label = f[kind];
    if (!label || (driver.table === 'analysis_labels' && driver.kind === kind)) continue;
    q = q.where((eb) =>
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
  if (plan.text !== null) {
    const search = plan.text;
    const { text } = search;
    // A trigram index (PostgreSQL pg_trgm) can only serve a term with 3 letters or digits in a row; for any
    // other it would read the whole index (3.4 s against 0.5–0.9 s for a scan of 1M messages), so it is kept off it.
    const column = hasTrigram(text) ? sql.ref('m.search_text') : sql`${sql.ref('m.search_text')} || ''`;
    if (plan.textIndexed) q = q.where(() => adapter.textIndexMatch(sql.ref<number>('m.id'), search, plan.textIds ?? null));
    else if (search.match === 'word-start') q = q.where(() => adapter.wordStartMatch(sql.ref<number>('m.id'), sql.ref<string>('m.search_text'), text));
    else q = q.where(sql<boolean>`${column} like ${containsPattern(text)} escape '\\'`);
  }
  return { ...scan, query: q };
}

/** A place in the (time, id) order of a FactScan: the keyset cursor of paged reads. */
export interface FactPosition {
  at: number;
  id: number;
}

/** The position of a fetched fact row. */
export function positionOf(r: FactRow): FactPosition {
  return { at: Number(r.sent_at), id: Number(r.id) };
}

/**
 * The scan's query restricted to rows strictly after `p` in (time, id) order: `'>'` for pages read oldest
 * first, `'<'` for pages read newest first. A keyset range, so a deep page costs what the first one does.
 */
export function beyond(scan: FactScan, p: FactPosition, direction: '>' | '<'): FactQuery {
  return scan.query.where((eb) =>
    eb.or([eb(scan.at, direction, p.at), eb.and([eb(scan.at, '=', p.at), eb(scan.id, direction, p.id)])]),
  );
}

/** Maps a fact row to the MessageFact handed to insights and the listening station. */
export function toMessageFact(r: FactRow): MessageFact {
  return {
    messageId: String(r.id),
    conversationId: String(r.conversation_id),
    // Never the sequential key: outside the store a customer is its public id (customer-public-ids.ts).
    customerId: r.public_id ?? null,
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
