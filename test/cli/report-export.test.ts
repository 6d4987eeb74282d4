import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.ts';
import type { Analysis } from '../../src/core/analysis.ts';
import type { ConversationInput } from '../../src/core/conversation.ts';
import type { CommandContext } from '../../src/cli/command.ts';
import { reportCommand } from '../../src/cli/commands/report.ts';
import { exportCommand } from '../../src/cli/commands/export.ts';
import { digestCommand } from '../../src/cli/commands/digest.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ModelError } from '../../src/core/errors.ts';
import { startSmtp } from '../setup/smtp-receiver.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-report-'));
const url = `sqlite:${path.join(dir, 'report.db')}`;
const WS = 'cli-ws';
const NOW = new Date('2026-11-16T08:00:00Z');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXTS = [
  'Colis en retard, "encore", et personne ne répond.\nJe suis en colère.',
  'Merci, le conseiller a été parfait, problème réglé.',
  'Facture fausse, deux prélèvements ce mois-ci.',
  '=SOMME(A1) ceci ressemble à une formule',
  'Livraison rapide, rien à redire.',
  'Toujours en attente du remboursement, ça suffit.',
];
const NPS = [3, 10, 6, 8, 9, 9]; // 3 promoters, 1 passive, 2 detractors → 16.7

function conv(i: number): ConversationInput {
  const at = new Date(Date.UTC(2026, 10, 9 + i, 9));
  return {
    naturalKey: `t-${i}`,
    channel: i % 2 ? 'chat' : 'email',
    team: i % 2 ? 'Lyon' : 'Paris',
    customer: { externalId: `C${i}`, segment: 'PME', value: 100 * (i + 1) },
    startedAt: at,
    messages: [
      { role: 'customer', at, text: TEXTS[i], language: 'fr' },
      { role: 'agent', at: new Date(at.getTime() + 60_000), text: 'Nous regardons.', language: 'fr' },
    ],
    surveys: [{ kind: 'nps', score: NPS[i], at: new Date(at.getTime() + 120_000) }],
  };
}

function analysisFor(text: string): Analysis {
  const negative = !/Merci|rapide/.test(text);
  return {
    language: 'fr',
    sentiment: { label: negative ? 'negative' : 'positive', score: negative ? -0.7 : 0.7 },
    emotions: [{ label: negative ? 'anger' : 'gratitude', score: 0.8, evidence: null }],
    needs: [{ label: 'resolution', score: 0.6, evidence: null }],
    themes: negative ? [{ label: 'delay', score: 0.9, evidence: null }] : [],
    stage: { label: 'delivery', score: 0.7, evidence: null },
    signals: { churnIntent: false, urgency: 'low', vulnerable: false, repeatContact: false },
    reason: negative ? 'Retard' : null,
  };
}

beforeAll(async () => {
  const store = await openStore(url);
  try {
    await store.ensureWorkspace(WS);
    const source = await store.ensureSource(WS, 'fixture', 'test');
    await store.writeConversations(WS, source, Array.from({ length: 6 }, (_, i) => conv(i)));
    const pending = await store.pendingAnalysis(WS, 'fixture-1', 100);
    await store.saveAnalyses(WS, 'fixture-1', pending.map((p) => ({ messageId: p.messageId, analysis: analysisFor(p.text) })));
  } finally {
    await store.close();
  }
});

function context(env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const ctx: CommandContext = {
    config: parseConfig({ DATABASE_URL: url, ECOUTE_WORKSPACE: WS, ...env }),
    stdin: new PassThrough(),
    stdout,
    stderr,
    isTTY: false,
    clock: () => NOW,
    openStore: () => openStore(url),
    loadModel: () => Promise.reject(new ModelError('not needed')),
  };
  return { ctx, out: () => out, err: () => err };
}

describe('ecoute report', () => {
  it('prints the JSON Insights object with hand-checked scores', async () => {
    const c = context();
    expect(await reportCommand.run(['--format', 'json'], c.ctx)).toBe(0);
    const json = JSON.parse(c.out());
    expect(json.nps).toMatchObject({ score: 16.7, promoters: 3, passives: 1, detractors: 2, responses: 6 });
    expect(json.messages).toMatchObject({ customer: 6, analysed: 6, conversations: 6 });
    expect(json.themes[0]).toMatchObject({ theme: 'delay', messages: 4 });
    expect(json.generatedAt).toBe(NOW.toISOString());
  });

  it('writes a French HTML report to --out, and English Markdown on request', async () => {
    const file = path.join(dir, 'rapport.html');
    const c = context();
    expect(await reportCommand.run(['--format', 'html', '--out', file], c.ctx)).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('16,7');
    expect(c.out()).toBe('');
    expect(c.err()).toContain(file);
    const en = context();
    expect(await reportCommand.run(['--lang', 'en'], en.ctx)).toBe(0);
    expect(en.out()).toContain('# Customer listening report');
    // Reply empathy in the EX → CX section is the coach's verdict, as on the dashboard.
    expect(en.out()).toContain('Reply empathy: read by the reply coach (learned model).');
  });

  it('filters by --from/--to (inclusive days)', async () => {
    // Conversations start 9..14 Nov; 10–11 Nov holds i = 1 (NPS 10) and i = 2 (NPS 6) → NPS 0
    const c = context();
    expect(await reportCommand.run(['--format', 'json', '--from', '2026-11-10', '--to', '2026-11-11'], c.ctx)).toBe(0);
    const json = JSON.parse(c.out());
    expect(json.nps).toMatchObject({ score: 0, responses: 2 });
    expect(json.period.from).toBe('2026-11-10T00:00:00.000Z');
  });

  it('rejects bad flags with usage errors naming the fix', async () => {
    await expect(reportCommand.run(['--format', 'pdf'], context().ctx)).rejects.toThrow(/md, html or json/);
    await expect(reportCommand.run(['--from', '10/11/2026'], context().ctx)).rejects.toThrow(/YYYY-MM-DD/);
    await expect(reportCommand.run(['--from', '2026-11-12', '--to', '2026-11-01'], context().ctx)).rejects.toThrow(/Swap/);
  });
});

