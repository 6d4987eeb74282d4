import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationInput } from '../../src/core/conversation.ts';
import { main } from '../../src/main.ts';
import { runImport } from '../../src/runtime/import/run-import.ts';
import { openStore } from '../../src/store/open-store.ts';
import { captureOutput, ingestBytes } from './helpers.ts';

interface Mail {
  id?: string;
  from: string;
  to?: string;
  subject: string;
  date: string;
  inReplyTo?: string;
  references?: string;
  customerId?: string;
  body: string;
}

/** Builds an mbox from message descriptions (fixtures are built here, not copied from sample/). */
function mbox(mails: Mail[]): string {
  return mails
    .map((m) => {
      const addr = /<([^>]+)>/.exec(m.from)?.[1] ?? m.from;
      return [
        `From ${addr} ${new Date(m.date).toUTCString()}`,
        ...(m.id ? [`Message-ID: <${m.id}>`] : []),
        ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
        ...(m.references ? [`References: ${m.references}`] : []),
        `From: ${m.from}`,
        ...(m.to ? [`To: ${m.to}`] : []),
        `Subject: ${m.subject}`,
        `Date: ${new Date(m.date).toUTCString()}`,
        ...(m.customerId ? [`X-Customer-Id: ${m.customerId}`] : []),
        'Content-Type: text/plain; charset=utf-8',
        '',
        m.body,
        '',
      ].join('\n');
    })
    .join('\n');
}

const CARE = 'Service client <care@shop.example>';

/** Two customers write "Parcel stuck" on the same day; each gets an answer; then headerless follow-ups. */
const PARCELS: Mail[] = [
  { id: 'a1@mail.example', from: 'Ann <ann@mail.example>', to: CARE, subject: 'Parcel stuck', date: '2024-03-01T09:00:00Z', customerId: 'C-1', body: 'My parcel is stuck in Lyon.' },
  { id: 'b1@post.example', from: 'Bob <bob@post.example>', to: CARE, subject: 'Parcel stuck', date: '2024-03-01T09:30:00Z', customerId: 'C-2', body: 'Parcel stuck since Monday.' },
  { id: 'r1@shop.example', from: 'Agent Zoé <zoe@shop.example>', to: 'Ann <ann@mail.example>', subject: 'Re: Parcel stuck', date: '2024-03-01T10:00:00Z', inReplyTo: 'a1@mail.example', references: '<a1@mail.example>', body: 'We are on it, Ann.' },
  { id: 'r2@shop.example', from: 'Agent Zoé <zoe@shop.example>', to: 'Bob <bob@post.example>', subject: 'RE: Parcel stuck', date: '2024-03-01T10:05:00Z', inReplyTo: 'b1@post.example', body: 'We are on it, Bob.' },
  // A reply whose client dropped the reply headers: joins Ann's thread by subject, same participants.
  { id: 'a2@mail.example', from: 'Ann <ann@mail.example>', to: CARE, subject: 'TR: Re: Parcel stuck', date: '2024-03-02T08:00:00Z', body: 'Still nothing, Ann again.' },
  // A third customer answering "Re:" with no headers: same subject, other participants, own thread.
  { id: 'c1@mail.example', from: 'Chloé <chloe@mail.example>', to: CARE, subject: 'Re: Parcel stuck', date: '2024-03-02T09:00:00Z', body: 'Same problem for me.' },
  // Ann writes again later, a fresh message (no prefix, no headers): a new conversation.
  { id: 'a3@mail.example', from: 'Ann <ann@mail.example>', to: CARE, subject: 'Parcel stuck', date: '2024-03-20T08:00:00Z', body: 'Another parcel stuck now.' },
];

function texts(c: ConversationInput): string[] {
  return c.messages.map((m) => m.text);
}

