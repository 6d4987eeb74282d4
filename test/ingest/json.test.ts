import { describe, expect, it } from 'vitest';
import { ingestBytes } from './helpers.ts';

describe('JSON and JSONL', () => {
  const threads = [
    {
      conversation_id: 'c-1',
      channel: 'chat',
      team: 'Facturation',
      assignee: 'Marc',
      language: 'fr',
      created_at: '2024-04-01T09:00:00Z',
      customer: { id: 'client-9', name: 'Anne', segment: 'Pro', value: 1200 },
      messages: [
        { author_type: 'customer', author: 'Anne', created_at: '2024-04-01T09:00:00Z', body: 'Double prélèvement ce mois-ci !' },
        { author_type: 'agent', author: 'Marc', created_at: '2024-04-01T09:03:00Z', body: 'Je rembourse, appelez le 01 23 45 67 89' },
      ],
      csat: 4,
    },
    { id: 'r-2', text: 'Avis à plat', date: '2024-04-02', rating: 2 },
  ];

  it('reads a JSON array of threads and flat rows, with nested customer and scores', async () => {
    const r = await ingestBytes('export.json', JSON.stringify(threads, null, 2), { chunkSize: 5 });
    expect(r.rejected).toEqual([]);
    expect(r.rows).toBe(2);
    const [thread, flat] = r.conversations;
    expect(thread).toMatchObject({
      naturalKey: 'test:c-1', channel: 'chat', team: 'Facturation', agent: 'Marc',
      customer: { externalId: 'client-9', name: 'Anne', segment: 'Pro', value: 1200 },
      surveys: [{ kind: 'csat', score: 4 }],
    });
    expect(thread.messages.map((m) => [m.role, m.author, m.text])).toEqual([
      ['customer', 'Anne', 'Double prélèvement ce mois-ci !'],
      ['agent', 'Marc', 'Je rembourse, appelez le [PHONE]'],
    ]);
    expect(flat).toMatchObject({ externalId: 'r-2', channel: 'review', surveys: [{ kind: 'csat', score: 2 }] });
  });

  it('reads JSONL, reporting a bad line by number and keeping the others', async () => {
    const lines = [JSON.stringify(threads[0]), '{"text": "cassé",', '', JSON.stringify(threads[1]), '[1,2]'].join('\n');
    const r = await ingestBytes('export.jsonl', lines);
    expect(r.conversations.map((c) => c.externalId)).toEqual(['c-1', 'r-2']);
    expect(r.rejected.map((e) => [e.line, e.reason.slice(0, 12)])).toEqual([[2, 'invalid JSON'], [5, 'is not a JSO']]);
  });

  it('flat JSON rows sharing a conversation id become one thread', async () => {
    const rows = [
      { ticket_id: 't', created_at: '2024-01-01T10:00:00Z', role: 'customer', body: 'Bonjour' },
      { ticket_id: 't', created_at: '2024-01-01T10:10:00Z', role: 'agent', body: 'Bonjour !' },
    ];
    const r = await ingestBytes('rows.jsonl', rows.map((x) => JSON.stringify(x)).join('\n'));
    expect(r.conversations).toHaveLength(1);
    expect(r.conversations[0].messages.map((m) => m.role)).toEqual(['customer', 'agent']);
  });

  it('a truncated JSON array is reported, earlier elements kept', async () => {
    const r = await ingestBytes('cut.json', '[{"text": "un"}, {"text": "de');
    expect(r.conversations).toHaveLength(1);
    expect(r.rejected).toEqual([expect.objectContaining({ line: 1, reason: expect.stringMatching(/truncated/) })]);
  });
});
