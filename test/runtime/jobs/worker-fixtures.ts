/**
 * Set-up shared by the queue-mode sweep tests: a scratch PostgreSQL database of their own (pg-boss keeps
 * its `ecoute_jobs` schema there) with the stores opened on it and a raw client to check rows, and the
 * angry chat conversations they import.
 */
import pg from 'pg';
import type { ConversationInput } from '../../../src/core/conversation.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { createScratchDatabase, dropScratchDatabase } from '../../setup/scratch-database.ts';

/**
 * `n` chat conversations numbered from `from`, each its own customer (so no rule dedupe window joins
 * two) with one angry message, a minute apart going back from `t0`.
 */
export function angryChats(t0: Date, from: number, n: number): ConversationInput[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const at = new Date(t0.getTime() - (i + 1) * 60_000);
    return {
      naturalKey: `chat-${i}`, channel: 'chat' as const, startedAt: at, surveys: [],
      customer: { externalId: `cust-${i}`, name: `Client ${i}` },
      messages: [{ role: 'customer' as const, at, text: `Mon colis ${i} est encore en retard, je suis furieux.` }],
    };
  });
}

/** Message id → 1 for each of `ids`: what "each alerted once" looks like in alertsOf()'s answer. */
export const once = (ids: string[]): Record<string, number> => Object.fromEntries(ids.map((id) => [id, 1]));

/**
 * One test file's scratch database: create() it in beforeAll, drop() it in afterAll (after stopping
 * the queues on it), and open as many stores on it as the test needs processes.
 */
export class ScratchQueueDatabase {
  /** The database's URL, once created. */
  url = '';
  private adminUrl = '';
  private name = '';
  private db: pg.Client | null = null;
  private readonly stores: Store[] = [];

  /** `prefix` names the database (the process id is added, so parallel runs do not meet). */
  constructor(private readonly prefix: string, private readonly clock: () => Date) {}

  /** Creates the database afresh on the test server at `adminUrl` and connects the checking client. */
  async create(adminUrl: string): Promise<void> {
    this.adminUrl = adminUrl;
    this.name = `${this.prefix}_${process.pid}`;
    this.url = await createScratchDatabase(adminUrl, this.name);
    this.db = new pg.Client({ connectionString: this.url });
    await this.db.connect();
  }

  /** A store of its own on the database, as a separate process would hold; closed by drop(). */
  async store(): Promise<Store> {
    const s = await openStore(this.url, { clock: this.clock });
    this.stores.push(s);
    return s;
  }

  /** The rows a raw SQL query returns, for checks the store does not expose. */
  async rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    if (!this.db) throw new Error('The scratch database is not created yet: call create() in beforeAll.');
    return (await this.db.query(text, params)).rows as T[];
  }

  /** Alerts per message of `ids` in `workspaceId` (message id → count), and how many cases they opened. */
  async alertsOf(workspaceId: string, ids: string[]): Promise<{ perMessage: Record<string, number>; cases: number }> {
    const counts = await this.rows<{ message_id: string; n: number }>(
      'select message_id::text, count(*)::int as n from alerts where workspace_id = $1 and message_id = any($2::bigint[]) group by message_id', [workspaceId, ids]);
    const [{ cases }] = await this.rows<{ cases: number }>(
      'select count(*)::int as cases from cases c join alerts a on a.id = c.alert_id where a.message_id = any($1::bigint[])', [ids]);
    return { perMessage: Object.fromEntries(counts.map((r) => [r.message_id, r.n])), cases };
  }

  /** Closes every store and the client, then drops the database (if it was created). */
  async drop(): Promise<void> {
    await Promise.all(this.stores.map((s) => s.close().catch(() => undefined)));
    await this.db?.end();
    if (this.name) await dropScratchDatabase(this.adminUrl, this.name);
  }
}
