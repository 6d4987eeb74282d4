import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/learn/maturity/question-bank.ts';
import { B_SINCE_A, FIXTURE_A, FIXTURE_A_SCORES, FIXTURE_B, FIXTURE_B_SCORES } from '../learn/maturity-fixtures.ts';

const bin = fileURLToPath(new URL('../../bin/ecoute.js', import.meta.url));

describe('ecoute assess', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoute-assess-'));
  const db = `sqlite:${join(dir, 'assess.db')}`;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, 'assess', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: db, ECOUTE_WORKSPACE: 'acme' } });
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const history = () => JSON.parse(run('--history', '--format', 'json').stdout) as { assessments: { stage: string; scores: { overall: number } }[] };

  it('prints the questionnaire in French (the workspace default) and in English, with sources', () => {
    const fr = run('--questions');
    expect(fr.status).toBe(0);
    expect(fr.stdout).toContain('[listen-channels] Les messages de nos clients');
    expect(fr.stdout).toContain('5 — Systématiquement, partout, et nous le mesurons');
    const en = JSON.parse(run('--questions', '--lang', 'en', '--format', 'json').stdout) as { questions: { id: string; text: string; source: string }[] };
    expect(en.questions.map((q) => q.id)).toEqual(QUESTIONS.map((q) => q.id));
    expect(en.questions.find((q) => q.id === 'leadership-pay')).toMatchObject({ text: 'Does part of everyone’s pay depend on customer outcomes such as loyalty?', source: expect.stringContaining('Harvard Business Review') });
  });

  it('refuses bad answers files with exit 1, naming the problem and the fix, and stores nothing', () => {
    const cases: [string, unknown, RegExp][] = [
      ['range.json', { answers: { ...FIXTURE_A, 'act-alerts': 7 } }, /Question "act-alerts" has the answer 7.*Change it to 1, 2, 3, 4 or 5/],
      ['unknown.json', { answers: { ...FIXTURE_A, 'act-speed': 3 } }, /Unknown question id "act-speed"/],
      ['shape.json', FIXTURE_A, /field "answers": .*Expected \{"answers"/],
      ['broken.json', '{"answers": {', /is not valid JSON.*Fix it and run again/],
    ];
    for (const [name, content, message] of cases) {
      const r = run('--answers', file(name, content));
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toMatch(message);
    }
    const missing = run('--answers', join(dir, 'nope.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Answers file not found or unreadable: .*nope\.json\. Check the path given to --answers/);
    expect(history().assessments).toEqual([]);
  });

  it('rejects usage errors with exit 2', () => {
    expect(run().status).toBe(2);
    expect(run('--questions', '--history').stderr).toMatch(/exactly one of --questions, --answers FILE or --history/);
    expect(run('--questions', '--lang', 'de').stderr).toMatch(/--lang must be fr or en/);
    expect(run('--bogus').status).toBe(2);
  });

  it('scores, stores and compares: A, then B with the change since A and evidence cited', () => {
    const a = run('--answers', file('a.json', { answers: FIXTURE_A }), '--format', 'json');
    expect(a.status, a.stderr).toBe(0);
    const va = JSON.parse(a.stdout) as { stage: string; overall: number; dimensions: { dimension: string; score: number; change: number | null }[]; change: { previousAt: string | null }; recommendations: { dimension: string }[] };
    expect(va.stage).toBe(FIXTURE_A_SCORES.stage);
    expect(va.overall).toBe(FIXTURE_A_SCORES.overall);
    expect(Object.fromEntries(va.dimensions.map((d) => [d.dimension, d.score]))).toEqual(FIXTURE_A_SCORES.dimensions);
    expect(va.change.previousAt).toBeNull();
    expect(va.recommendations.map((r) => r.dimension)).toEqual(['leadership', 'listen', 'people']);

    const b = run('--answers', file('b.json', { answers: FIXTURE_B, evidence: { listeningReadersLastMonth: 14 } }), '--lang', 'en');
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/Stage on the maturity curve: Engagement \(overall 69\/100, \+25 since \d{4}-\d{2}-\d{2}\)/);
    for (const [dimension, delta] of Object.entries(B_SINCE_A)) expect(b.stdout).toMatch(new RegExp(`\\n${{ listen: 'Listen', understand: 'Understand and predict', act: 'Act', learn: 'Learn', strategy: 'Strategy and design', leadership: 'Leadership and culture', people: 'Hiring and training', systems: 'Systems, processes and technology' }[dimension]} +\\d+ +${delta > 0 ? `\\+${delta}` : '0'}\\n`));
    expect(b.stdout).toContain('Listening station readers last month: 14.');
    expect(b.stdout).toContain('NPS: unknown (not measured here');

    const h = history().assessments;
    expect(h.map((x) => [x.stage, x.scores.overall])).toEqual([[FIXTURE_B_SCORES.stage, 69], ['interaction', 44]]);
    expect(run('--history', '--lang', 'en').stdout).toMatch(/^#2 .* Engagement +69\/100\n#1 .* Interaction +44\/100\n$/);
  });
});
