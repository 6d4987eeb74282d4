import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { commands } from '../../src/cli/registry.ts';

const bin = fileURLToPath(new URL('../../bin/ecoute.js', import.meta.url));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('ecoute CLI entry point', () => {
  it('lists every command in help', () => {
    const r = run(['help']);
    expect(r.status).toBe(0);
    for (const name of ['demo', 'ingest', 'analyze', 'report', 'digest', 'export', 'workspace', 'serve']) {
      expect(r.stdout).toContain(name);
    }
  });

  it('registers each command under its own name and summary (help lists them without loading the modules)', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect([command.name, command.summary]).toEqual([entry.name, entry.summary]);
    }
  });

  it('exits 2 on an unknown command and says how to find the right one', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate".*ecoute help/);
  });

  it("shows a command's usage even when the configuration is broken", () => {
    const r = run(['report', '--help'], { DATABASE_URL: 'mysql://nope' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: ecoute report/);
  });

  it('exits 1 with the variable to fix on bad configuration', () => {
    const r = run(['report'], { DATABASE_URL: 'mysql://nope' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL/);
  });
});
