/**
 * A message known to be a customer's is read as one (AnalyzeOptions.customer) on every path that knows
 * it: the store's analysis of pending messages, the `analyze` job, the CLI and POST /api/analyze (both
 * unless told otherwise). Text of unknown origin keeps the `customer` head's guess.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, analyzeCore } from '../../src/analyze/analyze.ts';
import { compile } from '../../src/analyze/compiled.ts';
import { analyzeCx } from '../../src/analyze/cx/analyze-cx.ts';
import { scoreHeads } from '../../src/analyze/heads/apply-heads.ts';
import { compileHeads } from '../../src/analyze/heads/compile-heads.ts';
import { headFeatures } from '../../src/analyze/heads/head-features.ts';
import type { AnalyzerModel } from '../../src/analyze/model.ts';
import type { CommandContext } from '../../src/cli/command.ts';
import { analyzeCommand } from '../../src/cli/commands/analyze.ts';
import type { ConversationInput } from '../../src/core/conversation.ts';
import { analyzePending } from '../../src/runtime/analysis/analyze-pending.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';
import { runAnalyzeJob } from '../../src/runtime/jobs/analyze-job.ts';
import { createApp } from '../../src/server/create-app.ts';
import { openStore } from '../../src/store/open-store.ts';

/** A customer's short first-person line, which the `customer` head reads as dialogue. */
const LINE = 'That was the last time I order from you.';

let model: AnalyzerModel;
const dir = mkdtempSync(join(tmpdir(), 'ecoute-known-customer-'));
beforeAll(async () => { model = await loadModel(); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The committed `customer` head's probability that `text` is a customer's message. */
function customerP(text: string): number {
  const core = analyzeCore(text, { model });
  const cm = compile(model);
  const ch = compileHeads(model.cxHeads!);
  const fs = headFeatures({ ...core, rules: analyzeCx(core, cm.cx) });
  const p = scoreHeads(ch, fs).get('customer')!;
  return p[ch.heads.get('customer')!.labels.indexOf('customer')];
}

const conversation = (i: number, text: string): ConversationInput => {
  const at = new Date(Date.UTC(2026, 0, 1, 0, i));
  return { naturalKey: `k-${i}`, channel: 'chat', startedAt: at, surveys: [], messages: [{ role: 'customer', at, text }] };
};

describe('a message known to be a customer\'s', () => {
  it('is read with the customer gate open, and differs from the guess on a line the gate reads as other text', () => {
    // Precondition, so the rest can fail: the committed head reads this customer's line as other text.
    expect(customerP(LINE)).toBeLessThan(0.5);
    const known = analyze(LINE, { model, customer: true });
    const guessed = analyze(LINE, { model });
    expect(known).not.toEqual(guessed);
    // The emotion head decides on it: the line is not without feeling.
    expect(known.emotions.length).toBeGreaterThan(0);
    expect(guessed.emotions).toEqual([]);
  });

  it('is what the store keeps: pending messages and the analyze job read customers\' messages as such', async () => {
    const store = await openStore(`sqlite:${join(dir, 'k.db')}`);
    try {
      await store.ensureWorkspace('w');
      const source = await store.ensureSource('w', 'csv', 'csv');
      await store.writeConversations('w', source, [conversation(0, LINE), conversation(1, 'Merci pour votre aide !')]);
      expect(await analyzePending(store, 'w', model, { workers: 1, rules: false })).toBe(2);
      for (const f of (await store.messageFacts('w')).filter((m) => m.analysis)) {
        expect(f.analysis).toEqual(analyze(f.text, { model, customer: true }));
      }
      // The job path (many workers on PostgreSQL run this same function): a new message, analysed by a job.
      const { newMessageIds } = await store.writeConversations('w', source, [conversation(2, LINE)]);
      expect(await runAnalyzeJob({ store, model, clock: () => new Date(), publicUrl: null }, { workspaceId: 'w', messageIds: newMessageIds, rules: false })).toMatchObject({ analysed: 1 });
      const stored = (await store.messageFacts('w')).find((m) => m.messageId === newMessageIds[0]);
      expect(stored?.analysis).toEqual(analyze(LINE, { model, customer: true }));
    } finally {
      await store.close();
    }
  });

  it('is the CLI\'s default; a line with "customer": false, or --not-customer, is text of unknown origin', async () => {
    const run = async (args: string[], input = '') => {
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (d) => { out += d; });
      const ctx = { stdin: Readable.from([input]), stdout, stderr: new PassThrough(), isTTY: false, loadModel: () => loadModel() } as unknown as CommandContext;
      const code = await analyzeCommand.run(args, ctx);
      return { code, lines: out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
    };
    const strip = (l: Record<string, unknown>) => { const { id: _id, ...a } = l; return a; };
    const known = JSON.parse(JSON.stringify(analyze(LINE, { model, customer: true })));
    const guessed = JSON.parse(JSON.stringify(analyze(LINE, { model })));
    expect(strip((await run(['--text', LINE])).lines[0])).toEqual(known);
    expect(strip((await run(['--text', LINE, '--not-customer'])).lines[0])).toEqual(guessed);
    const input = [JSON.stringify({ id: 1, text: LINE }), JSON.stringify({ id: 2, text: LINE, customer: false }), JSON.stringify({ id: 3, text: LINE, customer: 'yes' })].join('\n');
    const file = await run([], input);
    expect(file.code).toBe(3);
    expect(strip(file.lines[0])).toEqual(known);
    expect(strip(file.lines[1])).toEqual(guessed);
    expect(file.lines[2]).toMatchObject({ id: 3, line: 3, error: { code: 'bad_input', message: expect.stringContaining('"customer" must be true or false') } });
    // --not-customer sets the default; a line's own "customer" still wins.
    const flipped = await run(['--not-customer'], [JSON.stringify({ id: 1, text: LINE }), JSON.stringify({ id: 2, text: LINE, customer: true })].join('\n'));
    expect(flipped.lines.map(strip)).toEqual([guessed, known]);
  });

  it('is the API\'s default; "customer": false asks for the guess, and a wrong type is a 400 that says so', async () => {
    const store = await openStore(`sqlite:${join(dir, 'api.db')}`);
    try {
      await store.ensureWorkspace('w');
      const app = createApp({ store, workspaceId: 'w', model, clock: () => new Date(), webDir: join(import.meta.dirname, '../../web') });
      const post = (body: unknown) => app.request('/api/analyze', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      const langPrior = (await store.ensureWorkspace('w')).settings.language;
      expect(await (await post({ text: LINE })).json()).toEqual(JSON.parse(JSON.stringify(analyze(LINE, { model, langPrior, customer: true }))));
      expect(await (await post({ text: LINE, customer: false })).json()).toEqual(JSON.parse(JSON.stringify(analyze(LINE, { model, langPrior }))));
      const bad = await post({ text: LINE, customer: 'yes' });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.message).toContain('"customer"');
    } finally {
      await store.close();
    }
  });
});
