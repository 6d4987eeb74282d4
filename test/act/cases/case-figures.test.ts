import { describe, expect, it } from 'vitest';
import { caseFigures, MIN_CASES } from '../../../src/act/cases/case-figures.ts';
import type { RootCause } from '../../../src/core/act.ts';
import { aCase, aMessage, HOUR, T } from './case-fixtures.ts';

const at = (h: number) => new Date(T.getTime() + h * HOUR);
const NOW = at(100);
const delay: RootCause = { id: 'rc-delay', workspaceId: 'w', key: 'delay', title: 'Retard', owner: 'Ops', status: 'open', createdAt: T, updatedAt: T };

describe('case figures', () => {
  it('medians, overdue share and reopen rate, with their counts', () => {
    const cases = [
      // first response 1 h, closed after 10 h, due at 4 h: closed late (resolved at 10 h).
      aCase({ id: 'a', team: 'Paris', firstResponseAt: at(1), resolvedAt: at(10), closedAt: at(10), dueAt: at(4), status: 'closed' }),
      // first response 2 h, closed at 20 h, on time (due 48 h), reopened once.
      aCase({ id: 'b', team: 'Paris', firstResponseAt: at(2), resolvedAt: at(20), closedAt: at(20), dueAt: at(48), status: 'closed', reopenCount: 1 }),
      // first response 3 h, closed at 30 h, on time.
      aCase({ id: 'c', team: 'Paris', firstResponseAt: at(3), resolvedAt: at(30), closedAt: at(30), dueAt: at(48), status: 'closed' }),
      // still open, past due (due 4 h, now 100 h): overdue; never answered.
      aCase({ id: 'd', team: 'Lyon', dueAt: at(4) }),
    ];
    const { overall, byTeam, minCases } = caseFigures({ cases, rootCauses: [], facts: [], now: NOW });
    expect(minCases).toBe(MIN_CASES);
    expect(overall).toMatchObject({
      cases: 4, open: 1,
      firstResponse: { medianMs: 2 * HOUR, n: 3 },
      timeToClose: { medianMs: 20 * HOUR, n: 3 },
      overdue: { share: 0.5, overdue: 2, n: 4 },
      reopen: { rate: 1 / 3, reopened: 1, n: 3 },
      recovery: null,
    });
    expect(byTeam.map((t) => t.team)).toEqual(['Lyon', 'Paris']);
    // Lyon has one case: too few for any figure.
    expect(byTeam[0].figures).toMatchObject({ cases: 1, open: 1, firstResponse: null, timeToClose: null, overdue: null, reopen: null });
    expect(byTeam[1].figures.timeToClose).toEqual({ medianMs: 20 * HOUR, n: 3 });
  });

  it('recovery: next sentiment after a closed case against comparable customers without one, per root cause', () => {
    const cases = ['k1', 'k2', 'k3'].map((customerId, i) =>
      aCase({ id: `case-${customerId}`, customerId, status: 'closed', closedAt: at(10), resolvedAt: at(10), rootCauseId: delay.id, createdAt: at(i) }));
    const facts = [
      // Customers with a case: angry before, then 0.6 on average after the close.
      ...['k1', 'k2', 'k3'].map((c) => aMessage(c, 0, -0.8)),
      aMessage('k1', 20, 0.5), aMessage('k2', 30, 0.6), aMessage('k3', 40, 0.7),
      aMessage('k3', 5, -0.9), // before the close: not the "next" one
      // Comparable customers: a negative message, no case, then −0.2 on average.
      ...['n1', 'n2', 'n3', 'n4'].map((c) => aMessage(c, 0, -0.7)),
      aMessage('n1', 20, -0.4), aMessage('n2', 20, 0), aMessage('n3', 20, -0.2),
      // n4 never wrote again; p1 was never negative: neither counts.
      aMessage('p1', 0, 0.5), aMessage('p1', 20, 0.9),
      // An agent message is not the customer's next word.
      aMessage('n1', 1, 0.9, { role: 'agent' }),
    ];
    const { overall, byRootCause } = caseFigures({ cases, rootCauses: [delay], facts, now: NOW });
    expect(overall.recovery).toMatchObject({ nWith: 3, nWithout: 3 });
    expect(overall.recovery!.withCase).toBeCloseTo(0.6);
    expect(overall.recovery!.without).toBeCloseTo(-0.2);
    expect(overall.recovery!.lift).toBeCloseTo(0.8);
    expect(byRootCause).toHaveLength(1);
    expect(byRootCause[0]).toMatchObject({ rootCauseId: 'rc-delay', key: 'delay', title: 'Retard' });
    expect(byRootCause[0].figures.recovery!.lift).toBeCloseTo(0.8);
    // A root cause whose theme no comparable customer mentions has no baseline: null, not a made-up figure.
    const other = { ...delay, id: 'rc-other', key: 'billing' };
    const again = caseFigures({ cases: cases.map((c) => ({ ...c, rootCauseId: 'rc-other' })), rootCauses: [other], facts, now: NOW });
    expect(again.byRootCause[0].figures.recovery).toBeNull();
  });

  it('gives empty figures for no cases', () => {
    const { overall, byTeam, byRootCause } = caseFigures({ cases: [], rootCauses: [delay], facts: [], now: NOW });
    expect(overall).toEqual({ cases: 0, open: 0, firstResponse: null, timeToClose: null, overdue: null, reopen: null, recovery: null });
    expect(byTeam).toEqual([]);
    expect(byRootCause[0].figures.cases).toBe(0);
  });
});
