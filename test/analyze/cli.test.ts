import { PassThrough, Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.ts';
import { analyzeCommand } from '../../src/cli/commands/analyze.ts';
import { AnalysisSchema } from '../../src/core/analysis.ts';
import { loadModel } from '../../src/runtime/analysis/load-model.ts';

async function runCli(args: string[], input: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => { out += d; });
  stderr.on('data', (d) => { err += d; });
  const ctx = {
    stdin: Readable.from([input]),
    stdout, stderr, isTTY: false,
    loadModel: () => loadModel(),
    openStore: () => { throw new Error('analyze must not open the store'); },
  } as unknown as CommandContext;
  const code = await analyzeCommand.run(args, ctx);
  return { code, lines: out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), err };
}

describe('ecoute analyze', () => {
  it('writes one analysis per line, in order, keeping ids', async () => {
    const input = ['{"id":"a","text":"Super, 3e semaine sans internet"}', '{"id":2,"text":"Thank you so much!","lang":"en"}', '{"id":"c","text":""}'].join('\n');
    const { code, lines } = await runCli(['-'], input);
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c']);
    for (const l of lines) {
      const { id: _id, ...analysis } = l;
      expect(AnalysisSchema.safeParse(analysis).success).toBe(true);
    }
    expect(lines[1].language).toBe('en');
  });

  it('reports bad lines in place, goes on, and exits 3', async () => {
    const input = ['{"id":"a","text":"Merci !"}', 'not json', '{"id":"b"}', '{"id":"c","text":"Toujours pas de réponse"}'].join('\n');
    const { code, lines, err } = await runCli([], input);
    expect(code).toBe(3);
    expect(lines).toHaveLength(4);
    expect(lines[0].id).toBe('a');
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'bad_input' } });
    expect(lines[2]).toMatchObject({ id: 'b', line: 3, error: { code: 'bad_input' } });
    expect(lines[3].id).toBe('c');
    expect(err).toMatch(/line 2/);
    expect(err).toMatch(/line 3.*text/);
  });

  it('reads a file and rejects unknown formats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-cli-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, '{"id":1,"text":"Colis jamais reçu, je suis déçu"}\n');
    const { code, lines } = await runCli([file], '');
    expect(code).toBe(0);
    expect((lines[0].sentiment as { label: string }).label).toBe('negative');
    await expect(runCli(['--format', 'csv'], '')).rejects.toThrow(/jsonl/);
  });

  it('--lang-prior decides lines either language could have written; a line\'s own lang still wins', async () => {
    const input = ['{"id":1,"text":"Facture incorrecte"}', '{"id":2,"text":"Facture incorrecte","lang":"en"}'].join('\n');
    const without = await runCli([], input);
    expect(without.lines.map((l) => l.language)).toEqual(['en', 'en']);
    const { code, lines } = await runCli(['--lang-prior', 'fr'], input);
    expect(code).toBe(0);
    expect(lines.map((l) => l.language)).toEqual(['fr', 'en']);
    // Read as French, the complaint is found: a billing theme.
    expect((lines[0].themes as { label: string }[]).map((t) => t.label)).toContain('billing');
    await expect(runCli(['--lang-prior', 'de'], input)).rejects.toThrow(/--lang-prior must be fr or en/);
  });

  it('--text analyses one sentence; a sentence given as a file name is answered with the --text hint', async () => {
    const { code, lines } = await runCli(['--text', 'Je vais voir ailleurs'], '');
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const { id, ...analysis } = lines[0];
    expect(id).toBeNull();
    expect(AnalysisSchema.safeParse(analysis).success).toBe(true);
    expect(analysis.language).toBe('fr');
    const en = await runCli(['--text', 'Facture incorrecte', '--lang', 'en'], '');
    expect(en.lines[0].language).toBe('en');
    await expect(runCli(['Uninstalled, bye.'], '')).rejects.toThrow(/analyze --text "Uninstalled, bye\."/);
    await expect(runCli(['--text', '  '], '')).rejects.toThrow(/--text is empty/);
    await expect(runCli(['--text', 'Bonjour', 'in.jsonl'], '')).rejects.toThrow(/either --text or an input file/);
    await expect(runCli(['--lang', 'fr'], '')).rejects.toThrow(/--lang goes with --text/);
  });
});
