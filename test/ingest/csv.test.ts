import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDelimited, type CsvEvent } from '../../src/ingest/csv-parser.ts';
import { detectEncoding, decodeChunks } from '../../src/ingest/encoding.ts';
import { chunked, ingestBytes } from './helpers.ts';

async function events(text: string, chunk = 7): Promise<CsvEvent[]> {
  const out: CsvEvent[] = [];
  for await (const e of parseDelimited(decodeChunks(chunked(Buffer.from(text), chunk)))) out.push(e);
  return out;
}

describe('delimited parser', () => {
  it.each([
    [',', 'id,message,nps\n1,Bonjour,9\n2,"Virgule, dedans",3\n'],
    [';', 'id;message;nps\n1;Bonjour;9\n2;"Point-virgule; dedans";3\n'],
    ['\t', 'id\tmessage\tnps\n1\tBonjour\t9\n2\t"Tab\tdedans"\t3\n'],
  ])('detects the %j delimiter and keeps quoted delimiters', async (delim, text) => {
    const ev = await events(text);
    expect(ev[0]).toMatchObject({ kind: 'header', delimiter: delim, fields: ['id', 'message', 'nps'] });
    expect(ev[2]).toMatchObject({ kind: 'record', line: 3 });
    expect((ev[2] as { fields: string[] }).fields[1]).toContain(delim);
  });

  it('keeps multi-line quoted fields, doubled quotes and physical line numbers, whatever the chunk size', async () => {
    const text = 'id;message\r\n1;"première ligne\r\ndeuxième ""citée""\r\ntroisième"\r\n2;suite\r\n';
    for (const size of [1, 2, 5, 1000]) {
      const ev = await events(text, size);
      expect(ev).toEqual([
        { kind: 'header', line: 1, fields: ['id', 'message'], delimiter: ';' },
        { kind: 'record', line: 2, fields: ['1', 'première ligne\r\ndeuxième "citée"\r\ntroisième'] },
        { kind: 'record', line: 5, fields: ['2', 'suite'] },
      ]);
    }
  });

  it('reports an unterminated quote by line and resynchronises on the next record', async () => {
    const text = 'id;message;nps\n1;ok;9\n2;"jamais fermé;5\n3;suivant;7\n4;"encore ok";8\n';
    const ev = await events(text);
    const errors = ev.filter((e) => e.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3 });
    expect((errors[0] as { reason: string }).reason).toMatch(/unterminated quoted field.*double the inner quotes/);
    const ids = ev.filter((e) => e.kind === 'record').map((e) => (e as { fields: string[] }).fields[0]);
    expect(ids).toEqual(['1', '3', '4']);
  });

  it('an unterminated quote with no later quote does not swallow the rest of the file', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `${i + 10};texte ${i};5`).join('\n');
    const ev = [];
    for await (const e of parseDelimited(decodeChunks(chunked(Buffer.from(`id;message;nps\n1;"ouvert;9\n${rows}\n`), 512)), { maxRecordLines: 50 })) ev.push(e);
    expect(ev.filter((e) => e.kind === 'error')).toEqual([expect.objectContaining({ line: 2 })]);
    expect(ev.filter((e) => e.kind === 'record')).toHaveLength(400);
  });

  it('reports wrong field counts naming the expected count', async () => {
    const ev = await events('a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,\n');
    expect(ev.filter((e) => e.kind === 'error').map((e) => e.line)).toEqual([3, 4]);
    expect((ev.find((e) => e.kind === 'error') as { reason: string }).reason).toMatch(/has 2 fields, expected 3/);
    expect(ev.filter((e) => e.kind === 'record')).toHaveLength(2);
  });
});

