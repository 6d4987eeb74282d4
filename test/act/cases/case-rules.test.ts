import { describe, expect, it } from 'vitest';
import { caseBrief } from '../../../src/act/cases/case-brief.ts';
import { caseDueAt, caseTargetsOf, DEFAULT_CASE_TARGETS } from '../../../src/act/cases/case-due.ts';
import { isOverdue, moveCase, NEXT_STATUSES, parseCaseStatus } from '../../../src/act/cases/case-transitions.ts';
import { CASE_STATUSES } from '../../../src/core/act.ts';
import type { Analysis } from '../../../src/core/analysis.ts';
import { InputError } from '../../../src/core/errors.ts';
import { aCase, T } from './case-fixtures.ts';

const HOUR = 3_600_000;

describe('case due time', () => {
  it('follows the urgency targets: high 4 h, medium 2 days, low 7 days, none = medium', () => {
    expect(caseDueAt('high', T, DEFAULT_CASE_TARGETS)).toEqual(new Date(T.getTime() + 4 * HOUR));
    expect(caseDueAt('medium', T, DEFAULT_CASE_TARGETS)).toEqual(new Date(T.getTime() + 48 * HOUR));
    expect(caseDueAt('low', T, DEFAULT_CASE_TARGETS)).toEqual(new Date(T.getTime() + 168 * HOUR));
    expect(caseDueAt(null, T, DEFAULT_CASE_TARGETS)).toEqual(new Date(T.getTime() + 48 * HOUR));
  });

  it('reads workspace targets in hours, keeping defaults for the ones not set', () => {
    expect(caseTargetsOf({ high: 1.5 })).toEqual({ ...DEFAULT_CASE_TARGETS, high: 1.5 * HOUR });
    expect(caseTargetsOf(undefined)).toEqual(DEFAULT_CASE_TARGETS);
  });
});

describe('case transitions', () => {
  it('walks open → in progress → waiting → resolved → closed, setting first response, resolved and closed times', () => {
    let c = aCase();
    const at = (h: number) => new Date(T.getTime() + h * HOUR);
    const steps = [['in_progress', 1], ['waiting_customer', 2], ['resolved', 3], ['closed', 5]] as const;
    for (const [to, h] of steps) {
      const m = moveCase(c, to, 'Léa', at(h));
      c = { ...c, status: m.status, firstResponseAt: m.firstResponseAt ? new Date(m.firstResponseAt) : null,
        resolvedAt: m.resolvedAt ? new Date(m.resolvedAt) : null, closedAt: m.closedAt ? new Date(m.closedAt) : null, reopenCount: m.reopenCount };
    }
    expect(c).toMatchObject({ status: 'closed', firstResponseAt: at(1), resolvedAt: at(3), closedAt: at(5), reopenCount: 0 });
  });

  it('a rule moving a case is not a response; closing straight from open also resolves it', () => {
    expect(moveCase(aCase(), 'in_progress', 'rule', T).firstResponseAt).toBeNull();
    expect(moveCase(aCase(), 'closed', 'Léa', T)).toMatchObject({ resolvedAt: T.getTime(), closedAt: T.getTime(), firstResponseAt: T.getTime() });
  });

  it('reopening goes back to open, counts it and clears the close times', () => {
    const closed = aCase({ status: 'closed', resolvedAt: T, closedAt: T, firstResponseAt: T, reopenCount: 1 });
    expect(moveCase(closed, 'open', 'Léa', T)).toEqual({ status: 'open', firstResponseAt: T.getTime(), resolvedAt: null, closedAt: null, reopenCount: 2, reopened: true });
  });

  it('refuses other moves with an InputError naming the allowed next statuses', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const allowed = NEXT_STATUSES[from].includes(to);
        const attempt = () => moveCase(aCase({ status: from }), to, 'Léa', T);
        if (allowed) expect(attempt).not.toThrow();
        else expect(attempt).toThrow(InputError);
      }
    }
    expect(() => moveCase(aCase({ status: 'closed' }), 'in_progress', 'x', T)).toThrow('From "closed" it can move to: open.');
  });

  it('parses statuses written by people and names the valid ones otherwise', () => {
    expect(parseCaseStatus('In progress')).toBe('in_progress');
    expect(parseCaseStatus('waiting-customer')).toBe('waiting_customer');
    expect(() => parseCaseStatus('done')).toThrow(/open, in_progress, waiting_customer, resolved, closed/);
  });

  it('is overdue only past due and while not resolved or closed', () => {
    const due = new Date(T.getTime() - HOUR);
    expect(isOverdue(aCase({ dueAt: due }), T)).toBe(true);
    expect(isOverdue(aCase({ dueAt: due, status: 'resolved' }), T)).toBe(false);
    expect(isOverdue(aCase({ dueAt: new Date(T.getTime() + HOUR) }), T)).toBe(false);
    expect(isOverdue(aCase(), T)).toBe(false);
  });
});

describe('what to say', () => {
  const analysis: Analysis = {
    language: 'fr', sentiment: { label: 'negative', score: -0.8 },
    emotions: [{ label: 'anxiety', score: 0.9, evidence: 'inquiet' }], needs: [{ label: 'reassurance', score: 0.8, evidence: null }],
    themes: [{ label: 'delay', score: 0.9, evidence: null }], stage: null,
    signals: { churnIntent: false, urgency: 'high', vulnerable: false, repeatContact: false }, reason: 'le colis a dix jours de retard',
  };

  it('names the emotion, need, reason and urgency, and gives steps in French and in English', () => {
    const fr = caseBrief(analysis, 'fr');
    expect(fr).toMatchObject({ emotion: { code: 'anxiety', name: 'Inquiétude' }, need: { code: 'reassurance', name: 'Réassurance' }, urgency: { name: 'Haute' } });
    expect(fr.steps[0]).toMatch(/^Rassurez d'abord/);
    expect(fr.steps[1]).toBe('Reprenez la raison qu\'elle donne : « le colis a dix jours de retard ».');
    expect(fr.steps.at(-1)).toMatch(/prochaine étape/);
    const en = caseBrief(analysis, 'en');
    expect(en.emotion?.name).toBe('Anxiety');
    expect(en.steps).toEqual([
      'Reassure first: say you have taken ownership and what will happen next.',
      'Restate the reason they gave: "le colis a dix jours de retard".',
      'Say what is guaranteed and what will not happen to them.',
      'End with your name, the next step and when they will hear from you.',
    ]);
  });

  it('still guides the owner when the message was never analysed', () => {
    expect(caseBrief(null, 'en')).toMatchObject({ emotion: null, need: null, reason: null });
    expect(caseBrief(null, 'fr').steps[0]).toMatch(/pas encore été analysé/);
  });
});
