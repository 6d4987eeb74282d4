import { describe, expect, it } from 'vitest';
import { PRACTICE_SCALE, QUESTIONS } from '../../src/learn/maturity/question-bank.ts';
import { localizeQuestionnaire, renderQuestionnaire } from '../../src/learn/maturity/render-questionnaire.ts';
import { DIMENSIONS, FRAMEWORKS, SOURCES } from '../../src/learn/maturity/sources.ts';

describe('question bank', () => {
  it('has 24–32 questions with unique, kebab-case ids, at least three per dimension', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(24);
    expect(QUESTIONS.length).toBeLessThanOrEqual(32);
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) expect(q.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
    for (const d of DIMENSIONS) expect(QUESTIONS.filter((q) => q.dimension === d).length).toBeGreaterThanOrEqual(3);
  });

  it('cites a source for every question and draws on every framework', () => {
    for (const q of QUESTIONS) expect(q.source).toBe(SOURCES[q.framework]);
    expect(new Set(QUESTIONS.map((q) => q.framework))).toEqual(new Set(FRAMEWORKS));
  });

  it('asks every question in both languages, each written differently, ending with a question mark', () => {
    for (const q of QUESTIONS) {
      expect(q.text.fr).not.toBe(q.text.en);
      expect(q.text.fr).toMatch(/ \?$/); // French spacing before "?"
      expect(q.text.en).toMatch(/[^ ]\?$/);
    }
    expect(PRACTICE_SCALE.map((s) => s.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('localizes the questionnaire and prints a template with every id', () => {
    const en = localizeQuestionnaire('en');
    expect(en.questions[0]).toMatchObject({ id: 'listen-channels', dimensionName: 'Listen', scale: [{ value: 1, label: 'Not at all' }, {}, {}, {}, {}] });
    expect(localizeQuestionnaire('fr').questions[0].dimensionName).toBe('Écouter');
    const text = renderQuestionnaire('fr', 'text');
    expect(text).toContain('[people-hiring] Évaluons-nous l’empathie');
    expect(text).toContain('Source : Denise Lee Yohn');
    const template = JSON.parse(text.slice(text.indexOf('{'))) as { answers: Record<string, number> };
    expect(Object.keys(template.answers)).toEqual(QUESTIONS.map((q) => q.id));
    expect(renderQuestionnaire('en', 'md')).toMatch(/^# Customer experience maturity self-assessment — 30 questions\n/);
  });
});
