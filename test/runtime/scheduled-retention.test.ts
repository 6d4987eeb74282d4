import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.ts';
import type { SetTimer } from '../../src/runtime/digest/digest-schedule.ts';
import { startConfiguredDigests } from '../../src/runtime/digest/scheduled-digests.ts';
import { openStore } from '../../src/store/open-store.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-retention-job-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('retention in the scheduled jobs of ecoute serve', () => {
  it('applies the workspace retention period before each scheduled digest, audited as "serve"', async () => {
    const url = `sqlite:${path.join(dir, 'job.db')}`;
    const store = await openStore(url);
    try {
      const ws = await store.ensureWorkspace('w');
      await store.updateWorkspaceSettings('w', { ...ws.settings, retentionMonths: 12 });
      const source = await store.ensureSource('w', 'fixture', 'test');
      const conv = (key: string, at: Date) => ({
        naturalKey: key, channel: 'email' as const, startedAt: at, surveys: [],
        messages: [{ role: 'customer' as const, at, text: 'Colis en retard.', language: 'fr' }],
      });
      await store.writeConversations('w', source, [conv('old', new Date('2020-01-01T10:00:00Z')), conv('new', new Date())]);
      const config = parseConfig({ DATABASE_URL: url, ECOUTE_WORKSPACE: 'w', DIGEST_SCHEDULE: 'daily' });
      let fire: (() => void) | null = null;
      const setTimer: SetTimer = (cb) => { fire = cb; return () => { fire = null; }; };
      const log = new PassThrough();
      let logged = '';
      log.on('data', (d) => (logged += d));
      let now = new Date();
      const stop = startConfiguredDigests(store, config, () => now, log, setTimer)!;
      now = new Date(now.getTime() + 25 * 3_600_000); // past the next 08:00
      fire!();
      for (let i = 0; i < 100 && !logged.includes('digest'); i++) await new Promise((r) => setTimeout(r, 20));
      stop();
      expect(logged).toContain('ecoute: retention: removed 1 conversations older than 12 months.');
      expect((await store.counts('w')).conversations).toBe(1);
      expect((await store.auditLog('w'))[0]).toMatchObject({ action: 'retention.apply', actor: 'serve' });
    } finally {
      await store.close();
    }
  });
});
