import type { Kysely } from 'kysely';
import type { FactFilter } from '../core/facts.ts';
import { countUpTo } from './count-queries.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { customerKeyOf } from './customer-public-ids.ts';
import { type TextSearch, textSearch } from './text-search.ts';

/** The table whose index a fact query walks in time order (see FactScan in fact-select.ts). */
export type FactDriver =
  | { table: 'messages' }
  | { table: 'analysis_labels'; kind: 'theme' | 'need' | 'emotion'; label: string }
  | { table: 'analyses'; stage: string };

/** Message columns with a (workspace_id, column, sent_at, id) index, most selective first. */
export type MessageIndexColumn = 'customer_id' | 'brand' | 'channel' | 'role';

/** How a fact query is run: its driving table and how `q` is matched. */
export interface FactPlan {
  driver: FactDriver;
  /**
   * When messages drive, the one indexed column to walk. Equality filters on the other indexed columns
   * are then written so no index can serve them: the planner cannot tell a rare brand from a common role
   * (same number of distinct values), and walking the wrong index turns a 20k-row walk into a 600k one.
   */
  messageIndex: MessageIndexColumn | null;
  /** What `q` asks for (text-search.ts), or null without one. */
  text: TextSearch | null;
  /**
   * True: `q` is looked up in the dialect's text index (few matches); false: checked on each scanned row
   * (LIKE, or the dialect's word-start check).
   */
  textIndexed: boolean;
  /** The ids `q` matches when the text index read them (PostgreSQL, few matches), for textIndexMatch. */
  textIds?: readonly number[] | null;
  /**
   * True: the text index found `q` frequent but reads every match's row to tell (PostgreSQL's pg_trgm),
   * so `q` is checked on the rows walked. The customer filter is then written plainly: the planner sees
   * that it keeps half the messages (written off-index it guesses 0.5 %, thinks a channel's matches
   * few, and reads and joins all 4,500 of `facture` by email before sorting: 0.3 s instead of 40 ms).
   */
  textDense?: boolean;
}

/** Beyond this many index entries a candidate is "broad"; estimates stop counting there. */
const PROBE_CAP = 50_000;
/**
 * Below this many text-index matches, `q` is resolved through the index (then sorted); above it matches
 * are dense enough that checking the LIKE on rows walked newest first fills a page sooner.
 */
const TEXT_INDEX_CAP = 20_000;
/**
 * The same bound when a theme, need, emotion or stage drives: the LIKE is then checked on that label's
 * messages, among which a term frequent overall may be absent (`facture` with theme=delay read all
 * 42,000 delay messages of a million, 0.1–1 s), so the index's set of matches is worth reading sooner.
 */
const TEXT_INDEX_CAP_LABELLED = PROBE_CAP;

/**
 * Picks the driving table for a filter by counting, up to PROBE_CAP, the index entries of each candidate
 * (index-only range counts, a few milliseconds each) and walking the smallest. Without an analysis filter
 * the messages table drives and the database picks among its indexes; with one but no selective message
 * filter the analysis index drives without probing.
 */
async function chooseDriver(
  db: Kysely<Database>,
  workspaceId: string,
  f: FactFilter,
  messageIndex: MessageIndexColumn | null,
): Promise<FactDriver> {
  const candidates: Exclude<FactDriver, { table: 'messages' }>[] = [];
  for (const kind of ['theme', 'need', 'emotion'] as const) {
    const label = f[kind];
    if (label) candidates.push({ table: 'analysis_labels', kind, label });
  }
  if (f.stage) candidates.push({ table: 'analyses', stage: f.stage });
  if (candidates.length === 0) return { table: 'messages' };
  // The role index is not probed: customerOnly is never a selective filter.
  const selectiveMessageFilter = messageIndex !== null && messageIndex !== 'role';
  if (candidates.length === 1 && !selectiveMessageFilter) return candidates[0];

  const sizes = await Promise.all(
    candidates.map((c) =>
      countUpTo(
        db,
        c.table === 'analysis_labels'
          ? db.selectFrom('analysis_labels').select('message_id')
            .where('workspace_id', '=', workspaceId).where('kind', '=', c.kind).where('label', '=', c.label)
          : db.selectFrom('analyses').select('message_id')
            .where('workspace_id', '=', workspaceId).where('stage', '=', c.stage),
        PROBE_CAP,
      ),
    ),
  );
  let best = 0;
  for (let i = 1; i < sizes.length; i++) if (sizes[i] < sizes[best]) best = i;
  if (!selectiveMessageFilter) return candidates[best];

  const all = db.selectFrom('messages').select('id').where('workspace_id', '=', workspaceId);
  const messages = messageIndex === 'customer_id'
    ? all.where('customer_id', '=', customerKeyOf(db, workspaceId, f.customerId!))
    : all.where(messageIndex, '=', f[messageIndex]!);
  const messageSize = await countUpTo(db, messages, PROBE_CAP);
  return messageSize < sizes[best] ? { table: 'messages' } : candidates[best];
}

/** Plans a fact query: driving table, and whether `q` goes through the text index. */
export async function planFacts(db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, f: FactFilter = {}): Promise<FactPlan> {
  const text = textSearch(f.q, f.customerOnly === true);
  const messageIndex: MessageIndexColumn | null =
    f.customerId !== undefined ? 'customer_id' : f.brand ? 'brand' : f.channel ? 'channel' : f.customerOnly ? 'role' : null;
  const driver = await chooseDriver(db, workspaceId, f, messageIndex);
  const cap = driver.table === 'messages' ? TEXT_INDEX_CAP : TEXT_INDEX_CAP_LABELLED;
  const lookup = text ? await adapter.textIndexLookup(db, workspaceId, text, cap) : null;
  const textIndexed = lookup !== null && lookup.estimate < cap && (lookup.indexOnly || lookup.ids !== null || driver.table !== 'messages');
  const textDense = lookup !== null && !textIndexed && !lookup.indexOnly;
  return { driver, messageIndex, text, textIndexed, textIds: textIndexed ? lookup.ids : null, textDense };
}
