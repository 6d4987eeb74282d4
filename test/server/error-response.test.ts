/**
 * errorResponse, the one translation of thrown errors into HTTP answers: a database that is away (a
 * PostgreSQL restart: refused connections, sessions cut, 57P01) is a 503 `db_unavailable` telling the
 * client to retry, with no driver detail in the answer and one stack-free line in the log; any other
 * driver error stays an opaque 500 with a reference; named errors keep their own status.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.ts';
import { errorResponse } from '../../src/server/error-response.ts';

/** An app whose one route throws `err`, and the lines its error log got. */
async function answer(err: unknown): Promise<{ status: number; body: { error: { code: string; message: string } }; raw: string; log: string[] }> {
  const log: string[] = [];
  const app = new Hono();
  app.get('/api/x', () => { throw err; });
  app.onError((e, c) => errorResponse(e, c, (line) => log.push(line)));
  const res = await app.request('/api/x');
  const raw = await res.text();
  return { status: res.status, body: JSON.parse(raw), raw, log };
}

const pgError = (code: string, message: string): Error => Object.assign(new Error(message), { code });

describe('errorResponse: the database away', () => {
  it.each([
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a session cut by a restart', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', pgError('57P03', 'the database system is starting up')],
    ['a dropped socket', new Error('Connection terminated unexpectedly')],
    ['a dual-stack refusal', Object.assign(new AggregateError([pgError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432')], ''), {})],
  ])('%s is a 503 "db_unavailable" naming the problem and the retry, without driver detail', async (_, err) => {
    const a = await answer(err);
    expect(a.status).toBe(503);
    expect(a.body.error.code).toBe('db_unavailable');
    expect(a.body.error.message).toMatch(/database is not reachable right now .*try again in a few seconds/);
    expect(a.raw).not.toMatch(/ECONNREFUSED|57P0|5432|terminating|Connection terminated|\n\s+at /);
    expect(a.log).toHaveLength(1);
    expect(a.log[0]).toMatch(/^ecoute serve: the database is not reachable on GET \/api\/x: /);
    expect(a.log[0]).not.toMatch(/\n\s+at /);
  });

  it('a query error stays an opaque 500 with a reference; its details go to the log only', async () => {
    const a = await answer(pgError('23505', 'duplicate key value violates unique constraint "messages_pkey"'));
    expect(a.status).toBe(500);
    expect(a.body.error.code).toBe('internal');
    expect(a.raw).not.toMatch(/duplicate key|messages_pkey/);
    const ref = a.body.error.message.match(/reference ([0-9a-f]{8})/)?.[1];
    expect(ref).toBeDefined();
    expect(a.log[0]).toContain(`unexpected error ${ref}`);
    expect(a.log[0]).toContain('duplicate key');
  });

  it('a named error keeps its status, code and message (a StoreError is not reworded)', async () => {
    const a = await answer(new StoreError('Cannot connect to PostgreSQL at db:5432: ECONNREFUSED. Start the server or fix DATABASE_URL.'));
    expect(a.status).toBe(503);
    expect(a.body.error).toEqual({ code: 'store', message: 'Cannot connect to PostgreSQL at db:5432: ECONNREFUSED. Start the server or fix DATABASE_URL.' });
    expect(a.log).toEqual([]);
  });
});
