import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/ecoute.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ecoute-rules-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = `sqlite:${join(dir, 'rules.db')}`;
/** Runs the real CLI without blocking the test worker (a blocked worker misses vitest's heartbeats). */
const run = (...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, DATABASE_URL: db, ECOUTE_WORKSPACE: 'w', ECOUTE_PUBLIC_URL: 'https://ecoute.example/' } },
      (err, stdout, stderr) => resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
  });

const HEADER = 'ticket_id,date,customer_id,message,nps\n';
writeFileSync(join(dir, 'jan.csv'), `${HEADER}T1,2026-01-05,C1,"Je vais résilier mon abonnement, ma facture est fausse depuis trois mois, c'est inadmissible !",2\nT2,2026-01-06,C2,"Merci beaucoup, tout est parfait.",10\n`);
writeFileSync(join(dir, 'feb.csv'), `${HEADER}T3,2026-02-05,C3,"I will cancel my contract, you overcharged me again, this is outrageous.",1\n`);
const RULE = {
  name: 'Détracteur qui part',
  conditions: { churn: true, npsBand: 'detractor' },
  actions: [{ type: 'case', owner: 'Léa' }, { type: 'webhook', url: 'https://hooks.slack.com/services/T0/B0/secret', format: 'slack' }],
  dedupeWindow: '7d',
};
writeFileSync(join(dir, 'rule.json'), JSON.stringify(RULE));
writeFileSync(join(dir, 'broken.json'), '{"name": "x", ');

describe('ecoute rules and ecoute alerts (real CLI, SQLite file)', () => {
  it('adds, lists, tests, fires, updates and removes a rule; alerts are listed and acknowledged', async () => {
    expect((await run('ingest', 'jan.csv')).status).toBe(0);
    expect((await run('rules', 'list')).stdout).toBe('No rules in workspace "w". Add one with `ecoute rules add rule.json`.\n');

    const added = await run('rules', 'add', 'rule.json');
    expect(added.status).toBe(0);
    const id = /Added rule (rule-[0-9a-f]{8}) \(version 1\)\./.exec(added.stdout)![1];
    expect(added.stdout).toContain('when: churn, npsBand detractor');
    // The webhook's secret path is never printed.
    expect(added.stdout).toContain('then: case (owner Léa), webhook slack hooks.slack.com; at most once per customer in 7d');
    expect(added.stdout).not.toContain('secret');

    const tested = await run('rules', 'test', id, '--lang', 'en');
    expect(tested.status).toBe(0);
    expect(tested.stdout).toMatch(/^Rule "Détracteur qui part" matched 1 of 2 customer messages \(until .* UTC\); 1 would have raised an alert \(at most one per customer in 7d\)\.\n/);
    expect(tested.stdout).toMatch(/2026-01-05 00:00 UTC {2}survey {2}C1 {2}message \d+\n {2}why: churn intent, NPS detractor \(2\)\n {2}"Je vais résilier/);
    const byFile = JSON.parse((await run('rules', 'test', 'rule.json', '--since', '2026-01-06', '--format', 'json')).stdout);
    expect(byFile).toMatchObject({ matched: 0, scanned: 1 });
    // Testing wrote nothing.
    expect((await run('alerts')).stdout).toBe('No alerts in workspace "w".\n');

    const fired = await run('ingest', 'feb.csv');
    expect(fired.status).toBe(0);
    expect(fired.stdout).toContain('analysed 1 new messages\nraised 1 alert (see `ecoute alerts`)\n');
    const alerts = await run('alerts', 'list');
    expect(alerts.status).toBe(0);
    expect(alerts.stdout).toMatch(new RegExp(`^[0-9a-f-]{36} {2}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC {2}rule {2}${id} v1\\n {2}Alerte : Détracteur qui part — C3\\n {2}Pourquoi : intention de départ, NPS détracteur \\(1\\)\\.`));
    const alertId = alerts.stdout.slice(0, 36);
    const json = JSON.parse((await run('alerts', '--format', 'json')).stdout);
    expect(json).toMatchObject([{ id: alertId, ruleId: id, acknowledged: false, payload: { link: expect.stringMatching(/^https:\/\/ecoute\.example\/#\/customer\/c_[a-z2-7]{16}$/) } }]);
    expect((await run('alerts', 'ack', alertId)).stdout).toBe(`Alert ${alertId} marked as seen.\n`);
    expect((await run('alerts', '--unacknowledged')).stdout).toBe('No alerts in workspace "w".\n');

    const updated = await run('rules', 'update', id, '--json', JSON.stringify({ ...RULE, name: 'Départ', actions: [] }), '--actor', 'léa');
    expect(updated.stdout).toMatch(new RegExp(`^Updated rule ${id}: now version 2\\.\\n${id} {2}v2 {2}Départ\\n {2}when: churn, npsBand detractor\\n {2}then: alert only;`));
    expect((await run('rules', 'show', id)).stdout).toMatch(/versions: v2 .* by léa; v1 .* by cli\n$/);

    expect((await run('rules', 'remove', id)).stdout).toBe(`Removed rule ${id} ("Départ"); its alerts are kept.\n`);
    expect((await run('rules', 'list')).stdout).toMatch(/^No rules/);
    expect((await run('rules', 'list', '--all')).stdout).toContain(`${id}  v2  Départ  (removed)`);
    expect((await run('alerts')).stdout).toContain(alertId);
  }, 300_000);

  it('rejects bad rules and bad usage with the fix', async () => {
    const invalid = await run('rules', 'add', '--json', '{"name": "x", "conditions": {"emotion": "angry"}}');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/^ecoute rules: The rule is invalid: conditions\.emotion: unknown emotion "angry": known emotions are anger, /);
    const broken = await run('rules', 'add', 'broken.json');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/Rule file broken\.json is not valid JSON/);
    expect((await run('rules', 'add', 'missing.json')).stderr).toMatch(/Rule file not found or unreadable: missing\.json/);
    expect((await run('rules', 'remove', 'rule-nope')).stderr).toMatch(/Rule "rule-nope" was not found\. List rules with `ecoute rules list`/);
    expect((await run('rules', 'test', 'rule-nope')).status).toBe(1);
    expect((await run('alerts', 'ack', 'nope')).stderr).toMatch(/Alert "nope" was not found/);
    for (const args of [['rules'], ['rules', 'frobnicate'], ['rules', 'remove'], ['rules', 'test', 'rule.json', '--limit', '0'], ['rules', 'test', 'rule.json', '--since', 'yesterday'], ['alerts', 'ack'], ['alerts', '--format', 'xml']]) {
      const r = await run(...args);
      expect(r.status, args.join(' ')).toBe(2);
    }
    expect((await run('rules', 'test', 'rule.json', '--since', 'yesterday')).stderr).toMatch(/--since "yesterday" is not a date\. Use YYYY-MM-DD/);
  }, 300_000);
});
