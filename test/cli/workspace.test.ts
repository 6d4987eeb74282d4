import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseCaseTargets, parseDesired } from '../../src/cli/commands/workspace.ts';

const bin = fileURLToPath(new URL('../../bin/ecoute.js', import.meta.url));

describe('ecoute workspace', () => {
  const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ecoute-ws-')), 'ws.db')}`;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, 'workspace', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: db } });

  it('sets the own brand and signature moments, and keeps them across runs', () => {
    const set = run('--brand', 'Azur Télécom', '--desired', 'onboarding=joy', '--desired', 'billing=trust');
    expect(set.status).toBe(0);
    const shown = JSON.parse(run().stdout) as { settings: { brand: string; desiredEmotions: Record<string, string> } };
    expect(shown.settings.brand).toBe('Azur Télécom');
    expect(shown.settings.desiredEmotions).toEqual({ onboarding: 'joy', billing: 'trust' });
    const cleared = JSON.parse(run('--clear-desired', '--desired', 'support=gratitude').stdout) as typeof shown;
    expect(cleared.settings.desiredEmotions).toEqual({ support: 'gratitude' });
  });

  it('rejects an unknown emotion or language with exit 2, naming the accepted values, and changes nothing', () => {
    const before = run().stdout;
    const bad = run('--desired', 'onboarding=happy');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown emotion "happy".*joy/);
    const lang = run('--language', 'de');
    expect(lang.status).toBe(2);
    expect(lang.stderr).toMatch(/--language.*"fr"\|"en"/);
    expect(run().stdout).toBe(before);
  });

  it('sets the currency of customer values as an ISO 4217 code, and refuses anything else', () => {
    const set = run('--currency', 'gbp');
    expect(set.status).toBe(0);
    expect((JSON.parse(set.stdout) as { settings: { currency: string } }).settings.currency).toBe('GBP');
    const before = run().stdout;
    const bad = run('--currency', 'euros');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--currency: currency must be a three-letter ISO 4217 code such as EUR/);
    expect(run().stdout).toBe(before);
  });

  it('sets close-the-loop targets per urgency, keeping the others, and refuses bad ones', () => {
    const set = run('--case-target', 'high=2', '--case-target', 'low=72');
    expect(set.status).toBe(0);
    expect(JSON.parse(set.stdout).settings.caseTargetHours).toEqual({ high: 2, low: 72 });
    expect(JSON.parse(run('--case-target', 'medium=24').stdout).settings.caseTargetHours).toEqual({ high: 2, low: 72, medium: 24 });
    const bad = run('--case-target', 'urgent=1');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown urgency "urgent".*high, medium, low/);
    expect(run('--case-target', 'low=100000').stderr).toMatch(/--case-target: /);
    expect(() => parseCaseTargets(['high=0'])).toThrow(/above 0/);
    expect(() => parseCaseTargets(['high'])).toThrow(/URGENCY=HOURS/);
  });

  it('parses stage=emotion pairs and names the malformed one', () => {
    expect(parseDesired(['usage=trust', 'renewal = relief'])).toEqual({ usage: 'trust', renewal: 'relief' });
    expect(() => parseDesired(['usage'])).toThrow(/STAGE=EMOTION/);
    expect(() => parseDesired(['checkout=joy'])).toThrow(/unknown stage "checkout".*purchase/);
  });
});
