/**
 * `ecoute export --labelled` on both stores: corrected messages as lines of the corpus format, which the
 * training's extra reader (`npm run train -- --extra DIR`) takes in and every head can learn from; the
 * reader's bad input (not a folder, no file, labels outside the contract) is refused with the fix.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.ts';
import { exportCommand } from '../../src/cli/commands/export.ts';
import { parseConfig } from '../../src/core/config.ts';
import { ModelError, UsageError } from '../../src/core/errors.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { extraLabelledDirs, readExtraLabelled } from '../../scripts/data/extra-labelled.ts';
import { readLabelledMessages } from '../../scripts/data/labelled-messages.ts';
import { HEAD_SPECS } from '../../scripts/train/cx-heads/head-specs.ts';
import { dialectSuite, type TestTarget } from '../store/dialects.ts';
import { seedCorrections, T0, WS } from '../server/correction-fixtures.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-labelled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function context(t: TestTarget) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const ctx: CommandContext = {
    config: parseConfig({ DATABASE_URL: t.url, ECOUTE_WORKSPACE: WS }),
    stdin: new PassThrough(),
    stdout,
    stderr,
    isTTY: false,
    clock: () => T0,
    openStore: () => openStore(t.url, { schema: t.schema }),
    loadModel: () => Promise.reject(new ModelError('not needed')),
  };
  return { ctx, out: () => out, err: () => err };
}

dialectSuite('ecoute export --labelled', ({ open, target }) => {
  let t: TestTarget;
  let store: Store;
  let ids: Awaited<ReturnType<typeof seedCorrections>>;
  beforeEach(async () => {
    t = target();
    store = await open(t, () => T0);
    ids = await seedCorrections(store);
  });

  it('writes only corrected messages, corrected fields with the person’s value, the rest the model’s', async () => {
    await store.addCorrection(WS, ids.billing, { field: 'churn', value: false, actor: 'léa' });
    await store.addCorrection(WS, ids.billing, { field: 'emotions', value: [], actor: 'léa' });
    await store.addCorrection(WS, ids.billing, { field: 'churn', value: true, actor: 'marc' });
    const c = context(t);
    expect(await exportCommand.run(['--labelled'], c.ctx)).toBe(0);
    const lines = c.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([{
      id: `${WS}-${ids.billing}`, lang: 'fr', channel: 'email',
      text: 'Trois appels au service client et personne ne règle mon problème de facture. Si ça continue je résilie.',
      sentiment: 'negative', emotions: ['neutral'], needs: ['resolution'], themes: ['billing', 'unresolved'], stage: 'billing',
      churn_intent: true, urgency: 'high', vulnerable: false, reason: 'personne ne règle mon problème de facture',
      corrected: ['emotions', 'churn'], source: `ecoute-corrections:${WS}`,
    }]);
  });

  it('writes a file the training reads with --extra DIR, every head taking each line', async () => {
    await store.addCorrection(WS, ids.delivery, { field: 'stage', value: 'support', actor: 'léa' });
    await store.addCorrection(WS, ids.billing, { field: 'vulnerable', value: true, actor: 'léa' });
    const folder = path.join(dir, `extra-${t.schema ?? path.basename(t.url)}`);
    mkdirSync(folder);
    const c = context(t);
    expect(await exportCommand.run(['--labelled', '--out', path.join(folder, 'corrections.jsonl')], c.ctx)).toBe(0);
    expect(c.err()).toContain('Exported 2 corrected (labelled) messages');
    expect(extraLabelledDirs(['--extra', folder], undefined)).toEqual([folder]);
    const extra = readExtraLabelled(extraLabelledDirs(['--extra', folder], undefined));
    expect(extra.map((m) => [m.id, m.stage, m.vulnerable])).toEqual([[`${WS}-${ids.delivery}`, 'support', false], [`${WS}-${ids.billing}`, 'billing', true]]);
    for (const m of extra) for (const spec of HEAD_SPECS) expect(() => spec.target(m, false)).not.toThrow();
    // The corpus reader reads the same file when it is named messages.jsonl.
    writeFileSync(path.join(folder, 'messages.jsonl'), readFileSync(path.join(folder, 'corrections.jsonl')));
    expect(readLabelledMessages(folder)).toHaveLength(2);
    // A newer export of the same corrections replaces the older lines (same ids): no double weight.
    expect(readExtraLabelled([folder])).toHaveLength(2);
  });

  it('refuses --labelled with --format csv', async () => {
    await expect(exportCommand.run(['--labelled', '--format', 'csv'], context(t).ctx)).rejects.toThrow(UsageError);
  });
});

describe('the training’s extra labelled reader', () => {
  it('takes folders from --extra, --extra= and ECOUTE_TRAIN_EXTRA, and nothing by default', () => {
    expect(extraLabelledDirs([], undefined)).toEqual([]);
    expect(extraLabelledDirs(['--extra=/a', '--extra', '/b'], '/c, /d')).toEqual(['/c', '/d', '/a', '/b']);
    expect(() => extraLabelledDirs(['--extra'], undefined)).toThrow(/--extra needs a folder/);
  });

  it('refuses a missing folder, a folder without .jsonl, and labels outside the contract', () => {
    expect(() => readExtraLabelled([path.join(dir, 'nope')])).toThrow(/not a folder/);
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    expect(() => readExtraLabelled([empty])).toThrow(/no \.jsonl file.*ecoute export --labelled/);
    const bad = path.join(dir, 'bad');
    mkdirSync(bad);
    const line = { id: 'x-1', lang: 'fr', text: 't', sentiment: 'negative', emotions: ['rage'], needs: [], themes: [], stage: null, churn_intent: false, urgency: 'low', vulnerable: false, reason: null };
    writeFileSync(path.join(bad, 'a.jsonl'), `${JSON.stringify(line)}\n`);
    expect(() => readExtraLabelled([bad])).toThrow(/a\.jsonl: message "x-1": "emotions" must be labels from anger/);
  });
});
