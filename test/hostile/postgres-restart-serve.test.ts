/**
 * A PostgreSQL restart under a running `ecoute serve` (the database's own, private cluster): requests
 * keep coming while the database is stopped for 3 s and started again. The server process stays up;
 * requests that need the database during the outage get a 503 JSON error that names the problem
 * (database unreachable, retry) with no stack trace and no SQL; once the database is back, the same
 * requests succeed without restarting Écoute. The server's log holds a few lines about the outage (its
 * first failure with the cause, a summary at most every 10 s, the end), not one line per failed request,
 * nor one per background pass (the alert deliveries') that met the outage.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileDir, writeGenerated } from './helpers.ts';
import { privatePostgresOrSkip, type PrivatePostgres } from './private-postgres.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = hostileDir('pg-restart-serve');
let server: PrivatePostgres | null = null;
const children: { kill(signal: NodeJS.Signals): boolean; exitCode: number | null }[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  server?.stop();
  await dir.cleanup();
});

/** Routes the dashboard calls, each reading the database. */
const ROUTES = ['/api/messages?limit=5', '/api/imports', '/api/alerts', '/api/cases', '/api/overview'];

interface Answer { route: string; status: number; body: string; at: number }

async function get(base: string, route: string): Promise<Answer> {
  try {
    const res = await fetch(base + route, { signal: AbortSignal.timeout(20_000) });
    return { route, status: res.status, body: await res.text(), at: Date.now() };
  } catch (err) {
    // The server itself not answering (it died, or hung past 20 s) is a failure of the test.
    return { route, status: 0, body: String(err), at: Date.now() };
  }
}

describe('PostgreSQL restart under a running server', () => {
  it('the server stays up, answers 503 "database unreachable, retry" meanwhile, and serves again after', async (t) => {
    server = await privatePostgresOrSkip(t);
    if (!server) return;
    const env = { ...process.env, DATABASE_URL: server.url, ECOUTE_WORKSPACE: 'restart', ECOUTE_QUEUE: '0' };
    const file = writeGenerated(dir, 'seed.csv', (function* () {
      yield 'id,date,customer,message\n';
      for (let i = 0; i < 300; i++) yield `r${i},2026-01-0${1 + (i % 9)},cust${i % 40},Mon colis numéro ${i} est perdu et je suis furieux\n`;
    })());
    const seed = spawn(process.execPath, ['bin/ecoute.js', 'ingest', file], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let seedOut = '';
    seed.stdout.on('data', (d: Buffer) => { seedOut += d.toString(); });
    seed.stderr.on('data', (d: Buffer) => { seedOut += d.toString(); });
    expect(await new Promise((resolve) => seed.on('exit', resolve)), seedOut).toBe(0);

    const serve = spawn(process.execPath, ['bin/ecoute.js', 'serve', '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(serve);
    let out = '';
    let err = '';
    serve.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    serve.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const exited = new Promise<number | null>((resolve) => serve.on('exit', resolve));
    const deadline = Date.now() + 30_000;
    let base = '';
    while (!base) {
      base = out.match(/listening on (http:\/\/\S+) /)?.[1] ?? '';
      if (serve.exitCode !== null || Date.now() > deadline) throw new Error(`ecoute serve did not start:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const route of ROUTES) expect((await get(base, route)).status, route).toBe(200);

    // Requests in flight the whole time: every route, over and over, until told to stop.
    const answers: Answer[] = [];
    let running = true;
    const load = (async () => {
      while (running) {
        answers.push(...(await Promise.all(ROUTES.map((r) => get(base, r)))));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const downAt = Date.now();
    await server.restart(3000);
    const upAt = Date.now();
    // Back without restarting Écoute: within a few seconds every route answers 200 again.
    let recoveredAt = 0;
    // The recovery rounds' answers count too: the log's totals are checked against every 503 sent.
    const probes: Answer[] = [];
    while (Date.now() - upAt < 15_000) {
      const round = await Promise.all(ROUTES.map((r) => get(base, r)));
      probes.push(...round);
      if (round.every((a) => a.status === 200)) {
        recoveredAt = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    running = false;
    await load;

    expect(serve.exitCode, `the server died:\n${out}\n${err}`).toBeNull();
    expect(recoveredAt, `not recovered 15 s after the restart: ${JSON.stringify(answers.slice(-ROUTES.length))}`).toBeGreaterThan(0);
    const failed = answers.filter((a) => a.status !== 200);
    // The outage was seen (requests hit the stopped database), and each failure is the clear 503.
    expect(failed.filter((a) => a.at >= downAt).length, 'no request saw the outage').toBeGreaterThan(0);
    for (const a of failed) {
      expect(a.status, `${a.route}: ${a.body}`).toBe(503);
      const body = JSON.parse(a.body) as { error: { code: string; message: string } };
      expect(body.error.code, a.body).toBe('db_unavailable');
      expect(body.error.message).toMatch(/database is not reachable.*try again/i);
      expect(a.body).not.toMatch(/\n\s+at |select |ECONNREFUSED|57P01|terminating connection|Connection terminated/i);
    }
    // Every route works after, not only some: and the answers are whole (the dashboard can draw them).
    for (const route of ROUTES) {
      const a = await get(base, route);
      expect(a.status, `${route}: ${a.body}`).toBe(200);
    }
    expect(err).not.toMatch(/\n\s+at /);

    // The log: per outage one first line with its cause and one end line, summaries at most every 10 s;
    // the totals of the end lines are every 503 the clients got. Not one line per failed request.
    const dbLines = err.split('\n').filter((l) => /database/.test(l));
    // The first failure may be a request's or a background pass's (alert deliveries run every 5 s).
    const firsts = dbLines.filter((l) => /^ecoute serve: the database is not reachable \(first failed (request: GET \/api\/\S+|: delivery pass|: spike check)\): \S/.test(l));
    const ends = dbLines.map((l) => l.match(/^ecoute serve: the database answers again after [\d.]+ s; (\d+) requests answered 503 during the outage\.$/)).filter((m) => m !== null);
    const summaries = dbLines.filter((l) => /^ecoute serve: database still unavailable: \d+ requests answered 503 in the last [\d.]+ s/.test(l));
    const sent503 = [...answers, ...probes].filter((a) => a.status === 503).length;
    expect(firsts.length, err).toBeGreaterThanOrEqual(1);
    expect(ends.length, err).toBe(firsts.length);
    expect(summaries.length, err).toBeLessThanOrEqual(Math.ceil((recoveredAt - downAt) / 10_000));
    expect(dbLines.length, err).toBe(firsts.length + ends.length + summaries.length);
    expect(dbLines.length, `${dbLines.length} log lines for ${sent503} answers 503`).toBeLessThan(sent503);
    expect(ends.reduce((sum, m) => sum + Number(m[1]), 0), err).toBe(sent503);
    console.log(`PostgreSQL restart: ${sent503} answers 503, ${dbLines.length} log lines, ${firsts.length} outage(s), recovered ${recoveredAt - upAt} ms after the restart`);

    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