describe('e-mail threading', () => {
  it('keeps two customers with the same subject apart; the subject fallback only joins orphan replies of the same participants', async () => {
    const r = await ingestBytes('parcels.mbox', mbox(PARCELS));
    expect(r.rows).toBe(PARCELS.length);
    expect(r.conversations.map(texts)).toEqual([
      ['My parcel is stuck in Lyon.', 'We are on it, Ann.', 'Still nothing, Ann again.'],
      ['Parcel stuck since Monday.', 'We are on it, Bob.'],
      ['Same problem for me.'],
      ['Another parcel stuck now.'],
    ]);
    const [ann, bob] = r.conversations;
    expect(ann.customer?.externalId).toBe('C-1');
    expect(bob.customer?.externalId).toBe('C-2');
    expect(ann.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
    expect(new Set(r.conversations.map((c) => c.naturalKey)).size).toBe(4);
  });

  it('threads by ids even when the root is missing from the mailbox or a reply is dated before its parent', async () => {
    const r = await ingestBytes('partial.mbox', mbox([
      // Both reference a root that is not in this export: one thread around the missing root.
      { id: 'x2@shop.example', from: 'Agent <agent@shop.example>', to: 'Dan <dan@mail.example>', subject: 'Re: Facture', date: '2024-04-02T10:00:00Z', references: '<x1@mail.example>', body: 'Voici la facture corrigée.' },
      { id: 'x3@mail.example', from: 'Dan <dan@mail.example>', to: 'Agent <agent@shop.example>', subject: 'Re: Re: Facture', date: '2024-04-02T11:00:00Z', references: '<x1@mail.example> <x2@shop.example>', inReplyTo: 'x2@shop.example', body: 'Merci beaucoup.' },
      // A clock-skewed reply (earlier Date than its parent) still joins its parent.
      { id: 'y2@shop.example', from: 'Agent <agent@shop.example>', to: 'Eve <eve@mail.example>', subject: 'Re: Résiliation', date: '2024-04-03T08:00:00Z', inReplyTo: 'y1@mail.example', body: 'C’est noté.' },
      { id: 'y1@mail.example', from: 'Eve <eve@mail.example>', to: CARE, subject: 'Résiliation', date: '2024-04-03T09:00:00Z', body: 'Je veux résilier.' },
    ]));
    expect(r.conversations.map(texts)).toEqual([
      ['Voici la facture corrigée.', 'Merci beaucoup.'],
      ['C’est noté.', 'Je veux résilier.'],
    ]);
    // The opening message, not the earliest-dated one, names the customer.
    expect(r.conversations[1].messages.map((m) => m.role)).toEqual(['agent', 'customer']);
    expect(r.conversations[1].subject).toBe('Résiliation');
    // The id hashes the thread root, present or not, so a later import of the root lines up.
    const root = 'msg-' + createHash('sha256').update('x1@mail.example').digest('hex').slice(0, 12);
    expect(r.conversations[0].externalId).toBe(root);
    expect(r.conversations[0].naturalKey).toBe(`test:${root}`);
  });

  it('gives e-mail conversations "msg-" ids, never the customer pseudonym form, whatever the format', async () => {
    const single = await ingestBytes('one.eml', mbox([PARCELS[0]]).replace(/^From .*\n/, ''));
    const fromMbox = await ingestBytes('all.mbox', mbox(PARCELS));
    const id = 'msg-' + createHash('sha256').update('a1@mail.example').digest('hex').slice(0, 12);
    expect(single.conversations[0].externalId).toBe(id);
    expect(fromMbox.conversations[0].externalId).toBe(id);
    // A helpdesk export whose conversation id is a Message-ID: same "msg-" external id as the mailbox...
    const json = await ingestBytes('export.jsonl', JSON.stringify({
      conversation_id: '<A1@mail.example>', channel: 'email', customer: { id: 'ann@mail.example' },
      messages: [{ author_type: 'customer', created_at: '2024-03-01T09:00:00Z', body: 'My parcel is stuck in Lyon.' }],
    }) + '\n');
    expect(json.rejected).toEqual([]);
    const c = json.conversations[0];
    expect(c.externalId).toBe(id);
    expect(c.customer?.externalId).toMatch(/^cust-[0-9a-f]{12}$/);
    // ...while its natural key keeps the pre-existing "id-" form, so databases imported earlier re-import as no-ops.
    const legacy = 'id-' + createHash('sha256').update('<a1@mail.example>').digest('hex').slice(0, 12);
    expect(c.naturalKey).toBe(`test:${legacy}`);
    for (const conv of [...single.conversations, ...fromMbox.conversations, c]) expect(conv.externalId).not.toMatch(/^cust-|@/);
  });

  it('reads a survey channel value sent by e-mail as a survey', async () => {
    const r = await ingestBytes('enquete.csv', 'id;canal;commentaire;note\n1;Enquête e-mail;Livraison rapide;9\n2;E-mail;Merci;\n');
    expect(r.conversations.map((c) => c.channel)).toEqual(['survey', 'email']);
  });
});

describe('re-importing a mailbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-mbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores one conversation per thread, and a second import adds nothing (summary line, exit 0)', async () => {
    const file = join(dir, 'parcels.mbox');
    writeFileSync(file, mbox(PARCELS));
    const url = `sqlite:${join(dir, 'ecoute.db')}`;
    const store = await openStore(url);
    try {
      const first = await runImport({ store, workspaceId: 'default', files: [file] });
      expect(first.files[0]).toMatchObject({ format: 'mbox', rows: 7, inserted: 4, skipped: 0, rejected: [] });
      expect((await store.counts('default')).conversations).toBe(4);
    } finally {
      await store.close();
    }
    const { result: code, output } = await captureOutput(() => main(['ingest', file, '--no-analyze'], { DATABASE_URL: url, ECOUTE_WORKSPACE: 'default' }));
    expect(code).toBe(0);
    expect(output).toContain(`${file}: 7 rows, 0 new, 4 already imported, 0 rejected (nothing new: already imported)`);
  });

  it('a mailbox exported again a week later adds the new reply to its thread, and analyses it', async () => {
    const file = join(dir, 'parcels-later.mbox');
    const url = `sqlite:${join(dir, 'later.db')}`;
    writeFileSync(file, mbox(PARCELS));
    const env = { DATABASE_URL: url, ECOUTE_WORKSPACE: 'default' };
    const { output } = await captureOutput(async () => {
      expect(await main(['ingest', file, '--source', 'care-mailbox'], env)).toBe(0);
      const reply: Mail = {
        id: 'a2-week@mail.example', from: 'Ann <ann@mail.example>', to: CARE, subject: 'Re: Parcel stuck',
        date: '2024-03-08T09:00:00Z', inReplyTo: 'r1@shop.example', references: '<a1@mail.example> <r1@shop.example>',
        customerId: 'C-1', body: 'A week later my parcel is still stuck. This is unacceptable.',
      };
      writeFileSync(file, mbox([...PARCELS, reply]));
      expect(await main(['ingest', file, '--source', 'care-mailbox'], env)).toBe(0);
    });
    expect(output).toContain(`${file}: 8 rows, 0 new, 1 updated with new messages, 3 already imported, 0 rejected`);
    const store = await openStore(url);
    try {
      expect(await store.counts('default')).toMatchObject({ conversations: 4, messages: 8 });
      const facts = await store.messageFacts('default');
      const added = facts.find((f) => f.text.startsWith('A week later'))!;
      expect(facts.filter((f) => f.conversationId === added.conversationId)).toHaveLength(4);
      expect(added.analysis?.sentiment.label).toBe('negative');
    } finally {
      await store.close();
    }
  });
});
