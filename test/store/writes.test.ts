import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { EmployeeSurveyInput } from '../../src/core/employee-survey.ts';
import { InputError } from '../../src/core/errors.ts';
import { dialectSuite, type TestTarget } from './dialects.ts';
import { conversation, conversations, T0 } from './fixtures.ts';

const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));
const BATCH = 1500; // must match import-child.ts
const BATCHES = 6;

/** Runs the import child and SIGKILLs it once it has committed `killAfter` batches. */
function importAndKill(target: TestTarget, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target.url, target.schema ?? ''], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let committed = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.on('data', (d: Buffer) => {
      committed += String(d).split('\n').filter((l) => l.startsWith('committed')).length;
      if (committed >= killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`import child exited ${code} before being killed: ${stderr}`));
    });
  });
}

dialectSuite('store writes', ({ dialect, open, target }) => {
  it('writes conversations, messages, customers and surveys, returning new customer-message ids', async () => {
    const store = await open();
    const source = await store.ensureSource('w1', 'zendesk', 'csv');
    const result = await store.writeConversations('w1', source, conversations(0, 10));
    expect(result.inserted).toBe(10);
    expect(result.skipped).toBe(0);
    expect(result.newMessageIds).toHaveLength(20);
    const counts = await store.counts('w1');
    expect(counts).toMatchObject({ conversations: 10, messages: 30, customerMessages: 20, customers: 4, surveys: 5, analysed: 0 });
    const facts = await store.messageFacts('w1');
    const customerIds = facts.filter((f) => f.role === 'customer').map((f) => f.messageId).sort();
    expect(customerIds).toEqual([...result.newMessageIds].sort());
    expect(store.dialect).toBe(dialect);
  });

  it('a thread exported again with a new reply and a new survey answer gains them, once', async () => {
    const store = await open();
    const source = await store.ensureSource('w1', 'zendesk', 'csv');
    await store.writeConversations('w1', source, conversations(0, 3));
    const version = await store.dataVersion('w1');
    const base = conversation(2);
    const later = {
      ...base,
      // The same thread a week later: its messages in another order, one new customer reply, one new survey.
      messages: [
        base.messages[2], base.messages[0], base.messages[1],
        { role: 'customer' as const, at: new Date(T0 + 7 * 24 * 3_600_000), text: 'Toujours rien reçu une semaine après.', language: 'fr' },
      ],
      surveys: [...(base.surveys ?? []), { kind: 'csat' as const, score: 1, at: new Date(T0 + 7 * 24 * 3_600_000) }],
    };
    const grown = await store.writeConversations('w1', source, [conversation(0), later, conversation(3)]);
    expect(grown).toMatchObject({ inserted: 1, updated: 1, skipped: 1 });
    expect(grown.newMessageIds).toHaveLength(3); // the new reply + conversation 3's two customer messages
    expect(await store.dataVersion('w1')).not.toBe(version);
    const all = await store.messageFacts('w1');
    const thread = all.find((f) => f.text.startsWith('Mon colis n°2 '))!.conversationId;
    const facts = all.filter((f) => f.conversationId === thread).sort((a, b) => a.at.getTime() - b.at.getTime());
    expect(facts.map((f) => f.role)).toEqual(['customer', 'agent', 'customer', 'customer']);
    expect(facts.map((f) => f.text)).toContain('Toujours rien reçu une semaine après.');
    expect((await store.counts('w1')).surveys).toBe(2 + 1);
    // The same export once more: nothing is new.
    const again = await store.writeConversations('w1', source, [later]);
    expect(again).toEqual({ inserted: 0, updated: 0, skipped: 1, newMessageIds: [] });
    expect((await store.counts('w1')).messages).toBe(4 * 3 + 1);
  });

  it('re-importing the same records skips them all and writes nothing', async () => {
    const store = await open();
    const source = await store.ensureSource('w1', 'zendesk', 'csv');
    await store.writeConversations('w1', source, conversations(0, 8));
    const version = await store.dataVersion('w1');
    const again = await store.writeConversations('w1', source, conversations(0, 8));
    expect(again).toEqual({ inserted: 0, updated: 0, skipped: 8, newMessageIds: [] });
    expect(await store.dataVersion('w1')).toBe(version);
    const mixed = await store.writeConversations('w1', source, [...conversations(6, 12), conversation(11)]);
    expect(mixed.inserted).toBe(4);
    expect(mixed.skipped).toBe(3);
    expect((await store.counts('w1')).conversations).toBe(12);
  });

  it('keeps natural keys per workspace', async () => {
    const store = await open();
    const a = await store.ensureSource('a', 'csv', 'csv');
    const b = await store.ensureSource('b', 'csv', 'csv');
    await store.writeConversations('a', a, conversations(0, 3));
    const inB = await store.writeConversations('b', b, conversations(0, 3));
    expect(inB.inserted).toBe(3);
    expect((await store.counts('a')).messages).toBe(9);
    expect((await store.counts('b')).messages).toBe(9);
  });

  it('upserts customers: fills missing segment and value, never overwrites known ones', async () => {
    const store = await open();
    const source = await store.ensureSource('w1', 'csv', 'csv');
    const bare = { externalId: 'c-42' };
    await store.writeConversations('w1', source, [conversation(1, { naturalKey: 'n1', customer: bare })]);
    let [fact] = await store.messageFacts('w1', { customerOnly: true });
    expect(fact).toMatchObject({ customerRef: 'c-42', segment: null, customerValue: null });
    await store.writeConversations('w1', source, [
      conversation(2, { naturalKey: 'n2', customer: { externalId: 'c-42', name: 'Zoé', segment: 'PME', value: 1200 } }),
    ]);
    await store.writeConversations('w1', source, [
      conversation(3, { naturalKey: 'n3', customer: { externalId: 'c-42', segment: 'grand compte', value: 99 } }),
    ]);
    const facts = await store.messageFacts('w1', { customerOnly: true });
    expect(new Set(facts.map((f) => f.customerId)).size).toBe(1);
    fact = facts[0];
    expect(fact).toMatchObject({ customerRef: 'c-42', customerName: 'Zoé', segment: 'PME', customerValue: 1200 });
    expect((await store.counts('w1')).customers).toBe(1);
  });

  it('rolls back a whole batch that fails midway, then accepts it once fixed', async () => {
    const store = await open();
    const source = await store.ensureSource('w1', 'csv', 'csv');
    const broken = conversations(0, 5);
    // A NOT NULL violation on the last message fails the batch after conversations were inserted.
    (broken[4].messages[2] as { text: unknown }).text = null;
    await expect(store.writeConversations('w1', source, broken)).rejects.toThrow();
    expect(await store.counts('w1')).toMatchObject({ conversations: 0, messages: 0, customers: 0, surveys: 0 });
    const fixed = await store.writeConversations('w1', source, conversations(0, 5));
    expect(fixed.inserted).toBe(5);
  });

  it('resumes an import killed mid-way: no duplicates, nothing lost', async () => {
    const t = target();
    const store = await open(t);
    const committed = await importAndKill(t, 2);
    expect(committed).toBeGreaterThanOrEqual(2);
    const before = await store.counts('crash');
    expect(before.conversations % BATCH).toBe(0); // whole batches only
    expect(before.conversations).toBeGreaterThanOrEqual(2 * BATCH);
    expect(before.messages).toBe(before.conversations * 3);

    // Re-run everything, as a user would after the crash.
    const source = await store.ensureSource('crash', 'import', 'csv');
    let skipped = 0;
    let inserted = 0;
    for (let b = 0; b < BATCHES; b++) {
      const r = await store.writeConversations('crash', source, conversations(b * BATCH, (b + 1) * BATCH));
      skipped += r.skipped;
      inserted += r.inserted;
    }
    expect(skipped).toBe(before.conversations);
    const total = BATCH * BATCHES;
    expect(inserted + skipped).toBe(total);
    const after = await store.counts('crash');
    expect(after).toMatchObject({ conversations: total, messages: 3 * total, customerMessages: 2 * total, surveys: total / 2, customers: 4 });
    const keys = new Set((await store.messageFacts('crash')).map((f) => `${f.conversationId}:${f.text}`));
    expect(keys.size).toBe(3 * total);
  });

  it('writes employee answers idempotently', async () => {
    const store = await open();
    const source = await store.ensureSource('w1', 'pulse', 'employee');
    const answers: EmployeeSurveyInput[] = [
      { naturalKey: 'e1', team: 'Paris', period: '2026-Q1', enps: 9, items: { charge: 2, sens: 5 }, comment: 'Trop de tickets', at: new Date(T(1)) },
      { naturalKey: 'e2', team: 'Lyon', period: '2026-Q1', items: {}, at: new Date(T(2)) },
    ];
    expect(await store.writeEmployeeAnswers('w1', source, answers)).toEqual({ inserted: 2, updated: 0, skipped: 0, newMessageIds: [] });
    expect(await store.writeEmployeeAnswers('w1', source, answers)).toEqual({ inserted: 0, updated: 0, skipped: 2, newMessageIds: [] });
    const facts = await store.employeeFacts('w1');
    expect(facts).toEqual([
      { team: 'Paris', period: '2026-Q1', enps: 9, items: { charge: 2, sens: 5 }, at: new Date(T(1)) },
      { team: 'Lyon', period: '2026-Q1', enps: null, items: {}, at: new Date(T(2)) },
    ]);
    expect((await store.counts('w1')).employeeAnswers).toBe(2);
  });

  it('rejects a source id that is not one', async () => {
    const store = await open();
    await expect(store.writeConversations('w1', 'not-an-id', conversations(0, 1))).rejects.toBeInstanceOf(InputError);
  });
});

function T(h: number): number {
  return Date.UTC(2026, 2, 1, h);
}
