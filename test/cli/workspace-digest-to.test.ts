/** `ecoute workspace --digest-to`: a workspace's own digest recipients, kept, cleared, and checked. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/ecoute.js', import.meta.url));

describe('ecoute workspace --digest-to', () => {
  const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ecoute-ws-digest-')), 'ws.db')}`;
  const run = (workspace: string, ...args: string[]) =>
    spawnSync(process.execPath, [bin, 'workspace', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: db, ECOUTE_WORKSPACE: workspace } });
  const settings = (workspace: string) => (JSON.parse(run(workspace).stdout) as { settings: { digestTo?: string[] } }).settings;

  it('sets the recipients of one workspace only, and "" removes them', () => {
    const set = run('globex', '--digest-to', 'cx@globex.test, boss@globex.test');
    expect(set.status, set.stderr).toBe(0);
    expect(settings('globex').digestTo).toEqual(['cx@globex.test', 'boss@globex.test']);
    expect(settings('acme').digestTo).toBeUndefined();
    expect(run('globex', '--digest-to', '').status).toBe(0);
    expect(settings('globex').digestTo).toBeUndefined();
  });

  it('refuses something that is not an e-mail address with exit 2, naming the flag, and changes nothing', () => {
    run('globex', '--digest-to', 'cx@globex.test');
    const bad = run('globex', '--digest-to', 'cx@globex.test,not-an-address');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--digest-to: digest-to must list e-mail addresses such as team@example.com.');
    expect(settings('globex').digestTo).toEqual(['cx@globex.test']);
  });
});
