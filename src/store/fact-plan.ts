import type { Kysely } from 'kysely';
import { fold } from '../core/fold.ts';
import type { FactFilter } from '../core/facts.ts';
import { countUpTo } from './count-queries.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { customerKeyOf } from './customer-public-ids.ts';

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
  /** The folded `q`, or null without one. */
  text: string | null;
  /** True: `q` is looked up in the dialect's text index (few matches); false: LIKE on each scanned row. */
  textIndexed: boolean;
}

/** Beyond this many index entries a candidate is "broad"; estimates stop counting there. */
const PROBE_CAP = 50_000;
/**
 * Below this many text-index matches, `q` is resolved through the index (then sorted); above it matches
 * are dense enough that checking the LIKE on rows walked newest first fills a page sooner.
 */
const TEXT_INDEX_CAP = 20_000;

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
  const text = f.q && f.q.trim() !== '' ? fold(f.q.trim()) : null;
  const messageIndex: MessageIndexColumn | null =
    f.customerId !== undefined ? 'customer_id' : f.brand ? 'brand' : f.channel ? 'channel' : f.customerOnly ? 'role' : null;
  const [driver, estimate] = await Promise.all([
    chooseDriver(db, workspaceId, f, messageIndex),
    text ? adapter.textIndexEstimate(db, text, TEXT_INDEX_CAP) : Promise.resolve(null),
  ]);
  return { driver, messageIndex, text, textIndexed: estimate !== null && estimate < TEXT_INDEX_CAP };
}
