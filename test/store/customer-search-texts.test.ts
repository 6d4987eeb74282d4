/**
 * Migration 018: PostgreSQL rechecks a substring search of customer messages (`q=facture`) on a narrow
 * table of their folded text instead of the rows of `messages`. On both stores: the same rows as before,
 * on a database upgraded with messages in it, and kept in step with every write (new messages, a changed
 * text or role, erasure). On PostgreSQL: a search with a theme it never meets (`q=facture&theme=delay`,
 * 179 ms at the 95th percentile on a million messages before) reads the trigram index of that table and
 * never the messages of the term's candidates.
 */
import { expect, it } from 'vitest';
import type { ConversationInput } from '../../src/core/conversation.ts';
import type { FactFilter } from '../../src/core/facts.ts';
import { planFacts } from '../../src/store/fact-plan.ts';
import { scanFacts } from '../../src/store/fact-select.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from './dialects.ts';
import { T0, analysis, conversation } from './fixtures.ts';
import { adapterFor, explainPage, migratedBefore, withClient } from './target-access.ts';

const TEXTS: [string, string][] = [
  ['Facture reçue en double', 'billing'],
  ['La FACTURATION est fausse', 'billing'],
  ['Le colis est arrivé abîmé', 'delay'],
  ['Toujours pas de facture après 3 semaines', 'delay'],
  ['Ça ne marche toujours pas', 'technical'],
];

function textConversation(i: number, text: string, key = `c${i}`): ConversationInput {
  const at = T0 + i * 600_000;
  return conversation(i, {
    naturalKey: key,
    customer: { externalId: `cust-${key}` },
    messages: [
      { role: 'customer' as const, at: new Date(at), text, language: 'fr' },
      // An agent who writes the term: never found by a customer-only search.
      { role: 'agent' as const, author: 'Alice', at: new Date(at + 1000), text: 'Votre facture est corrigée', language: 'fr' },
    ],
  });
}

/** Writes `texts` (from index `from`) and analyses each customer message with its theme. */
async function write(store: Store, texts: [string, string][], from = 0, sourceName = 'csv'): Promise<void> {
  const source = await store.ensureSource('w', sourceName, 'csv');
  const { newMessageIds } = await store.writeConversations('w', source, texts.map(([t], k) => textConversation(from + k, t)));
  const facts = await store.messagesForAnalysis('w', newMessageIds); // customer messages only
  await store.saveAnalyses('w', 'v1', facts.map((f) => ({ messageId: f.messageId, analysis: analysis({ theme: texts.find(([t]) => t === f.text)![1] }) })));
}

async function searched(store: Store, filter: FactFilter): Promise<string[]> {
  const page = await store.listMessages('w', filter, 50);
  return page.items.map((m) => m.text).sort();
}

/** What a 3+-character term must find: the customer texts holding it, case and accents ignored. */
function expected(texts: readonly string[], term: string): string[] {
  const fold = (x: string) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return texts.filter((x) => fold(x).includes(fold(term))).sort();
}

