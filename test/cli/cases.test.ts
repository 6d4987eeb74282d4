import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.ts';
import { casesCommand } from '../../src/cli/commands/cases.ts';
import { reportCommand } from '../../src/cli/commands/report.ts';
import { parseConfig } from '../../src/core/config.ts';
import { InputError, ModelError, NotFoundError, UsageError } from '../../src/core/errors.ts';
import { openStore } from '../../src/store/open-store.ts';
import { analysis, conversations } from '../store/fixtures.ts';

const bin = fileURLToPath(new URL('../../bin/ecoute.js', import.meta.url));
const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ecoute-cases-')), 'cases.db')}`;
const NOW = new Date('2026-03-01T10:00:00Z');

/** Runs a command in-process against the test database; returns its exit status and standard output. */
async function run(command: typeof casesCommand, ...args: string[]): Promise<{ status: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  const ctx: CommandContext = {
    config: parseConfig({ DATABASE_URL: db, ECOUTE_WORKSPACE: 'default' }),
    stdin: new PassThrough(), stdout, stderr: new PassThrough(), isTTY: false, clock: () => NOW,
    openStore: () => openStore(db),
    loadModel: () => Promise.reject(new ModelError('not needed')),
  };
  const status = await command.run(args, ctx);
  return { status, out };
}
const cases = (...args: string[]) => run(casesCommand, ...args);

describe('ecoute cases', () => {
  let messageId = '';

  beforeAll(async () => {
    const store = await openStore(db);
    try {
      await store.migrate();
      const source = await store.ensureSource('default', 'csv', 'csv');
      const { newMessageIds } = await store.writeConversations('default', source, conversations(0, 2));
      const urgent = { ...analysis({ emotion: 'anger', need: 'fairness' }), reason: 'facturé deux fois', signals: { churnIntent: false, urgency: 'high' as const, vulnerable: false, repeatContact: false } };
      await store.saveAnalyses('default', 'v1', [{ messageId: newMessageIds[0], analysis: urgent }]);
      messageId = newMessageIds[0];
    } finally {
      await store.close();
    }
  });

  it('opens a case from a message, assigns, moves, notes, links it, and shows it with what to say; report and figures count it', async () => {
    const opened = await cases('open', '--message', messageId, '--format', 'json');
    expect(opened.status).toBe(0);
    const c = JSON.parse(opened.out) as { id: string; urgency: string; status: string };
    expect(c).toMatchObject({ urgency: 'high', status: 'open' });
    expect((await cases('assign', c.id, 'Léa')).out).toContain('owned by Léa');
    expect((await cases('status', c.id, 'in progress', '--actor', 'Léa')).out).toContain('is now in_progress');
    expect((await cases('note', c.id, 'Appelée,', 'remboursement', 'lancé', '--actor', 'Léa')).out).toContain('Note added');
    expect((await cases('link', c.id, 'billing')).out).toMatch(/root cause "Facturation"/);
    const list = (await cases('list', '--owner', 'Léa')).out;
    expect(list).toContain(c.id.slice(0, 8));
    expect(list).toContain('in_progress');
    const shown = (await cases('show', c.id, '--lang', 'en')).out;
    expect(shown).toContain('Emotion: Anger  Need: Fairness  Reason: facturé deux fois');
    expect(shown).toContain('Léa  note  Appelée, remboursement lancé');
    const fr = JSON.parse((await cases('show', c.id, '--lang', 'fr', '--format', 'json')).out) as { brief: { steps: string[] }; events: unknown[] };
    expect(fr.brief.steps[0]).toMatch(/colère/);
    expect(fr.events).toHaveLength(5);
    expect((await cases('causes')).out).toMatch(/billing {2}Facturation {2}\[open\].*1 cases \(1 open\)/);
    expect((await cases('status', c.id, 'closed')).status).toBe(0);
    expect((await cases('figures', '--lang', 'en')).out).toContain('1 cases (0 open)');
    const report = await run(reportCommand, '--lang', 'en');
    expect(report.out).toContain('## Act: closing the loop');
    expect(report.out).toContain('1 cases (0 open). First response in —, closed in — (medians)');
    expect(JSON.parse((await run(reportCommand, '--format', 'json')).out)).not.toHaveProperty('act');
  });

  it('names the fix for a bad status, an illegal move, a missing id or argument', async () => {
    const c = JSON.parse((await cases('open', '--title', 'Rappeler M. Roux', '--format', 'json')).out) as { id: string };
    await expect(cases('status', c.id, 'done')).rejects.toThrow(InputError);
    await expect(cases('status', c.id, 'open')).rejects.toThrow('can move to: in_progress, waiting_customer, resolved, closed');
    await expect(cases('show', 'nope')).rejects.toThrow(NotFoundError);
    await expect(cases('open')).rejects.toThrow(UsageError);
    await expect(cases('assign', c.id)).rejects.toThrow(UsageError);
    await expect(cases('frobnicate')).rejects.toThrow(/list, show, open/);
    await expect(cases('list', '--format', 'xml')).rejects.toThrow(/text or json/);
  });

  it('through the binary: exit 1 and the fix on stderr for a bad status', () => {
    const r = spawnSync(process.execPath, [bin, 'cases', 'status', 'any-id', 'done'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: db, ECOUTE_WORKSPACE: 'default' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('open, in_progress, waiting_customer, resolved, closed');
  });
});
