import type { Kysely } from 'kysely';
import { UsageError } from '../core/errors.ts';
import type { FactFilter, MessageFact } from '../core/facts.ts';
import type { MessagePage } from './store.ts';
import { countUpTo } from './count-queries.ts';
import { withCorrections } from './correction-queries.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { planFacts } from './fact-plan.ts';
import { beyond, type FactPosition, positionOf, scanFacts, toMessageFact } from './fact-select.ts';
import { isCustomerPublicId } from './customer-public-ids.ts';

/**
 * `total` counts matches up to this cap (then reports the cap and `totalCapped: true`, shown as "1000+"):
 * an exact count of a broad filter over 1M messages would cost a scan of every match on every page; the
 * capped one stops early, which keeps each page well under 300 ms on 1M messages.
 */
export const TOTAL_CAP = 1000;

/** Cursors are opaque to clients: base64url of "sentAtMs.id". */
function encodeCursor(p: FactPosition): string {
  return Buffer.from(`${p.at}.${p.id}`).toString('base64url');
}

function decodeCursor(cursor: string): FactPosition {
  const m = /^(-?\d{1,16})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new UsageError(`Cursor "${cursor}" is invalid. Pass the "next" value of the previous page, or omit it to start over.`);
  return { at: Number(m[1]), id: Number(m[2]) };
}

/**
 * One page of the listening station, newest first, with a keyset cursor on (sent_at, id): every page is an
 * index range scan that stops after `limit` matches, so deep pages cost what the first one does.
 */
export async function listMessages(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  workspaceId: string,
  filter: FactFilter,
  limit: number,
  cursor?: string | null,
): Promise<MessagePage> {
  const size = Math.max(1, Math.min(500, Math.floor(limit)));
  const plan = await planFacts(db, adapter, workspaceId, filter);
  const scan = scanFacts(db, adapter, workspaceId, filter, plan);
  const q = cursor ? beyond(scan, decodeCursor(cursor), '<') : scan.query;
  const rows = await q.orderBy(scan.at, 'desc').orderBy(scan.id, 'desc').limit(size + 1).execute();
  // A first page that is not full holds every match: counting them again would repeat its whole scan,
  // the costliest one (a search whose term is frequent but not among the filtered rows reads them all).
  // A frequent term that pg_trgm must recheck (FactPlan.textDense) is counted through that index alone,
  // other message filters kept off theirs: the bitmap scan stops at the cap (20 ms for `facture` by email)
  // where ANDing it with the channel's 160,000 entries took 0.15 s.
  const counted = plan.textDense && plan.driver.table === 'messages' ? { ...plan, messageIndex: 'role' as const } : plan;
  const matches = scanFacts(db, adapter, workspaceId, filter, counted).query.clearSelect().select('m.id');
  const total = !cursor && rows.length <= size ? rows.length : await countUpTo(db, matches, TOTAL_CAP + 1);
  // People's corrections are shown instead of the model's findings (correction-queries.ts).
  const items = await withCorrections(db, adapter, workspaceId, rows.slice(0, size).map(toMessageFact));
  const last = rows.length > size ? rows[size - 1] : null;
  return {
    items,
    next: last ? encodeCursor(positionOf(last)) : null,
    total: Math.min(total, TOTAL_CAP),
    totalCapped: total > TOTAL_CAP,
  };
}

/**
 * One customer's whole history (all roles, every conversation), oldest first; served by messages_customer.
 * `customerId` is the public id (customer-public-ids.ts): a sequential key, or another workspace's
 * customer, finds nothing.
 */
export async function customerHistory(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  workspaceId: string,
  customerId: string,
): Promise<MessageFact[]> {
  if (!isCustomerPublicId(customerId)) return [];
  const filter = { customerId };
  const rows = await scanFacts(db, adapter, workspaceId, filter, await planFacts(db, adapter, workspaceId, filter))
    .query.orderBy('m.sent_at')
    .orderBy('m.id')
    .execute();
  return withCorrections(db, adapter, workspaceId, rows.map(toMessageFact));
}
