import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.ts';
import { drillCommand } from '../../src/cli/commands/drill.ts';
import { commands } from '../../src/cli/registry.ts';
import { parseConfig } from '../../src/core/config.ts';
import { ModelError, UsageError } from '../../src/core/errors.ts';
import { openStore } from '../../src/store/open-store.ts';
import { DRILL_NOW, DRILL_SEEDS, seedDrills } from '../server/drill-fixtures.ts';

const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ecoute-drill-')), 'drill.db')}`;

async function run(...args: string[]): Promise<{ status: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  const ctx: CommandContext = {
    config: parseConfig({ DATABASE_URL: db, ECOUTE_WORKSPACE: 'default' }),
    stdin: new PassThrough(), stdout, stderr: new PassThrough(), isTTY: false, clock: () => DRILL_NOW,
    openStore: () => openStore(db),
    loadModel: () => Promise.reject(new ModelError('not needed')),
  };
  const status = await drillCommand.run(args, ctx);
  return { status, out };
}

describe('ecoute drill', () => {
  let ids: { customer: string[] };
  beforeAll(async () => {
    const store = await openStore(db);
    try {
      await store.migrate();
      ids = await seedDrills(store, 'default');
      await store.saveDrillAttempt('default', { week: '2026-W48', messageId: ids.customer[0], participant: 'Ana', team: 'Paris', mode: 'drill', emotions: ['frustration'], needs: [], reply: 'Je comprends.', readingScore: 50, replyScore: 40 });
      await store.saveDrillAttempt('default', { week: '2026-W48', messageId: ids.customer[0], participant: 'Candidate 3', team: null, mode: 'hiring', emotions: [], needs: [], reply: 'Hello.', readingScore: 0, replyScore: 10 });
    } finally {
      await store.close();
    }
  });

  it("prints this week's drill in French or English, the same each time", async () => {
    const fr = await run('--lang', 'fr');
    expect(fr.status).toBe(0);
    expect(fr.out).toMatch(/^Exercice d'empathie de la semaine 2026-W48/);
    expect(fr.out).toContain('quelles émotions ressent ce client');
    const frTexts = DRILL_SEEDS.filter((s) => s.language === 'fr' && fr.out.includes(s.text.split('\n')[0]));
    expect(frTexts).toHaveLength(3);
    expect((await run('--lang', 'fr')).out).toBe(fr.out);
    const en = await run('--lang', 'en', '--count', '2', '--format', 'json');
    const drill = JSON.parse(en.out);
    expect(drill).toMatchObject({ week: '2026-W48' });
    expect(drill.scenarios.map((s: { language: string }) => s.language)).toEqual(['en', 'en']);
    expect(en.out).not.toContain('evidence');
  });

  it('prints progress per team and participant, leaving hiring attempts out', async () => {
    const p = await run('progress', '--lang', 'en');
    expect(p.status).toBe(0);
    expect(p.out).toMatch(/^Empathy drills: 1 attempt\(s\), 1 participant\(s\)/);
    expect(p.out).toMatch(/By team\n {2}Paris +attempts +1 +reading +50 +reply +40 +\(2026-W48: 1\)/);
    expect(p.out).not.toContain('Candidate');
    expect(JSON.parse((await run('progress', '--format', 'json')).out)).toMatchObject({ attempts: 1, participants: 1 });
  });

  it('refuses bad flags with the fix, and is registered', async () => {
    await expect(run('rank')).rejects.toThrow(UsageError);
    await expect(run('--count', '0')).rejects.toThrow(/--count must be a whole number from 1 to 10/);
    await expect(run('--lang', 'de')).rejects.toThrow(/--lang must be fr or en/);
    await expect(run('--format', 'xml')).rejects.toThrow(/text or json/);
    expect(commands.find((c) => c.name === 'drill')?.summary).toBe(drillCommand.summary);
    expect(ids.customer).toHaveLength(DRILL_SEEDS.length);
  });
});
