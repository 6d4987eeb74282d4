/**
 * OutageLog, what `ecoute serve` logs while the database is away: the first failure once with its
 * cause, then at most one summary per period, then one line when it answers again; on an injected clock,
 * and wired as the server wires it (errorResponse + the API middleware) through app.request().
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/core/errors.ts';
import { errorResponse } from '../../src/server/error-response.ts';
import { OutageLog } from '../../src/server/outage-log.ts';

const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('OutageLog throttling', () => {
  it('logs the first failure with its cause, one summary per 10 s, and the end of the outage', () => {
    const lines: string[] = [];
    let t = 1_000_000;
    const log = new OutageLog((l) => lines.push(l), () => t, 10_000);
    log.answered();
    expect(lines, 'no outage, nothing to end').toEqual([]);

    log.failed('GET /api/overview', 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('ecoute serve: the database is not reachable (first failed request: GET /api/overview): ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432. '
      + 'Answering 503 db_unavailable until it is back; a summary every 10.0 s meanwhile.');
    expect(log.down).toBe(true);
    // 130 failures in the next 9.9 s: nothing more.
    for (let i = 1; i <= 130; i++) {
      t += 76;
      log.failed('GET /api/cases', '57P03: the database system is starting up');
    }
    expect(lines).toHaveLength(1);
    t = 1_000_000 + 10_000;
    log.failed('GET /api/alerts', '57P03: the database system is starting up');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('ecoute serve: database still unavailable: 131 requests answered 503 in the last 10.0 s (latest: 57P03: the database system is starting up)');
    // The next summary counts from the last one.
    t += 4000;
    log.failed('GET /api/alerts', 'ECONNREFUSED');
    log.failed('GET /api/alerts', 'ECONNREFUSED');
    expect(lines).toHaveLength(2);
    t += 6500;
    log.failed('GET /api/alerts', 'ECONNREFUSED');
    expect(lines[2]).toBe('ecoute serve: database still unavailable: 3 requests answered 503 in the last 10.5 s (latest: ECONNREFUSED)');

    t += 1500;
    log.answered();
    expect(lines[3]).toBe('ecoute serve: the database answers again after 22.0 s; 135 requests answered 503 during the outage.');
    expect(log.down).toBe(false);
    log.answered();
    expect(lines).toHaveLength(4);

    // A new outage starts over: its first failure is logged again, in full.
    t += 60_000;
    log.failed('GET /api/imports', 'ECONNRESET: read ECONNRESET');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/^ecoute serve: the database is not reachable \(first failed request: GET \/api\/imports\): ECONNRESET: read ECONNRESET\./);
  });
});

describe('OutageLog as the server wires it', () => {
  it('many 503s make one line; health, the OpenAPI document and 4xx answers do not end the outage; the next answered request does', async () => {
    const lines: string[] = [];
    const other: string[] = [];
    let t = 0;
    let dbUp = false;
    const outage = new OutageLog((l) => lines.push(l), () => t, 10_000);
    const app = new Hono();
    app.onError((err, c) => errorResponse(err, c, (l) => other.push(l), outage));
    app.use('/api/*', outage.watch());
    app.get('/api/health', (c) => c.json({ status: 'ok' }));
    app.get('/api/openapi.json', (c) => c.json({}));
    app.get('/api/cases/:id', () => { throw new NotFoundError('Case', 'x'); });
    app.get('/api/overview', (c) => {
      if (!dbUp) throw refused();
      return c.json({ ok: true });
    });

    for (let i = 0; i < 40; i++) {
      t += 50;
      const res = await app.request('/api/overview');
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('db_unavailable');
    }
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/openapi.json')).status).toBe(200);
    expect((await app.request('/api/cases/x')).status).toBe(404);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ecoute serve: the database is not reachable \(first failed request: GET \/api\/overview\): ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:5432\./);
    expect(other, 'database outages go to the outage log only').toEqual([]);

    dbUp = true;
    t += 1050;
    expect((await app.request('/api/overview')).status).toBe(200);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('ecoute serve: the database answers again after 3.0 s; 40 requests answered 503 during the outage.');
    expect((await app.request('/api/overview')).status).toBe(200);
    expect(lines).toHaveLength(2);
  });
});
