import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.ts';
import type { Analysis } from '../../src/core/analysis.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startConfiguredDigests } from '../../src/runtime/digest/scheduled-digests.ts';
import { digestClock } from './digest-clock.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-digest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const angry: Analysis = {
  language: 'fr',
  sentiment: { label: 'negative', score: -0.8 },
  emotions: [{ label: 'anger', score: 0.9, evidence: null }],
  needs: [],
  themes: [{ label: 'delay', score: 0.9, evidence: null }],
  stage: { label: 'delivery', score: 0.8, evidence: null },
  signals: { churnIntent: true, urgency: 'high', vulnerable: false, repeatContact: false },
  reason: 'Colis en retard',
};

describe('scheduled digests', () => {
  it('builds the weekly digest from the store and posts it to the webhook at Monday 08:00', async () => {
    const bodies: string[] = [];
    const hook: Server = createServer((req, res) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => { bodies.push(b); res.end('ok'); });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
    const url = `sqlite:${path.join(dir, 'digest.db')}`;
    const store = await openStore(url);
    try {
      await store.ensureWorkspace('w');
      const source = await store.ensureSource('w', 'fixture', 'test');
      await store.writeConversations('w', source, [{
        naturalKey: 'k1', channel: 'email', startedAt: new Date('2026-11-18T10:00:00Z'),
        customer: { externalId: 'CLI-7', value: 2500 },
        messages: [{ role: 'customer', at: new Date('2026-11-18T10:00:00Z'), text: 'Trois semaines de retard pour mon colis, je vais aller voir ailleurs.', language: 'fr' }],
        surveys: [{ kind: 'nps', score: 2, at: new Date('2026-11-18T11:00:00Z') }],
      }]);
      const pending = await store.pendingAnalysis('w', 'fixture-1', 10);
      await store.saveAnalyses('w', 'fixture-1', pending.map((p) => ({ messageId: p.messageId, analysis: angry })));

      const config = parseConfig({
        DATABASE_URL: url, ECOUTE_WORKSPACE: 'w', DIGEST_SCHEDULE: 'weekly',
        DIGEST_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
      });
      const d = digestClock(); // Sunday 22 November, 20:00 local time
      const stop = startConfiguredDigests(store, config, d.clock, d.log, d.setTimer)!;
      expect(d.fire).not.toBeNull();
      d.fireAt(new Date(2026, 10, 23, 8));
      for (let i = 0; i < 100 && bodies.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      stop();
      expect(bodies).toHaveLength(1);
      const { text } = JSON.parse(bodies[0]);
      expect(text).toContain('*Votre écoute client de la semaine* — 2026-W47');
      expect(text).toContain('Retard');
      expect(text).toContain('CLI-7');
      expect(text).toContain('Trois semaines de retard');
      await new Promise((r) => setTimeout(r, 20));
      expect(d.logged).toContain('weekly digest: e-mail skipped, webhook sent.');
      expect(startConfiguredDigests(store, parseConfig({ DATABASE_URL: url }), d.clock, d.log, d.setTimer)).toBeNull();
    } finally {
      await store.close();
      await new Promise((r) => hook.close(r));
    }
  });
});
