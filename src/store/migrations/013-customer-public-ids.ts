import { type Kysely, type RawBuilder, sql } from 'kysely';

/**
 * Public customer ids. Customers were known outside the store by the table's sequential key, so
 * anyone able to call the API could walk ids 1, 2, 3… and read every history. This migration:
 * - adds `customers.public_id`: "c_" and 16 base32 letters (80 bits from the system's cryptographic
 *   random source), unique per workspace, and gives every existing customer one;
 * - rewrites what stored the old key as text to the public id: `cases.customer_id`, `alerts.customer_id`,
 *   the alert's dedupe key ("rule:customer:17"), payload (`customerId`, `customer.id`, dashboard links
 *   "#/customer/17") and message, and the payloads of the alert's deliveries (a pending e-mail or webhook
 *   then links to a page that opens). Text that is not one of the workspace's customer keys is left as is.
 * All in one transaction (PostgreSQL runs migrations in one; SQLite gets one here), so a failure leaves
 * the database as it was. Frozen: this file never imports live app code (the id shape is copied here).
 */

/** Rows filled per UPDATE: 2 parameters a row, far below both dialects' limits. */
const BATCH = 500;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** "c_" and 16 base32 letters from 10 bytes of Web Crypto (a global: this file imports nothing but kysely). */
function publicId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(10));
  let out = 'c_';
  let value = 0;
  let bits = 0;
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

type Row = Record<string, unknown>;

async function rows(db: Kysely<unknown>, query: RawBuilder<Row>): Promise<Row[]> {
  return (await query.execute(db)).rows;
}

/** Public ids of the workspace's customers among `keys` (old key as text → public id). */
async function publicIdsOf(db: Kysely<unknown>, workspaceId: string, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const numeric = [...new Set(keys.filter((k) => /^\d{1,15}$/.test(k)))].map(Number);
  for (let i = 0; i < numeric.length; i += BATCH) {
    const chunk = numeric.slice(i, i + BATCH);
    const got = await rows(db, sql<Row>`select id, public_id from customers where workspace_id = ${workspaceId} and id in (${sql.join(chunk)})`);
    for (const r of got) found.set(String(r.id), String(r.public_id));
  }
  return found;
}

/** `text` with the dashboard links to customer `key` pointing at `pid` instead. */
function relink(text: string, key: string, pid: string): string {
  return text.replace(new RegExp(`#/customer/${key}(?![0-9])`, 'g'), `#/customer/${pid}`);
}

/** A JSON value with customer `key` renamed `pid` under `customerId`, `customer.id` and in links. */
function rewrite(value: unknown, key: string, pid: string): unknown {
  if (typeof value === 'string') return relink(value, key, pid);
  if (Array.isArray(value)) return value.map((v) => rewrite(v, key, pid));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'customerId' && String(v) === key) out[k] = pid;
    else if (k === 'customer' && v !== null && typeof v === 'object' && !Array.isArray(v) && String((v as Row).id) === key) {
      out[k] = { ...(rewrite(v, key, pid) as Row), id: pid };
    } else out[k] = rewrite(v, key, pid);
  }
  return out;
}

function rewriteJson(text: string, key: string, pid: string): string {
  try {
    return JSON.stringify(rewrite(JSON.parse(text), key, pid));
  } catch {
    return relink(text, key, pid);
  }
}

/** Walks the customers by primary key (a range read per batch, not a scan for the rows still without one). */
async function fillCustomers(db: Kysely<unknown>): Promise<void> {
  for (let after = -1; ;) {
    const batch = await rows(db, sql<Row>`select id from customers where id > ${after} order by id limit ${BATCH}`);
    if (batch.length === 0) return;
    const ids = batch.map((r) => Number(r.id));
    after = ids[ids.length - 1];
    const cases = ids.map((id) => sql`when ${id} then ${publicId()}`);
    await sql`update customers set public_id = case id ${sql.join(cases, sql` `)} end where id in (${sql.join(ids)})`.execute(db);
  }
}

async function rewriteCases(db: Kysely<unknown>): Promise<void> {
  const all = await rows(db, sql<Row>`select id, workspace_id, customer_id from cases where customer_id is not null`);
  for (const ws of new Set(all.map((r) => String(r.workspace_id)))) {
    const mine = all.filter((r) => r.workspace_id === ws);
    const map = await publicIdsOf(db, ws, mine.map((r) => String(r.customer_id)));
    for (const r of mine) {
      const pid = map.get(String(r.customer_id));
      if (pid) await sql`update cases set customer_id = ${pid} where id = ${r.id}`.execute(db);
    }
  }
}

async function rewriteAlerts(db: Kysely<unknown>): Promise<void> {
  const all = await rows(db, sql<Row>`select id, workspace_id, customer_id, payload, message, dedupe_key from alerts where customer_id is not null`);
  for (const ws of new Set(all.map((r) => String(r.workspace_id)))) {
    const mine = all.filter((r) => r.workspace_id === ws);
    const map = await publicIdsOf(db, ws, mine.map((r) => String(r.customer_id)));
    for (const r of mine) {
      const key = String(r.customer_id);
      const pid = map.get(key);
      if (!pid) continue;
      const dedupe = r.dedupe_key == null ? null : String(r.dedupe_key).replace(new RegExp(`:customer:${key}$`), `:customer:${pid}`);
      await sql`update alerts set customer_id = ${pid}, dedupe_key = ${dedupe}, payload = ${rewriteJson(String(r.payload), key, pid)},
        message = ${relink(String(r.message), key, pid)} where id = ${r.id}`.execute(db);
      const deliveries = await rows(db, sql<Row>`select id, payload from outbox where alert_id = ${r.id}`);
      for (const d of deliveries) {
        await sql`update outbox set payload = ${rewriteJson(String(d.payload), key, pid)} where id = ${d.id}`.execute(db);
      }
    }
  }
}

async function migrate(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('public_id', 'text').execute();
  await fillCustomers(db);
  await db.schema.createIndex('customers_workspace_public_id').unique().on('customers').columns(['workspace_id', 'public_id']).execute();
  await rewriteCases(db);
  await rewriteAlerts(db);
}

// No table types apply (`Kysely<unknown>`): the schema is what the migrations created.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.isTransaction) await migrate(db);
  else await db.transaction().execute((trx) => migrate(trx));
}
