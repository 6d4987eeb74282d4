import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { detectFormat } from '../../src/ingest/detect-format.ts';
import { ingestBytes } from './helpers.ts';

const b = (s: string) => Buffer.from(s);

describe('format detection', () => {
  it.each([
    ['a.csv', 'x', 'csv'], ['a.TSV', 'x', 'tsv'], ['a.json', 'x', 'json'], ['a.ndjson', 'x', 'jsonl'], ['a.vtt', 'x', 'vtt'],
    ['a.srt', 'x', 'srt'], ['a.eml', 'x', 'eml'], ['a.mbox', 'x', 'mbox'],
  ])('by extension: %s', (name, content, format) => {
    expect(detectFormat(name, b(content))).toBe(format);
  });

  it.each([
    ['WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nClient: allo', 'vtt'],
    ['1\n00:00:01,000 --> 00:00:02,000\nAgent: bonjour', 'srt'],
    ['From a@b.c Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody', 'mbox'],
    ['Message-ID: <1@x>\nFrom: a@b.c\nSubject: x\n\nbody', 'eml'],
    ['[{"text": "a"}]', 'json'],
    ['{"text": "a"}\n{"text": "b"}', 'jsonl'],
    ['# id: call-1\nAgent: Bonjour\nClient: Bonjour, mon colis...', 'turns'],
    ['id;message\n1;a', 'csv'],
    ['id\tmessage\n1\ta', 'tsv'],
  ])('by content for .txt or no extension: %j', (content, format) => {
    expect(detectFormat('export.txt', b(content))).toBe(format);
    expect(detectFormat('export', b(content))).toBe(format);
  });

  it('an empty file is an InputError naming the file', () => {
    expect(() => detectFormat('vide.csv', new Uint8Array())).toThrow(/vide\.csv is empty/);
  });

  it('binary junk is an InputError naming the file and the supported formats', () => {
    const junk = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256);
    const zip = Buffer.concat([b('PK\x03\x04'), Buffer.alloc(100)]);
    for (const [name, data] of [['export.xlsx', zip], ['data.csv', junk]] as const) {
      try {
        detectFormat(name, data);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        expect((err as Error).message).toContain(name);
        expect((err as Error).message).toMatch(/Supported formats: CSV\/TSV.*JSON.*WebVTT.*\.eml, \.mbox/);
      }
    }
  });

  it('an unrecognisable text file is an InputError listing supported formats', () => {
    expect(() => detectFormat('notes.dat', b('just some words without structure'))).toThrow(/notes\.dat: unrecognised format.*Supported formats/);
  });

  it('the pipeline rejects empty input with the same error', async () => {
    await expect(ingestBytes('vide.csv', '')).rejects.toBeInstanceOf(InputError);
  });
});