describe('encodings', () => {
  const text = 'id;message;note\n1;Très déçu, ça coûte 20 € — « inadmissible »;2\n';

  it('reads UTF-8, UTF-8 with BOM and Windows-1252 to the same text', async () => {
    const utf8 = Buffer.from(text, 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const cp1252 = iconv.encode(text, 'win1252');
    expect(detectEncoding(utf8)).toBe('utf-8');
    expect(detectEncoding(bom)).toBe('utf-8-bom');
    expect(detectEncoding(cp1252)).toBe('windows-1252');
    for (const data of [utf8, bom, cp1252]) {
      const r = await ingestBytes('export.csv', data, { chunkSize: 3 });
      expect(r.conversations).toHaveLength(1);
      expect(r.conversations[0].messages[0].text).toBe('Très déçu, ça coûte 20 € — « inadmissible »');
      expect(r.conversations[0].surveys).toEqual([expect.objectContaining({ kind: 'nps', score: 2 })]);
    }
  });

  it('strips the BOM from the first header', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,message\n7,salut\n')]);
    const r = await ingestBytes('x.csv', bom);
    expect(r.conversations[0].externalId).toBe('7');
  });
});

describe('rows to conversations', () => {
  it('threads rows sharing a conversation id, ordered by date then row order, with roles', async () => {
    const csv = [
      'ticket id,created at,author type,author,body,assignee',
      't1,2024-03-01 10:05,agent,Paul,Nous regardons.,Paul',
      't2,2024-03-02 09:00,end-user,Zoé,Autre sujet,',
      't1,2024-03-01 10:00,end-user,Zoé,Colis perdu !,',
      't1,2024-03-01 10:05,end-user,Zoé,Merci,',
    ].join('\n');
    const r = await ingestBytes('zendesk.csv', csv);
    expect(r.conversations.map((c) => c.externalId).sort()).toEqual(['t1', 't2']);
    const t1 = r.conversations.find((c) => c.externalId === 't1')!;
    expect(t1.messages.map((m) => [m.role, m.text])).toEqual([
      ['customer', 'Colis perdu !'],
      ['agent', 'Nous regardons.'],
      ['customer', 'Merci'],
    ]);
    expect(t1.naturalKey).toBe('test:t1');
    expect(t1.startedAt.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(t1.agent).toBe('Paul');
  });

  it('uses a content hash as natural key when there is no id, stable across runs and sources differ', async () => {
    const csv = 'message,date\nBonjour,2024-01-01\nAu revoir,2024-01-02\n';
    const a = await ingestBytes('x.csv', csv);
    const b = await ingestBytes('x.csv', csv);
    const c = await ingestBytes('x.csv', csv, { sourceName: 'other' });
    expect(a.conversations.map((x) => x.naturalKey)).toEqual(b.conversations.map((x) => x.naturalKey));
    expect(new Set(a.conversations.map((x) => x.naturalKey)).size).toBe(2);
    expect(c.conversations[0].naturalKey).not.toBe(a.conversations[0].naturalKey);
  });

  it('rejects bad scores and dates with line numbers, imports every other row', async () => {
    const csv = [
      'id;date;note;message',
      '1;01/02/2024;9;ok',
      '2;01/02/2024;11;trop haut',
      '3;01/02/2024;neuf;pas un nombre',
      '4;32/13/2024;5;date impossible',
      '5;hier;5;date illisible',
      '6;;;',
      '7;03/02/2024;;texte sans note',
      '8;04/02/2024;0;',
    ].join('\n');
    const r = await ingestBytes('crm.csv', csv);
    expect(r.rejected.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(r.rejected[0].reason).toMatch(/nps score 11 is outside 0–10/);
    expect(r.rejected[1].reason).toMatch(/"neuf" is not a number/);
    expect(r.rejected[2].reason).toMatch(/date "32\/13\/2024" is not readable/);
    expect(r.rejected.every((e) => e.file === 'crm.csv')).toBe(true);
    expect(r.ignored).toBe(1);
    expect(r.conversations.map((c) => c.externalId)).toEqual(['1', '7', '8']);
    const eight = r.conversations.find((c) => c.externalId === '8')!;
    expect(eight.messages).toEqual([]);
    expect(eight.surveys).toEqual([{ kind: 'nps', score: 0, at: new Date('2024-02-04T00:00:00Z') }]);
    expect(eight.channel).toBe('survey');
    expect(r.conversations[0].startedAt.toISOString()).toBe('2024-02-01T00:00:00.000Z');
  });

  it('normalises channel values and applies --channel', async () => {
    const csv = 'message,canal\na,Téléphone\nb,courriel\nc,WhatsApp\nd,Facebook\ne,formulaire web\n';
    const r = await ingestBytes('c.csv', csv);
    expect(r.conversations.map((c) => c.channel)).toEqual(['call', 'email', 'chat', 'social', 'ticket']);
    const forced = await ingestBytes('c.csv', csv, { channel: 'chat' });
    expect(new Set(forced.conversations.map((c) => c.channel))).toEqual(new Set(['chat']));
  });

  it('redacts PII in text, subject, author and customer names, and pseudonymises e-mail customer ids', async () => {
    const csv = 'id,subject,message,requester,requester id\n1,Rappel au 06 12 34 56 78,Écrivez à lea@example.com,lea@example.com,LEA@example.com\n';
    const r = await ingestBytes('z.csv', csv);
    const c = r.conversations[0];
    expect(c.subject).toBe('Rappel au [PHONE]');
    expect(c.messages[0].text).toBe('Écrivez à [EMAIL]');
    expect(c.customer?.name).toBe('[EMAIL]');
    expect(c.customer?.externalId).toMatch(/^cust-[0-9a-f]{12}$/);
    const again = await ingestBytes('z.csv', csv.replace('LEA@example.com', 'lea@EXAMPLE.com'));
    expect(again.conversations[0].customer?.externalId).toBe(c.customer?.externalId);
  });

  it('reads employee surveys (eNPS and engagement items)', async () => {
    const csv = 'team,period,enps,engagement_reconnaissance,engagement_charge,comment\nSAV,2026-Q3,9,4,2,Bonne équipe\nSAV,2026-Q3,12,4,2,x\nSAV,2026-Q3,7,6,2,y\n,2026-Q3,7,3,2,z\n';
    const r = await ingestBytes('ex.csv', csv);
    expect(r.employees).toEqual([
      expect.objectContaining({ team: 'SAV', period: '2026-Q3', enps: 9, items: { reconnaissance: 4, charge: 2 }, comment: 'Bonne équipe' }),
    ]);
    expect(r.rejected.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(r.rejected[2].reason).toMatch(/team/);
  });

  it('a header-only file imports nothing without error', async () => {
    const r = await ingestBytes('h.csv', 'id,message\n');
    expect(r).toMatchObject({ conversations: [], rejected: [], rows: 0 });
  });

  it('a file without any text or score column is an InputError naming the headers and --map', async () => {
    await expect(ingestBytes('n.csv', 'foo,bar\n1,2\n')).rejects.toThrow(/no column holds text or a score.*"foo", "bar".*--map/);
  });
});

describe('bounded memory', () => {
  it('an endless line is reported and parsing resumes after it', async () => {
    const huge = 'x'.repeat(300_000);
    const ev: CsvEvent[] = [];
    const text = `id,message\n1,${huge}\n2,ok\n`;
    for await (const e of parseDelimited(decodeChunks(chunked(Buffer.from(text), 4096)), { maxRecordChars: 100_000 })) ev.push(e);
    expect(ev.filter((e) => e.kind === 'error')).toEqual([expect.objectContaining({ line: 2, reason: expect.stringMatching(/longer than 100000/) })]);
    expect(ev.filter((e) => e.kind === 'record')).toEqual([{ kind: 'record', line: 3, fields: ['2', 'ok'] }]);
  });
});

describe('late Windows-1252', () => {
  it('switches to Windows-1252 when the first accented byte lies beyond the sniff window', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `${i};plain ascii text ${i}`).join('\r\n');
    const bytes = iconv.encode(`id;message\r\n${ascii}\r\n9999;Reçu à 20 € près\r\n`, 'win1252');
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const r = await ingestBytes('late.csv', bytes, { chunkSize: 1000 });
    expect(r.conversations.at(-1)?.messages[0].text).toBe('Reçu à 20 € près');
    expect(r.conversations).toHaveLength(3001);
  });
});
