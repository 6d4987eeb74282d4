/**
 * Re-importing the same file under another (or no) --source adds nothing and says when and as what it
 * was imported; records another source already holds (same id, same text) are not stored twice.
 * Runs on SQLite and PostgreSQL (see test/store/dialects.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../src/cli/commands/ingest.ts';
import { splitDuplicates } from '../../src/ingest/duplicate-records.ts';
import { runImport } from '../../src/runtime/import/run-import.ts';
import { dialectSuite } from '../store/dialects.ts';

const ZENDESK = [
  'Id,Subject,Description,Status,Requester,Assignee,Created at,Satisfaction Score,Agence',
  '201,Colis,Mon colis n’est jamais arrivé,solved,Paul,Sophie,2026-11-20 09:00,bad,Lyon',
  '202,Facture,Facture en double ce mois-ci,open,Anne,Marc,2026-11-21 10:00,good,Nantes',
].join('\n') + '\n';

function fileIn(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const day1 = () => new Date('2026-12-01T10:00:00Z');
const day2 = () => new Date('2026-12-03T10:00:00Z');

dialectSuite('import identity by content', ({ open }) => {
  it('the same bytes under another --source, or copied under another name, add nothing and say so', async () => {
    const store = await open(undefined, day1);
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-dedupe-'));
    const file = fileIn(dir, 'tickets-nov.csv', ZENDESK);
    const first = await runImport({ store, workspaceId: 'w', files: [file], sourceName: 'zendesk', clock: day1 });
    expect(first.files[0]).toMatchObject({ inserted: 2, ignoredColumns: ['Status', 'Agence'] });
    expect(summaryLine(first.files[0])).toContain('ignored columns: Status, Agence — map them with --map');

    const again = await runImport({ store, workspaceId: 'w', files: [file], sourceName: 'support', clock: day2 });
    expect(again.files[0]).toMatchObject({ inserted: 0, alreadyImported: { sourceName: 'zendesk' } });
    expect(summaryLine(again.files[0])).toBe(`${file}: already imported on 2026-12-01 as source zendesk: nothing added`);

    // No --source: the default source is the (new) file name.
    const copy = fileIn(dir, 'copie de tickets.csv', ZENDESK);
    const third = await runImport({ store, workspaceId: 'w', files: [copy], clock: day2 });
    expect(third.files[0].alreadyImported).toEqual({ sourceName: 'zendesk', importedAt: day1() });
    expect((await store.counts('w')).conversations).toBe(2);

    // The same source keeps its usual re-import report.
    const same = await runImport({ store, workspaceId: 'w', files: [file], sourceName: 'zendesk', clock: day2 });
    expect(same.files[0]).toMatchObject({ inserted: 0, skipped: 2 });
    expect(same.files[0].alreadyImported).toBeUndefined();
  });

  it('records another source already holds (same id, same text) are skipped; new ones are kept', async () => {
    const store = await open(undefined, day1);
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-dedupe-'));
    await runImport({ store, workspaceId: 'w', files: [fileIn(dir, 'a.csv', ZENDESK)], sourceName: 'zendesk', clock: day1 });
    // A later export of the same tickets, with another column order and one new ticket.
    const later = [
      'Id,Created at,Description,Requester,Assignee,Status',
      '201,2026-11-20 09:00,Mon colis n’est jamais arrivé,Paul,Sophie,solved',
      '203,2026-11-25 08:00,Remboursement toujours pas reçu,Luc,Sophie,open',
    ].join('\n') + '\n';
    const r = await runImport({ store, workspaceId: 'w', files: [fileIn(dir, 'b.csv', later)], sourceName: 'helpdesk', clock: day2 });
    expect(r.files[0]).toMatchObject({ inserted: 1, skipped: 1, storedElsewhere: { count: 1, sourceName: 'zendesk' } });
    expect(summaryLine(r.files[0])).toContain('1 already imported as source zendesk (same id and text): not added again');
    expect((await store.counts('w')).conversations).toBe(3);
  });
});

dialectSuite('a file that stored nothing', ({ open }) => {
  it('is not remembered: once fixed elsewhere, the same bytes can still be imported under another source', async () => {
    const store = await open(undefined, day1);
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-dedupe-'));
    const file = fileIn(dir, 'scores.csv', 'id,date,nps\n1,2026-10-01,11\n2,2026-10-02,12\n');
    const first = await runImport({ store, workspaceId: 'w', files: [file], sourceName: 'a', clock: day1 });
    expect(first.files[0]).toMatchObject({ inserted: 0, rejectedCount: 2 });
    const second = await runImport({ store, workspaceId: 'w', files: [file], sourceName: 'b', clock: day2 });
    expect(second.files[0].alreadyImported).toBeUndefined();
    expect(second.files[0].rejectedCount).toBe(2);
  });
});

describe('splitDuplicates', () => {
  const conv = (id: string, text: string) => ({
    naturalKey: `s:${id}`, externalId: id, channel: 'ticket' as const, startedAt: new Date(0), surveys: [],
    messages: [{ role: 'customer' as const, at: new Date(0), text }],
  });
  it('needs both the id and every text to match', () => {
    const known = [{ externalId: '1', sourceName: 'zendesk', texts: ['Bonjour'] }];
    const out = splitDuplicates([conv('1', 'Bonjour'), conv('1', 'Autre chose'), conv('2', 'Bonjour')], known);
    expect(out.duplicates).toEqual([{ externalId: '1', sourceName: 'zendesk' }]);
    expect(out.fresh.map((c) => c.messages[0].text)).toEqual(['Autre chose', 'Bonjour']);
  });
});
