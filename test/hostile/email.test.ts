/**
 * Hostile input, family "e-mail and archives": a 60 MB mbox streamed, huge base64 attachments in
 * .eml and .mbox skipped, a zip bomb renamed .csv refused from its first bytes. Imports run in a
 * child process (real file, real SQLite) whose peak RSS is measured.
 */
import { statSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { runImport } from '../../src/runtime/import/run-import.ts';
import { hostileDir, importInChild, sqliteStore, storedTexts, writeFile, writeGenerated } from './helpers.ts';

const dir = hostileDir('email');
afterAll(() => dir.cleanup());
const figures: string[] = [];
afterAll(() => console.log(`hostile e-mail, peak RSS:\n${figures.join('\n')}`));

const day = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toUTCString();

/** One mbox message; `body` is the text part. */
function message(i: number, from: string, subject: string, body: string, refs?: string): string {
  return [
    `From ${from} ${day(i)}`,
    `From: ${from}`,
    'To: support@azur.example',
    `Subject: ${subject}`,
    `Date: ${day(i)}`,
    `Message-ID: <m${i}@mail.example>`,
    ...(refs ? [`In-Reply-To: <${refs}>`, `References: <${refs}>`] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
    '',
  ].join('\n');
}

function* bigMailbox(threads: number): Generator<string> {
  const filler = 'Mon colis est bloqué depuis dix jours et personne ne répond au téléphone. '.repeat(20);
  for (let t = 0; t < threads; t++) {
    const root = 3 * t;
    yield message(root, `client${t}@mail.example`, `Colis ${t}`, `Bonjour, commande ${t}. ${filler}`);
    yield message(root + 1, 'support@azur.example', `Re: Colis ${t}`, `Nous regardons, dossier ${t}.\n\n> ${filler}`, `m${root}@mail.example`);
    yield message(root + 2, `client${t}@mail.example`, `Re: Colis ${t}`, `Merci, toujours rien pour ${t}. ${filler}`, `m${root}@mail.example`);
  }
}

/** A multipart message whose attachment is `mb` MB of base64 in 76-character lines. */
function* withAttachment(i: number, mb: number, from = `client${i}@mail.example`): Generator<string> {
  yield [
    `From ${from} ${day(i)}`, `From: ${from}`, 'To: support@azur.example', `Subject: Facture ${i}`, `Date: ${day(i)}`,
    `Message-ID: <att${i}@mail.example>`, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="XYZ"', '',
    '--XYZ', 'Content-Type: text/plain; charset=utf-8', '', `Voici la facture ${i}, le montant est faux.`, '',
    '--XYZ', 'Content-Type: application/pdf', 'Content-Disposition: attachment; filename="facture.pdf"', 'Content-Transfer-Encoding: base64', '', '',
  ].join('\n');
  const line = `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'.repeat(3).slice(0, 76)}\n`;
  const block = line.repeat(Math.floor((1024 * 1024) / line.length));
  for (let k = 0; k < mb; k++) yield block;
  yield '--XYZ--\n\n';
}

describe('mbox streaming', () => {
  it('an 80 MB mbox is imported thread by thread within a 96 MB JavaScript heap', async () => {
    const threads = 15000;
    const file = writeGenerated(dir, 'big.mbox', bigMailbox(threads));
    const r = await importInChild(dir, file, { heapMb: 96 });
    const sizeMb = Math.round(statSync(file).size / 1024 / 1024);
    figures.push(`mbox of ${sizeMb} MB (${threads * 3} e-mails): ${r.peakRssMb} MB`);
    expect(r).toMatchObject({ ok: true, rows: threads * 3, inserted: threads, messages: threads * 3, rejectedCount: 0 });
    expect(r.peakRssMb).toBeLessThan(500);
  }, 240_000);
});

describe('huge base64 attachments', () => {
  it('.mbox: three 40 MB attachments are skipped as they stream, the texts kept', async () => {
    const file = writeGenerated(dir, 'attachments.mbox', (function* () {
      for (let i = 0; i < 3; i++) yield* withAttachment(i, 40);
    })());
    const r = await importInChild(dir, file, { heapMb: 96 });
    figures.push(`mbox with 3 × 40 MB attachments: ${r.peakRssMb} MB`);
    expect(r).toMatchObject({ ok: true, rows: 3, inserted: 3, messages: 3, rejectedCount: 0 });
    expect(r.peakRssMb).toBeLessThan(300);
  });

  it('.eml: a 100 MB attachment is skipped, the text kept', async () => {
    const file = writeGenerated(dir, 'attachment.eml', (function* () {
      for (const piece of withAttachment(7, 100)) yield piece.replace(/^From client7@mail\.example .*\n/, '');
    })());
    const r = await importInChild(dir, file, { heapMb: 96 });
    figures.push(`eml with a 100 MB attachment: ${r.peakRssMb} MB`);
    expect(r).toMatchObject({ ok: true, rows: 1, inserted: 1, messages: 1, rejectedCount: 0 });
    expect(r.peakRssMb).toBeLessThan(300);
  });

  it('the text of a message with an attachment is what is stored', async () => {
    const store = await sqliteStore(dir);
    const file = writeGenerated(dir, 'small-att.mbox', withAttachment(1, 1));
    await runImport({ store, workspaceId: 'w', files: [file] });
    expect(await storedTexts(store, 'w')).toEqual(['Voici la facture 1, le montant est faux.']);
  });
});

describe('archives', () => {
  it('a zip bomb renamed .csv is refused by name, without decompressing it', async () => {
    // A local-file header and 200 MB of zeros deflated to about 200 KB.
    const header = Buffer.from('504b0304140000000800000000000000000000000000000000000800', 'hex');
    const file = writeFile(dir, 'export.csv', Buffer.concat([header, Buffer.from('bomb.csv'), deflateRawSync(Buffer.alloc(200 * 1024 * 1024))]));
    const store = await sqliteStore(dir);
    const err = await runImport({ store, workspaceId: 'w', files: [file] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/export\.csv is a ZIP archive.*does not read archives.*nothing was decompressed.*Extract it/);
    const r = await importInChild(dir, file);
    figures.push(`zip bomb renamed .csv: ${r.peakRssMb} MB (refused)`);
    expect(r.ok).toBe(false);
    expect(r.peakRssMb).toBeLessThan(250);
  });

  it('gzip is refused the same way', async () => {
    const file = writeFile(dir, 'export.jsonl', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    const store = await sqliteStore(dir);
    await expect(runImport({ store, workspaceId: 'w', files: [file] })).rejects.toThrow(/gzip-compressed.*does not read archives/);
  });
});
