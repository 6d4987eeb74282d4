/**
 * `ecoute ingest --dry-run FILE…`: shows how each file would be read (format, encoding, delimiter,
 * kind, channel, column → field, roles, first records after redaction) and writes nothing; exit 3
 * lists the rows a real import would reject. Made-up exports, written inline.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestCommand } from '../../src/cli/commands/ingest.ts';
import { parseConfig } from '../../src/core/config.ts';
import { openStore } from '../../src/store/open-store.ts';

const FIXED = () => new Date('2026-12-01T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'ecoute-dry-run-'));

async function run(args: string[], dbPath = join(dir, 'never.db')): Promise<{ code: number; out: string; err: string; opened: number }> {
  let out = '';
  let err = '';
  let opened = 0;
  const sink = (f: (s: string) => void) => new Writable({ write(c, _e, cb) { f(String(c)); cb(); } });
  const code = await ingestCommand.run(args, {
    config: parseConfig({}),
    stdin: Readable.from([]),
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    isTTY: false,
    clock: FIXED,
    openStore: () => {
      opened++;
      return openStore(`sqlite:${dbPath}`);
    },
    loadModel: () => Promise.reject(new Error('a dry run analyses nothing')),
  });
  return { code, out, err, opened };
}

describe('ecoute ingest --dry-run', () => {
  it('describes a Windows-1252 French CRM export and a chat JSONL without opening the database', async () => {
    const crm = join(dir, 'export-nps.csv');
    writeFileSync(crm, iconv.encode([
      'N° client;Date;Canal;Note de recommandation;Verbatim;Agence',
      'C-001;02/10/2026;Téléphone;3;Rappelez-moi au 06 12 34 56 78 svp;Lyon',
      'C-002;03/10/2026;Courriel;9;Très satisfaite;Nantes',
    ].join('\r\n'), 'win1252'));
    const chat = join(dir, 'chat.jsonl');
    writeFileSync(chat, [
      { conversation_id: 'c1', author: 'customer', text: 'Mon mail est jeanne@example.org', timestamp: '2026-10-01T09:00:00Z' },
      { conversation_id: 'c1', author: 'agent', text: 'Merci, je vérifie', timestamp: '2026-10-01T09:01:00Z' },
    ].map((o) => JSON.stringify(o)).join('\n'));

    const r = await run(['--dry-run', crm, chat]);
    expect(r.code).toBe(0);
    expect(r.opened).toBe(0);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
    expect(r.out).toContain('format csv, encoding windows-1252, delimiter ";"');
    expect(r.out).toMatch(/kind survey responses|kind messages/);
    expect(r.out).toContain('N° client → customerId');
    expect(r.out).toContain('Note de recommandation → nps');
    expect(r.out).toContain('Verbatim → text');
    expect(r.out).toContain('Agence → ignored');
    expect(r.out).toContain('ignored columns: Agence — map them with --map');
    expect(r.out).toContain('customer C-001');
    expect(r.out).toContain('nps 3');
    expect(r.out).toContain('customer: "Rappelez-moi au [PHONE] svp"');
    expect(r.out).not.toContain('06 12 34 56 78');
    // The chat file: roles read from the author field, PII redacted, nothing written.
    expect(r.out).toContain('format jsonl');
    expect(r.out).toContain('roles: 1 customer, 1 agent');
    expect(r.out).toContain('customer: "Mon mail est [EMAIL]"');
    expect(r.out).toContain('agent: "Merci, je vérifie"');
    expect(r.out).not.toContain('jeanne@example.org');
    expect(r.out).toContain('dry run: nothing written');
  });

  it('exits 3 and lists the rows a real import would reject', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,date,message,nps\n1,2026-10-01,Bien,9\n2,2026-10-02,Mal,12\n');
    const r = await run(['--dry-run', bad]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: .*outside 0–10`));
    expect(r.out).toContain('2 rows, 1 record, 1 rejected');
    expect(r.opened).toBe(0);
  });

  it('a real import names ignored columns in its summary', async () => {
    const file = join(dir, 'agence.csv');
    writeFileSync(file, 'Date;Commentaire;Agence;Panier moyen (€)\n01/10/2026;Accueil parfait;Lyon;45,90\n');
    const r = await run([file, '--no-analyze'], join(dir, 'real.db'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${file}: ignored columns: Agence, Panier moyen (€) — map them with --map`);
  });
});
