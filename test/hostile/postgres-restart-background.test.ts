/**
 * A PostgreSQL restart under the alert-delivery loop of `ecoute serve`, wired to the server's OutageLog
 * as serve wires it: the passes that meet the stopped database make one line for the outage (its first
 * failed pass, with the cause) and one when a pass succeeds again, not a "delivery pass failed" line per
 * pass. A real private cluster, a real store, the real loop on a short interval.
 */
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.ts';
import { startConfiguredDelivery } from '../../src/runtime/act/configured-delivery.ts';
import { reportBackgroundFailure } from '../../src/runtime/db-outage-watch.ts';
import { OutageLog } from '../../src/server/outage-log.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { privatePostgresOrSkip, type PrivatePostgres } from './private-postgres.ts';

let server: PrivatePostgres | null = null;
let store: Store | null = null;
afterAll(async () => {
  await store?.close();
  server?.stop();
});

/** A log the loop writes its own lines to. */
function lineLog(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(...chunk.toString().split('\n').filter(Boolean)); done(); } });
  return { lines, stream };
}

describe('PostgreSQL restart under the background tasks of a server', () => {
  it('delivery passes that meet the outage make one start line and one end line, whatever their number', async (t) => {
    server = await privatePostgresOrSkip(t);
    if (!server) return;
    store = await openStore(server.url);
    const outageLines: string[] = [];
    const outage = new OutageLog((l) => outageLines.push(l));
    const own = lineLog();
    const config = parseConfig({ DATABASE_URL: server.url, ECOUTE_WORKSPACE: 'bg' });
    const stop = startConfiguredDelivery(store, config, () => new Date(), own.stream, { intervalMs: 100, prefix: 'ecoute: ', outage });
    try {
      await new Promise((r) => setTimeout(r, 300));
      await server.restart(1500);
      const deadline = Date.now() + 15_000;
      while (!outageLines.some((l) => /answers again/.test(l)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await stop();
    }
    // About 15 passes met the stopped database: one line said so, one said it was back.
    expect(own.lines, 'no line per failed pass').toEqual([]);
    expect(outageLines, outageLines.join('\n')).toHaveLength(2);
    expect(outageLines[0]).toMatch(/^ecoute serve: the database is not reachable \(first failed: delivery pass\): \S.*Answering 503 db_unavailable until it is back/);
    expect(outageLines[1]).toMatch(/^ecoute serve: the database answers again after [\d.]+ s; 0 requests answered 503 during the outage\.$/);
  }, 60_000);
});

describe('reportBackgroundFailure', () => {
  it('tells the watch of a database away (silently while requests already reported it); other errors stay the task\'s own line', () => {
    const outageLines: string[] = [];
    let t = 0;
    const outage = new OutageLog((l) => outageLines.push(l), () => t);
    const own: string[] = [];
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    outage.failed('GET /api/cases', 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432');
    t = 500;
    reportBackgroundFailure(refused, 'spike check', (m) => own.push(m), outage);
    reportBackgroundFailure(new Error('SMTP 550 mailbox unavailable'), 'delivery pass', (m) => own.push(m), outage);
    expect(own).toEqual(['SMTP 550 mailbox unavailable']);
    t = 2000;
    outage.answered();
    expect(outageLines).toHaveLength(2);
    expect(outageLines[1]).toBe('ecoute serve: the database answers again after 2.0 s; 1 requests answered 503 during the outage.');
    // Without a watch (`ecoute deliver --watch`), the failure is the task's own line as before.
    reportBackgroundFailure(refused, 'delivery pass', (m) => own.push(m));
    expect(own[1]).toBe('connect ECONNREFUSED 127.0.0.1:5432');
  });
});
