import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { parseMapping } from '../../src/ingest/mapping-file.ts';
import { ingestBytes } from './helpers.ts';

describe('mapping file', () => {
  it('maps arbitrary headers and applies dateFormat, channel and brand', async () => {
    const mapping = parseMapping({
      columns: { text: 'Verbatim client', nps: 'Reco', at: 'Quand', conversationId: 'Ref' },
      dateFormat: 'MM/DD/YYYY',
      channel: 'chat',
      brand: 'Concurrent',
    });
    const r = await ingestBytes('m.csv', 'Ref,Quand,Reco,Verbatim client\nX1,03/04/2024,7,Correct\n', { mapping });
    expect(r.conversations[0]).toMatchObject({
      externalId: 'X1', brand: 'Concurrent', channel: 'chat', startedAt: new Date('2024-03-04T00:00:00Z'),
      surveys: [expect.objectContaining({ kind: 'nps', score: 7 })],
    });
  });

  it('rejects an unknown column key, naming it and listing the valid keys', () => {
    expect(() => parseMapping({ columns: { txt: 'Verbatim' } }, 'map.json')).toThrow(InputError);
    expect(() => parseMapping({ columns: { txt: 'Verbatim' } }, 'map.json')).toThrow(/unknown column key "txt".*Valid keys: conversationId, messageId, text/);
  });

  it('rejects an unknown top-level key and a bad dateFormat, naming the key', () => {
    expect(() => parseMapping({ colums: {} })).toThrow(/invalid key "colums".*Valid top-level keys: kind, channel, brand, dateFormat, columns/);
    expect(() => parseMapping({ dateFormat: 'YYYY' })).toThrow(/"dateFormat".*one of DD\/MM\/YYYY, MM\/DD\/YYYY, ISO/);
    expect(() => parseMapping({ kind: 'tickets' })).toThrow(/"kind"/);
  });

  it('a mapped header missing from the file is an error naming the key and the headers found', async () => {
    const mapping = parseMapping({ columns: { text: 'Commentaire libre' } });
    await expect(ingestBytes('m.csv', 'a,b\n1,2\n', { mapping })).rejects.toThrow(/"text" is in column "Commentaire libre".*"a", "b"/);
  });

  it('employee mapping', async () => {
    const mapping = parseMapping({ kind: 'employee', columns: { team: 'Service', enps: 'Reco employeur', 'item:charge': 'Charge de travail' } });
    const r = await ingestBytes('ex.csv', 'Service,Reco employeur,Charge de travail\nCompta,8,3\n', { mapping });
    expect(r.employees).toEqual([expect.objectContaining({ team: 'Compta', enps: 8, items: { charge: 3 } })]);
  });
});
