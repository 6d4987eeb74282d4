import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore, TEAMS, WORKSPACE, type SeededStore } from '../server/fixtures.ts';

const bin = fileURLToPath(new URL('../../bin/ecoute.js', import.meta.url));

let seeded: SeededStore;
beforeAll(async () => {
  seeded = await seedStore();
});
afterAll(async () => {
  await seeded?.cleanup();
});

const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: seeded.url, ECOUTE_WORKSPACE: WORKSPACE } });

describe('ecoute scorecard, value and report (EX → CX lags)', () => {
  it('prints team scorecards as a table and as spreadsheet-safe CSV', () => {
    const table = run('scorecard', '--weights', 'csat=1', '--min', '1', '--lang', 'en');
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^Team +Rank +Weighted score/);
    for (const t of TEAMS) expect(table.stdout).toContain(t.name);
    expect(table.stdout).toContain('Weights: CSAT 100%');
    // Empathy is the reply coach's verdict per reply (models/coach.json), and the output says so.
    expect(table.stdout).toContain('Reply empathy: read by the reply coach (learned model)');
    const fr = run('scorecard', '--min', '1', '--lang', 'fr');
    expect(fr.stdout).toContain('Empathie des réponses: lue par le coach de réponse (modèle appris)');
    const json = JSON.parse(run('scorecard', '--format', 'json', '--min', '1').stdout);
    expect(json.replyEmpathySource).toBe('coach');
    expect(json.definitions.empathy.en).toMatch(/reply coach reads an emotional reaction/);
    const out = join(seeded.dir, 'cards.csv');
    const csv = run('scorecard', '--format', 'csv', '--out', out, '--since', '2020-01-01');
    expect(csv.status, csv.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toMatch(/^team,rank,composite,/);
  });

  it('refuses an unknown weight, a negative minimum and a bad date with exit 2 and the fix', () => {
    const weight = run('scorecard', '--weights', 'nps=1,bonus=1');
    expect(weight.status).toBe(2);
    expect(weight.stderr).toMatch(/Unknown weight "bonus"\. Use any of: nps, csat/);
    const min = run('scorecard', '--min=-4');
    expect(min.status).toBe(2);
    expect(min.stderr).toMatch(/whole number of 1 or more, not "-4"/);
    const since = run('scorecard', '--since', 'last-week');
    expect(since.status).toBe(2);
    expect(since.stderr).toMatch(/^ecoute scorecard: --since "last-week" is not a date/m);
  });

  it('prints the value model with formulas and sources, and takes --set', () => {
    const r = run('value', '--lang', 'en', '--set', 'saveRate=0.5', '--set', 'valueAtRisk=2000,churnRateAtRisk=1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Revenue kept from customers at risk');
    expect(r.stdout).toContain('= 2000 × 1 × 0.5');
    expect(r.stdout).toContain('- saveRate = 0.5 [you]');
    expect(r.stdout).toContain('Temkin Group');
    const bad = run('value', '--set', 'margin=3');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown assumption "margin"/);
  });

  it('adds the lagged EX → CX picture to the report, JSON and Markdown', () => {
    const json = run('report', '--format', 'json');
    expect(json.status, json.stderr).toBe(0);
    const lags = JSON.parse(json.stdout).exCxLags;
    expect(lags.correlations).toHaveLength(70);
    expect(lags.warning.en).toMatch(/^Too few data to conclude anything/);
    const md = run('report', '--lang', 'en');
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toContain('EX → CX over time (lags of 0 to 6 months)');
    expect(md.stdout).toContain('⚠ Too few data to conclude anything');
    expect(md.stdout).toContain('Gallup');
  });
});