dialectSuite('customer substring search (migration 018)', ({ dialect, open, target }) => {
  it('finds the same rows on a database upgraded from 017 with messages in it, and follows every write', async () => {
    const t = target();
    const { adapter, db } = await migratedBefore(t, '018');
    await write(new KyselyStore(db, adapter, () => new Date(T0)), TEXTS);
    await adapter.close(db);

    const store = await open(t);
    const all = TEXTS.map(([x]) => x);
    for (const term of ['factur', 'FACTURE', 'arrivé abîmé', 'toujours', 'corrigée', 'zzz']) {
      expect(await searched(store, { customerOnly: true, q: term }), term).toEqual(expected(all, term));
    }
    expect(await searched(store, { customerOnly: true, q: 'facture', theme: 'delay' })).toEqual([TEXTS[3][0]]);
    expect(await searched(store, { customerOnly: true, q: 'facture', theme: 'technical' })).toEqual([]);

    // New messages are found; an erased customer's are not.
    const later: [string, string][] = [['Facture impayée relancée', 'billing']];
    await write(store, later, 10, 'later');
    expect(await searched(store, { customerOnly: true, q: 'factur' })).toEqual(expected([...all, later[0][0]], 'factur'));
    await store.eraseCustomer('w', 'cust-c0');
    expect(await searched(store, { customerOnly: true, q: 'factur' })).toEqual(expected([...all.slice(1), later[0][0]], 'factur'));

    if (dialect === 'postgres') {
      // A text or role changed in place (no store path does it today, a future one may): the table follows.
      await withClient(t, async (c) => {
        await c.query(`update messages set search_text = 'facture perdue' where text = $1`, [TEXTS[4][0]]);
        await c.query(`update messages set role = 'agent' where text = $1`, [TEXTS[3][0]]);
      });
      expect(await searched(store, { customerOnly: true, q: 'factur' })).toEqual([TEXTS[1][0], TEXTS[4][0], later[0][0]].sort());
      const [{ n }] = await withClient(t, async (c) => (await c.query<{ n: number }>(
        `select count(*)::int as n from message_search_texts s where not exists (select 1 from messages m where m.id = s.message_id and m.role = 'customer' and m.search_text = s.search_text)`)).rows);
      expect(n, 'no text of a message that is gone, no customer’s, or reworded').toBe(0);
      const indexes = await withClient(t, async (c) =>
        (await c.query<{ indexname: string }>(`select indexname from pg_indexes where schemaname = $1`, [t.schema])).rows.map((r) => r.indexname));
      expect(indexes).toContain('message_search_texts_trgm');
      // 015's stays: counting a frequent term's matches among a theme's messages reads it.
      expect(indexes).toContain('messages_customer_trgm');
    }
  });

  it.runIf(dialect === 'postgres')('still answers without the table\'s trigram index (a server without pg_trgm), by scanning', async () => {
    const t = target();
    const first = await open(t);
    await write(first, TEXTS);
    // What migration 018 leaves where pg_trgm is missing: the table and its trigger, no index.
    await withClient(t, (c) => c.query('drop index message_search_texts_trgm'));
    const store = await open(t); // a new adapter asks again whether the index exists
    const all = TEXTS.map(([x]) => x);
    for (const term of ['factur', 'arrivé abîmé', 'corrigée']) {
      expect(await searched(store, { customerOnly: true, q: term }), term).toEqual(expected(all, term));
    }
    expect(await searched(store, { customerOnly: true, q: 'facture', theme: 'delay' })).toEqual([TEXTS[3][0]]);
    const adapter = adapterFor(t);
    const db = await adapter.createKysely();
    try {
      expect((await planFacts(db, adapter, 'w', { customerOnly: true, q: 'facture' })).textIndexed).toBe(false);
    } finally {
      await adapter.close(db);
    }
  });

  it.runIf(dialect === 'postgres')('rechecks a frequent term on the narrow table, never on the messages of its candidates', async () => {
    const t = target();
    const store = await open(t);
    // Many "facture" matches outside the theme, so the lookup sends the page query to the index (no id list).
    const filler: [string, string][] = Array.from({ length: 300 }, (_, i) => [`Facture n°${i} payée deux fois`, 'billing']);
    await write(store, [...TEXTS, ...filler]);
    const adapter = adapterFor(t);
    const db = await adapter.createKysely();
    try {
      const filter = { customerOnly: true, q: 'facture', theme: 'delay' };
      const plan = await planFacts(db, adapter, 'w', filter);
      expect(plan.textIndexed).toBe(true);
      const rows = await scanFacts(db, adapter, 'w', filter, plan).query.execute();
      expect(rows.map((r) => r.text)).toEqual([TEXTS[3][0]]);
      const { plan: explained } = await explainPage(t, scanFacts(db, adapter, 'w', filter, { ...plan, textIds: null }));
      expect(explained, explained).toContain('Bitmap Index Scan on message_search_texts_trgm');
      // Before 018: 015's partial trigram index on messages, each candidate rechecked on its row of messages.
      expect(explained, explained).not.toContain('messages_customer_trgm');
      expect(explained, explained).not.toMatch(/Recheck Cond: \(\(m\.search_text ~~/);
    } finally {
      await adapter.close(db);
    }
  });
});
