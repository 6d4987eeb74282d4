import { PassThrough, Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.ts';
import { coachCommand, parseCoachLine } from '../../src/cli/commands/coach.ts';
import { commands } from '../../src/cli/registry.ts';
import { UsageError } from '../../src/core/errors.ts';
import { EN_CUSTOMER, EN_GOOD, EN_OTHER_CUSTOMER, EN_TEMPLATE, FR_CUSTOMER, FR_GOOD } from '../act/coach-examples.ts';

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
    loadModel: () => { throw new Error('coach must not load the analysis model'); },
    openStore: () => { throw new Error('coach must not open the store'); },
  } as unknown as CommandContext;
  const code = await coachCommand.run(args, ctx);
  return { code, lines: out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), err };
}

const line = (o: object) => JSON.stringify(o);

describe('ecoute coach', () => {
  it('is registered', async () => {
    const entry = commands.find((c) => c.name === 'coach');
    expect((await entry?.load())?.name).toBe('coach');
  });

  it('writes one result per line, in order, keeping ids, in both languages', async () => {
    const input = [
      line({ id: 'a', customer: EN_CUSTOMER, reply: EN_GOOD }),
      line({ id: 2, customer: FR_CUSTOMER, reply: FR_GOOD, lang: 'fr' }),
      line({ id: 'c', customer: EN_CUSTOMER, reply: EN_TEMPLATE }),
    ].join('\n');
    const { code, lines, err } = await runCli(['-', '--format', 'jsonl'], input);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c']);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['canned', 'dimensions', 'id', 'score', 'suggestions']);
    expect(lines[2].canned).toBe(true);
    expect((lines[0].score as number) > (lines[2].score as number)).toBe(true);
  });

  it('flags a reply sent to two customers of the same input as canned', async () => {
    const reply = 'Hello, we have received your message and one of our advisers will look into it. Opening hours are 9 to 6. Have a lovely day, Support';
    const { lines } = await runCli([], [line({ id: 1, customer: EN_CUSTOMER, reply }), line({ id: 2, customer: EN_OTHER_CUSTOMER, reply })].join('\n'));
    expect(lines.map((l) => l.canned)).toEqual([true, true]);
    expect(JSON.stringify(lines[0].suggestions)).toMatch(/reply 2/);
  });

  it('reports bad lines in place naming the line and the fix, goes on, and exits 3', async () => {
    const input = [
      line({ id: 'a', customer: EN_CUSTOMER, reply: EN_GOOD }),
      'not json',
      line({ id: 'b', customer: EN_CUSTOMER }),
      line({ id: 'c', customer: '', reply: 'Hello' }),
      line({ id: 'd', customer: FR_CUSTOMER, reply: FR_GOOD, lang: 'de' }),
      '',
      line({ id: 'e', customer: FR_CUSTOMER, reply: FR_GOOD }),
    ].join('\n');
    const { code, lines, err } = await runCli([], input);
    expect(code).toBe(3);
    expect(lines).toHaveLength(6);
    expect(lines[0].id).toBe('a');
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'bad_input' } });
    expect(lines[2]).toMatchObject({ id: 'b', line: 3, error: { code: 'bad_input', message: 'line 3: missing "reply"; each line needs {"id", "customer", "reply", "lang"?: "fr"|"en"}' } });
    expect(lines[3]).toMatchObject({ id: 'c', line: 4, error: { message: expect.stringMatching(/"customer" is empty/) } });
    expect(lines[4]).toMatchObject({ id: 'd', line: 5, error: { message: expect.stringMatching(/"lang" must be "fr" or "en"/) } });
    expect(lines[5].id).toBe('e');
    expect(lines[5].score).toEqual(expect.any(Number));
    expect(err).toMatch(/line 2: not valid JSON/);
    expect(err).toMatch(/4 line\(s\) rejected/);
  });

  it('reads a file and rejects unknown formats and missing files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecoute-coach-cli-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, line({ id: 1, customer: FR_CUSTOMER, reply: FR_GOOD }) + '\n');
    const { code, lines } = await runCli([file], '');
    expect(code).toBe(0);
    expect(lines[0].canned).toBe(false);
    await expect(runCli([file, '--format', 'csv'], '')).rejects.toThrow(UsageError);
    await expect(runCli([join(dir, 'missing.jsonl')], '')).rejects.toThrow(/Cannot read/);
  });

  it('parseCoachLine explains what each line needs', () => {
    expect(parseCoachLine('[1]', 9)).toMatchObject({ ok: false, message: expect.stringMatching(/^line 9: expected a JSON object/) });
    expect(parseCoachLine('{"customer":"a","reply":"b"}', 1)).toMatchObject({ ok: true, item: { id: null, customer: 'a', reply: 'b' } });
  });
});
