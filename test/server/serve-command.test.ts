import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `ecoute serve` as a real process; resolves with its URL once it listens. */
function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/ecoute.js', 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'serve.db')}`, ECOUTE_WORKSPACE: 'serve-test', DIGEST_SCHEDULE: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /listening on (http:\/\/\S+) /.exec(stdout);
      if (m) resolve(m[1]);
    });
    exited.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  url.catch(() => undefined);
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('ecoute serve', () => {
  it('serves the API and dashboard, and stops cleanly on SIGINT', async () => {
    const run = serve(['--port', '0', '--host', '127.0.0.1']);
    const url = await run.url;
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', workspace: 'serve-test' });
    const index = await fetch(`${url}/`);
    expect(index.headers.get('content-type')).toContain('text/html');
    const overview = await fetch(`${url}/api/overview`);
    expect(overview.status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('starts the configured digest schedule and still stops cleanly', async () => {
    const run = serve(['--port', '0'], { DIGEST_SCHEDULE: 'weekly' });
    await run.url;
    expect(run.output().stdout).toContain('Digests: weekly');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('rejects a bad --port with exit status 2 and the fix', async () => {
    const run = serve(['--port', 'abc']);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toContain('--port');
  });
});