describe('ecoute export', () => {
  it('streams one JSON line per message with its analysis', async () => {
    const c = context();
    expect(await exportCommand.run([], c.ctx)).toBe(0);
    const lines = c.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(12);
    const first = lines.find((l) => l.text === TEXTS[0]);
    expect(first.analysis.themes[0].label).toBe('delay');
    expect(lines.filter((l) => l.role === 'agent').every((l) => l.analysis === null)).toBe(true);
  });

  it('writes RFC 4180 CSV: quotes, newlines and formula-looking text are safe', async () => {
    const file = path.join(dir, 'export.csv');
    const c = context();
    expect(await exportCommand.run(['--format', 'csv', '--out', file], c.ctx)).toBe(0);
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('message_id,conversation_id,at,channel,role,')).toBe(true);
    expect(csv).toContain('"Colis en retard, ""encore"", et personne ne répond.\nJe suis en colère."');
    expect(csv).toContain(",'=SOMME(A1) ceci ressemble à une formule,");
    expect(csv).toMatch(/,negative,-0\.7,anger,resolution,delay,delivery,false,low,false,false,Retard\r\n/);
    // 12 records + header, each ending in CRLF (the quoted newline is a bare LF inside a field)
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(13);
  });
});

describe('ecoute digest', () => {
  it('prints the weekly digest in French, and fails --send clearly when nothing is configured', async () => {
    const c = context();
    expect(await digestCommand.run(['--period', 'week', '--format', 'text'], c.ctx)).toBe(0);
    expect(c.out()).toContain('*Votre écoute client de la semaine*');
    expect(c.out()).toContain('Retard');
    await expect(digestCommand.run(['--send'], context().ctx)).rejects.toThrow(/SMTP_URL/);
    await expect(digestCommand.run(['--period', 'month'], context().ctx)).rejects.toThrow(/day or week/);
  });

  it('--send goes to the workspace\'s own recipients when it has some, else to MAIL_TO, as the scheduled digest does', async () => {
    const smtp = await startSmtp();
    try {
      const env = { SMTP_URL: smtp.url, MAIL_FROM: 'ecoute@example.test', MAIL_TO: 'everyone@example.test' };
      const before = context(env);
      expect(await digestCommand.run(['--send'], before.ctx), before.err()).toBe(0);
      expect(smtp.mails.map((m) => m.to.join())).toEqual(['RCPT TO:<everyone@example.test>']);
      const store = await openStore(url);
      try {
        const ws = await store.ensureWorkspace(WS);
        await store.updateWorkspaceSettings(WS, { ...ws.settings, digestTo: ['cx-lead@example.test'] });
      } finally {
        await store.close();
      }
      const after = context(env);
      expect(await digestCommand.run(['--send'], after.ctx), after.err()).toBe(0);
      expect(after.out()).toMatch(/e-mail sent, webhook skipped/);
      expect(smtp.mails.map((m) => m.to.join())).toEqual(['RCPT TO:<everyone@example.test>', 'RCPT TO:<cx-lead@example.test>']);
      expect(smtp.mails[1].data).toContain('Subject:');
    } finally {
      await smtp.close();
    }
  });

  it('covers the latest complete week with data, and says so, when nothing came since', async () => {
    // Seven weeks later nothing new was imported: the digest is W46's, not an empty W52.
    const c = context();
    const later = { ...c.ctx, clock: () => new Date('2027-01-04T08:00:00Z') };
    expect(await digestCommand.run(['--period', 'week', '--format', 'md'], later)).toBe(0);
    expect(c.out()).toContain('2026-W46');
    expect(c.out()).toContain('dernière semaine complète avec des données : rien depuis');
    expect(c.out()).toContain('Retard');
    const day = context();
    expect(await digestCommand.run(['--period', 'day', '--lang', 'en'], { ...day.ctx, clock: () => new Date('2027-01-04T08:00:00Z') })).toBe(0);
    expect(day.out()).toContain('latest complete day with data: nothing since');
    // The week just ended had data: no note.
    const now = context();
    expect(await digestCommand.run(['--period', 'week'], now.ctx)).toBe(0);
    expect(now.out()).not.toContain('rien depuis');
  });
});
