/**
 * Acceptance: a French CRM export (semicolon, Windows-1252, CRLF, a multi-line quoted message, PII in
 * several messages, NPS in a "Note" column, one row with an unterminated quote) imported by the real
 * `ecoute ingest` command into a real SQLite file and a real PostgreSQL schema.
 */
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import pg from 'pg';
import { Readable, Writable } from 'node:stream';
import { expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.ts';
import type { Command } from '../../src/cli/command.ts';
import { ingestCommand } from '../../src/cli/commands/ingest.ts';
import { reportCommand } from '../../src/cli/commands/report.ts';
import { parseConfig } from '../../src/core/config.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';
import type { Store } from '../../src/store/store.ts';
import { dialectSuite, type TestTarget } from '../store/dialects.ts';
import { fixedClock, ibanFor, nirWithKey, tempFile, withLuhn } from './helpers.ts';

const IBAN = ibanFor('FR', '30006000011234567890189');
const IBAN_GROUPED = IBAN.replace(/(.{4})/g, '$1 ').trim();
const CARD = withLuhn('497010123456789');
const NIR = nirWithKey('2850578006084');
const EMAIL = 'paul.martin@example.fr';
const PHONE = '06 12 34 56 78';
const PHONE_INTL = '+33 1 23 45 67 89';

/** [id, date, channel, NPS score, message, customer]; the bad row is inserted separately. */
const GOOD_ROWS: [string, string, string, number, string, string][] = [
  ['R001', '02/01/2024 09:12', 'E-mail', 10, 'Livraison parfaite,\r\nmerci à l’équipe !', 'anne.durand@example.com'],
  ['R002', '03/01/2024 10:00', 'Téléphone', 9, `Très bien, rappelez-moi au ${PHONE}`, 'C-002'],
  ['R003', '04/01/2024 11:30', 'Chat', 7, `Correct. Écrivez-moi : ${EMAIL}`, 'C-003'],
  ['R004', '05/01/2024 08:45', 'E-mail', 3, `Prélevé deux fois ! Remboursez sur ${IBAN_GROUPED} svp`, 'C-004'],
  ['R005', '06/01/2024 16:20', 'Chat', 10, 'Super conseillère, très réactive', 'C-005'],
  ['R007', '08/01/2024 12:00', 'Téléphone', 0, `Ma carte ${CARD} a été débitée sans livraison`, 'C-007'],
  ['R008', '09/01/2024 14:10', 'E-mail', 9, `On m’a demandé mon n° de sécu ${NIR} au téléphone, pourquoi ?`, 'C-008'],
  ['R009', '10/01/2024 09:00', 'Chat', 8, 'Bien, mais commande n° 123456789 livrée le 12/01/2024', 'C-009'],
  ['R010', '11/01/2024 17:45', 'Téléphone', 6, `Bof. Appelez le ${PHONE_INTL}`, 'C-010'],
  ['R011', '12/01/2024 10:30', 'E-mail', 9, 'Rien à redire, 49,90 € bien remboursés', 'C-011'],
];
const RAW_PII = [EMAIL, 'anne.durand@example.com', PHONE, PHONE_INTL, IBAN, IBAN_GROUPED, CARD, NIR];

function buildExport(): { bytes: Buffer; badLine: number } {
  const lines = ['Numéro;Date de création;Canal;Note;Message;Client;Équipe'];
  let badLine = 0;
  for (const [id, date, canal, note, msg, client] of GOOD_ROWS) {
    if (id === 'R007') {
      badLine = lines.reduce((n, l) => n + l.split('\r\n').length, 0) + 1;
      // Unterminated quote: the message opens a quote that is never closed on its row.
      lines.push('R006;07/01/2024 09:00;Chat;2;"Impossible de joindre le service;C-006;SAV');
    }
    lines.push([id, date, canal, String(note), `"${msg.replace(/"/g, '""')}"`, client, 'SAV'].join(';'));
  }
  return { bytes: iconv.encode(lines.join('\r\n') + '\r\n', 'win1252'), badLine };
}

/** NPS by hand from the fixture: % promoters (9–10) − % detractors (0–6). */
function expectedNps(): number {
  const scores = GOOD_ROWS.map((r) => r[3]);
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  expect([promoters, scores.length - promoters - detractors, detractors]).toEqual([5, 2, 3]);
  return Math.round(((promoters - detractors) / scores.length) * 100);
}

function capture(): { stream: Writable; text: () => string } {
  let out = '';
  const stream = new Writable({ write(chunk, _enc, cb) { out += String(chunk); cb(); } });
  return { stream, text: () => out };
}

async function runCli(args: string[], open: () => Promise<Store>, command: Command = ingestCommand): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const ctx: CommandContext = {
    config: parseConfig({}),
    stdin: Readable.from([]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    isTTY: false,
    clock: fixedClock,
    openStore: open,
    loadModel: () => loadModel(),
  };
  const code = await command.run(args, ctx);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Every string stored in every table, whatever the schema looks like. */
async function allStoredText(dialect: 'sqlite' | 'postgres', target: TestTarget): Promise<string> {
  const parts: string[] = [];
  if (dialect === 'sqlite') {
    const db = new Database(target.url.replace(/^sqlite:/, ''), { readonly: true });
    try {
      const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
      for (const t of tables) for (const row of db.prepare(`select * from "${t.name}"`).all()) parts.push(JSON.stringify(row));
      expect(tables.length).toBeGreaterThan(3);
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ table_name: string }>(
        'select table_name from information_schema.tables where table_schema = $1', [target.schema],
      );
      for (const t of tables) {
        const { rows } = await client.query(`select * from "${target.schema}"."${t.table_name}"`);
        for (const row of rows) parts.push(JSON.stringify(row));
      }
      expect(tables.length).toBeGreaterThan(3);
    } finally {
      await client.end();
    }
  }
  return parts.join('\n');
}

dialectSuite('French CRM export (ecoute ingest)', ({ dialect, target, open }) => {
  it('imports good rows, reports the bad one by line, stores no raw PII, re-imports as a no-op, and gets the NPS right', async () => {
    const { bytes, badLine } = buildExport();
    expect(badLine).toBe(8);
    const file = tempFile('export-crm.csv', bytes);
    const t = target();

    const first = await runCli([file], () => open(t));
    expect(first.code).toBe(3);
    expect(first.stderr).toContain(`${file}:${badLine}: unterminated quoted field`);
    expect(first.stderr.trim().split('\n')).toHaveLength(1);
    expect(first.stdout).toContain(`${file}: 11 rows, 10 new, 0 already imported, 1 rejected`);
    expect(first.stdout).toMatch(/analysed 10 new messages/);

    const store = await open(t);
    const counts = await store.counts('default');
    expect(counts).toMatchObject({ conversations: 10, messages: 10, customerMessages: 10, surveys: 10, analysed: 10 });

    const facts = await store.messageFacts('default');
    const byRef = new Map(facts.map((f) => [f.text.slice(0, 12), f]));
    const texts = facts.map((f) => f.text);
    expect(texts).toContain('Livraison parfaite,\nmerci à l’équipe !');
    expect(texts).toContain('Très bien, rappelez-moi au [PHONE]');
    expect(texts).toContain('Correct. Écrivez-moi : [EMAIL]');
    expect(texts).toContain('Prélevé deux fois ! Remboursez sur [IBAN] svp');
    expect(texts).toContain('Ma carte [CARD] a été débitée sans livraison');
    expect(texts).toContain('On m’a demandé mon n° de sécu [NIR] au téléphone, pourquoi ?');
    expect(texts).toContain('Bof. Appelez le [PHONE]');
    // Near-misses survive: order number, date, amount.
    expect(texts).toContain('Bien, mais commande n° 123456789 livrée le 12/01/2024');
    expect(texts).toContain('Rien à redire, 49,90 € bien remboursés');
    expect(texts.some((x) => x.includes('Impossible de joindre'))).toBe(false);
    expect(new Set(facts.map((f) => f.channel))).toEqual(new Set(['email', 'call', 'chat']));
    expect(byRef.get('Livraison pa')?.customerRef).toMatch(/^cust-[0-9a-f]{12}$/);

    const stored = await allStoredText(dialect, t);
    for (const raw of RAW_PII) expect(stored, `raw PII "${raw}" in the database`).not.toContain(raw);
    expect(stored).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);

    const again = await runCli([file, '--no-analyze'], () => open(t));
    expect(again.code).toBe(3);
    expect(again.stdout).toContain(`${file}: 11 rows, 0 new, 10 already imported, 1 rejected (nothing new: already imported)`);
    expect(await store.counts('default')).toEqual(counts);

    const surveys = await store.surveyFacts('default');
    expect(surveys.map((s) => s.score).sort((a, b) => a - b)).toEqual(GOOD_ROWS.map((r) => r[3]).sort((a, b) => a - b));
    const nps = surveys.filter((s) => s.kind === 'nps');
    const measured = Math.round(((nps.filter((s) => s.score >= 9).length - nps.filter((s) => s.score <= 6).length) / nps.length) * 100);
    expect(measured).toBe(expectedNps());
    expect(measured).toBe(20);

    const report = await runCli(['--format', 'json'], () => open(t), reportCommand);
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout) as { nps: Record<string, number>; messages: { customer: number } };
    expect(json.nps).toMatchObject({ score: expectedNps(), promoters: 5, passives: 2, detractors: 3, responses: 10 });
    expect(json.messages.customer).toBe(10);
  });
});
