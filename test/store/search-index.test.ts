import { expect, it } from 'vitest';
import type { ConversationInput } from '../../src/core/conversation.ts';
import { planFacts } from '../../src/store/fact-plan.ts';
import { scanFacts } from '../../src/store/fact-select.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite } from './dialects.ts';
import { T0, conversation } from './fixtures.ts';
import { adapterFor, explainPage, migratedBefore, withClient } from './target-access.ts';

/** Texts written once per test store; each search below expects the same texts on both dialects. */
const TEXTS = [
  'Le colis est arrivé abîmé',
  'LE COLIS EST ARRIVE ABIME, encore',
  'Colis arrivé intact, merci',
  'Ça ne marche toujours pas',
  'Remboursement intégral attendu',
  'Facture reçue en double',
];

const SEARCHES: [string, string[]][] = [
  ['arrivé abîmé', [TEXTS[0], TEXTS[1]]],
  ['ARRIVE ABIME', [TEXTS[0], TEXTS[1]]],
  ['Arrivé', [TEXTS[0], TEXTS[1], TEXTS[2]]],
  ['INTÉGRAL', [TEXTS[4]]],
  ['ça', [TEXTS[3]]], // 2 characters: no trigram, the same LIKE as before
  ['AB', [TEXTS[0], TEXTS[1]]],
  ['zq', []],
  ['reçue en double', [TEXTS[5]]],
];

function textConversation(i: number, texts: string[]): ConversationInput {
  return conversation(i, {
    messages: texts.map((text, k) => ({ role: 'customer' as const, at: new Date(T0 + i * 600_000 + k * 1000), text, language: 'fr' })),
  });
}

async function write(store: Store, batch: ConversationInput[]): Promise<void> {
  const source = await store.ensureSource('w', 'csv', 'csv');
  for (let i = 0; i < batch.length; i += 500) await store.writeConversations('w', source, batch.slice(i, i + 500));
}

async function searched(store: Store, q: string): Promise<string[]> {
  const page = await store.listMessages('w', { q }, 50);
  expect(page.total).toBe(page.items.length);
  return page.items.map((m) => m.text).sort();
}



dialectSuite('search index', ({ dialect, open, target }) => {
  it('finds messages whatever their case and accents, the same rows on both stores, 2-character terms included', async () => {
    const store = await open();
    await write(store, TEXTS.map((text, i) => textConversation(i, [text])));
    for (const [q, expected] of SEARCHES) expect(await searched(store, q), q).toEqual([...expected].sort());
  });

  it('applies migration 011 to a database created at migration 010 with messages in it', async () => {
    const t = target();
    const { adapter, db } = await migratedBefore(t, '011');
    const old = new KyselyStore(db, adapter, () => new Date(T0));
    // Without customers: today's writer also fills customers.public_id, a column from migration 013.
    await write(old, TEXTS.map((text, i) => ({ ...textConversation(i, [text]), customer: undefined })));
    await adapter.close(db);

    const store = await open(t);
    for (const [q, expected] of SEARCHES) expect(await searched(store, q), q).toEqual([...expected].sort());
    if (dialect === 'postgres') {
      const indexes = await withClient(t, async (c) =>
        (await c.query<{ indexdef: string }>(`select indexdef from pg_indexes where schemaname = $1 and tablename = 'messages'`, [t.schema])).rows.map((r) => r.indexdef));
      expect(indexes.find((d) => d.includes('messages_search_trgm'))).toMatch(/USING gin \(search_text \S*gin_trgm_ops\)/);
    }
  });

  it.runIf(dialect === 'postgres')('answers a search through the trigram index: the listening station\'s page query uses it', async () => {
    const t = target();
    const store = await open(t);
    // 3,000 ordinary messages and 6 that match: a plan that reads every message is the one to avoid.
    const filler = Array.from({ length: 1000 }, (_, i) => textConversation(i, [`Mon colis n°${i} est en retard`, 'Nous regardons', `Merci ${i}`]));
    await write(store, [...filler, ...TEXTS.map((text, i) => textConversation(2000 + i, [text]))]);
    const adapter = adapterFor(t);
    const db = await adapter.createKysely();
    try {
      // A term without 3 letters or digits in a row has no trigram: the index would be read whole, so not used.
      const cases: [string, string, string[], boolean][] = [
        ['ARRIVÉ ABÎMÉ', '%arrive abime%', [TEXTS[0], TEXTS[1]], true],
        ['intégral', '%integral%', [TEXTS[4]], true],
        ['Ça', '%ca%', [TEXTS[3]], false],
      ];
      for (const [q, pattern, expected, indexed] of cases) {
        const filter = { q };
        // Only bitmap scans left: a trigram index that can serve the LIKE must then show in the plan.
        const { sql: pageSql, plan } = await explainPage(t, scanFacts(db, adapter, 'w', filter, await planFacts(db, adapter, 'w', filter)));
        if (indexed) expect(plan, plan).toContain('messages_search_trgm');
        else expect(plan, plan).not.toContain('messages_search_trgm');
        // On 1M messages the planner did read the whole index for a 2-letter term: the LIKE is written so it cannot.
        expect(pageSql.includes(`"m"."search_text" || ''`), pageSql).toBe(!indexed);
        expect(plan).toContain(pattern); // the folded term, as search_text stores text
        expect(await searched(store, q)).toEqual([...expected].sort());
      }
    } finally {
      await adapter.close(db);
    }
  });
});
