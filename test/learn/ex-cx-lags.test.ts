import { describe, expect, it } from 'vitest';
import type { EmployeeFact } from '../../src/core/facts.ts';
import { attributeTeams } from '../../src/insights/last-touch.ts';
import { computeExCxLags, warningFor, withinTeam } from '../../src/learn/ex-cx/ex-cx-lags.ts';
import { fisherInterval } from '../../src/insights/stats/fisher-interval.ts';
import { exCxLagsFromFacts } from '../../src/learn/ex-cx/lags-from-facts.ts';
import { exCxLagSection } from '../../src/learn/ex-cx/lag-section.ts';
import { addMonths, buildExCxPanel, monthOf, type ExCxPanel, type PanelCell } from '../../src/learn/ex-cx/panel.ts';
import { message, survey } from '../insights/fixtures.ts';

/** A panel cell with only engagement (EX) and CSAT (CX) set. */
function cell(team: string, month: string, engagement: number | null, csat: number | null): PanelCell {
  return {
    team, month,
    ex: { enps: null, engagement }, exN: { enps: 0, engagement: engagement === null ? 0 : 5 },
    cx: { nps: null, csat, negativeShare: null, replyEmpathy: null, recontactRate: null },
    cxN: { nps: 0, csat: csat === null ? 0 : 10, negativeShare: 0, replyEmpathy: 0, recontactRate: 0 },
  };
}

const emp = (team: string, period: string, enps: number, items: Record<string, number> = {}): EmployeeFact =>
  ({ team, period, enps, items, at: new Date('2026-10-15T00:00:00Z') });

describe('EX ↔ CX over time', () => {
  it('computes the Fisher-z interval by hand', () => {
    // atanh(0.5) = 0.549306, se = 1/√25 = 0.2, ±1.96·0.2 → tanh(0.157313) = 0.156028, tanh(0.941299) = 0.735818
    const ci = fisherInterval(0.5, 28)!;
    expect(ci.low).toBeCloseTo(0.156028, 5);
    expect(ci.high).toBeCloseTo(0.735818, 5);
    expect(fisherInterval(0.5, 3)).toBeNull();
    expect(fisherInterval(1, 10)).toEqual({ low: 1, high: 1 });
  });

  it('separates change over time from standing differences between teams (within-team r), by hand', () => {
    // A: x 1,2,3 / y 10,20,30; B: x 11,12,13 / y 5,6,4. Pooled, B's high x and low y make r = −0.715.
    // Centred on each team: dx −1,0,1,−1,0,1; dy −10,0,10,0,1,−1 → Sxy = 19, Sxx = 4, Syy = 202 → r = 19/√808 = 0.668;
    // interval on 6 − 1 = 5 pairs: atanh(0.668) ± 1.96/√2 → [−0.521, 0.975].
    const x = [1, 2, 3, 11, 12, 13];
    const y = [10, 20, 30, 5, 6, 4];
    const teams = ['A', 'A', 'A', 'B', 'B', 'B'];
    const w = withinTeam(x, y, teams)!;
    expect(w.r).toBeCloseTo(0.66842, 4);
    expect(w.ci!.low).toBeCloseTo(-0.52123, 4);
    expect(w.ci!.high).toBeCloseTo(0.97544, 4);
    // One team alone, or teams of one pair each, have no within-team change to correlate.
    expect(withinTeam([1, 2, 3], [3, 2, 1], ['A', 'A', 'A'])).toBeNull();
    expect(withinTeam([1, 2, 3], [3, 2, 1], ['A', 'B', 'C'])).toBeNull();
    const panel: ExCxPanel = { cells: x.map((v, i) => cell(teams[i], addMonths('2026-01', i % 3), v, y[i])) };
    expect(computeExCxLags(panel).correlations.find((c) => c.ex === 'engagement' && c.cx === 'csat' && c.lag === 0))
      .toMatchObject({ n: 6, r: -0.715, withinR: 0.668, withinCi: { low: -0.521, high: 0.975 } });
  });

  it('moves months across years and reads the month of a period label or a date', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthOf('2026-09', new Date('2020-01-01'))).toBe('2026-09');
    expect(monthOf('2026-Q4', new Date('2026-10-15T00:00:00Z'))).toBe('2026-10');
  });

  it('pairs EX of month m with CX of month m + lag within one team, by hand', () => {
    // Team A: engagement 1, 2, 3 in Jan–Mar; CSAT 10, 10, 20, 30 in Jan–Apr.
    // lag 0: (1,10) (2,10) (3,20): dx −1,0,1; dy −10/3,−10/3,20/3 → Sxy = 10, Sxx = 2, Syy = 200/3 → r = 10/√(400/3) = √3/2 = 0.866
    // lag 1: (1,10) (2,20) (3,30) → r = 1. lag 2: (1,20) (2,30) → 2 pairs, no r.
    // Team B's cells are far in time and never pair with team A's.
    const panel: ExCxPanel = {
      cells: [
        cell('A', '2026-01', 1, 10), cell('A', '2026-02', 2, 10), cell('A', '2026-03', 3, 20), cell('A', '2026-04', null, 30),
        cell('B', '2026-01', 5, null), cell('B', '2026-08', null, 99),
      ],
    };
    const report = computeExCxLags(panel, 3);
    const at = (lag: number) => report.correlations.find((c) => c.ex === 'engagement' && c.cx === 'csat' && c.lag === lag)!;
    expect(at(0)).toMatchObject({ n: 3, teams: 1, periods: 3, r: 0.866, r2: 0.75, ci: null, excludesZero: false, tooFew: true });
    expect(at(1)).toMatchObject({ n: 3, r: 1, r2: 1, tooFew: true });
    expect(at(2)).toMatchObject({ n: 2, r: null, r2: null });
    expect(at(3)).toMatchObject({ n: 1, r: null });
    // Every EX × CX pair at lags 0..3.
    expect(report.correlations).toHaveLength(2 * 5 * 4);
    expect(report.correlations.find((c) => c.ex === 'enps')).toMatchObject({ n: 0, r: null });
    expect(report).toMatchObject({ teams: 2, exPeriods: 3, cxPeriods: 5, cells: 3 }); // B has both sides, months apart
    expect(report.warning!.en).toContain('2 teams with both employee and customer data (at least 5 needed)');
    expect(report.warning!.en).toContain('5 months of customer data (at least 6 needed)');
    expect(report.warning!.en).toContain('at most 3 team-month pairs');
    expect(report.warning!.fr).toContain('Trop peu de données pour conclure');
  });

  it('drops the warning once 5 teams and 6 months give 10 pairs, and flags the thin lags', () => {
    // 5 teams × 8 months, CSAT = 10 × engagement of the month before plus a team-specific offset.
    const cells: PanelCell[] = [];
    for (let t = 0; t < 5; t++) {
      for (let m = 0; m < 8; m++) {
        const month = addMonths('2026-01', m);
        const eng = 2 + ((t * 3 + m * 7) % 5) / 2;
        const prev = 2 + ((t * 3 + (m - 1) * 7) % 5 + 5) % 5 / 2;
        cells.push(cell(`T${t}`, month, eng, 40 + 10 * prev + t));
      }
    }
    const report = computeExCxLags({ cells });
    expect(report.warning).toBeNull();
    const lag1 = report.correlations.find((c) => c.ex === 'engagement' && c.cx === 'csat' && c.lag === 1)!;
    expect(lag1).toMatchObject({ n: 35, teams: 5, periods: 7, tooFew: false, excludesZero: true });
    expect(lag1.r!).toBeGreaterThan(0.95);
    expect(lag1.ci!.low).toBeGreaterThan(0.9);
    expect(lag1.r2!).toBeCloseTo(lag1.r! ** 2, 2);
    // At lag 3 only 5 CX months remain: too few periods for this row.
    expect(report.correlations.find((c) => c.ex === 'engagement' && c.cx === 'csat' && c.lag === 3)).toMatchObject({ n: 25, periods: 5, tooFew: true });
  });

  it('builds team-month cells from facts, leaving thin cells empty', () => {
    const employees = [
      emp('A', '2026-09', 10, { x: 4 }), emp('A', '2026-09', 9, { x: 5 }), emp('A', '2026-09', 3, { x: 1 }), emp('A', '2026-09', 8, { x: 3 }),
      emp('A', '2026-10', 10, { x: 5 }), // one answer: no October figure
    ];
    const at = new Date('2026-09-20T10:00:00Z');
    const surveys = [5, 5, 4, 2, 1].map((s) => survey('csat', s, { team: 'A', at }));
    const messages = [
      ...Array.from({ length: 5 }, (_, i) => message({ team: 'A', at, role: 'agent', text: i < 2 ? 'Je comprends votre frustration, je m\'en occupe.' : 'Veuillez patienter.', a: null })),
      ...Array.from({ length: 4 }, () => message({ team: 'A', at, a: { emotions: ['anger'] } })),
      message({ team: 'A', at, a: { emotions: ['joy'] } }),
    ];
    const panel = buildExCxPanel({ employees, surveys: attributeTeams(surveys, []), messages });
    const sep = panel.cells.find((c) => c.month === '2026-09')!;
    // eNPS: 2 promoters (10, 9), 1 detractor (3) of 4 → 25; engagement (4+5+1+3)/4 = 3.25
    expect(sep.ex).toEqual({ enps: 25, engagement: 3.25 });
    // CSAT 3 of 5 satisfied = 60 %; 4 of 5 customer messages angry = 80 %; 2 of 5 replies empathic = 40 %
    expect(sep.cx).toMatchObject({ csat: 60, negativeShare: 80, replyEmpathy: 40, nps: null });
    expect(sep.cxN).toMatchObject({ csat: 5, negativeShare: 5, replyEmpathy: 5, nps: 0 });
    expect(panel.cells.find((c) => c.month === '2026-10')!.ex).toEqual({ enps: null, engagement: null });
  });

  it('reads own-brand facts only: a competitor\'s answers never count for a team', () => {
    const employees = [emp('A', '2026-10', 8, { x: 4 }), emp('A', '2026-10', 9, { x: 4 }), emp('A', '2026-10', 5, { x: 2 })];
    const at = new Date('2026-10-20T10:00:00Z');
    const rival = [5, 5, 4, 2, 1].map((s) => survey('csat', s, { team: 'A', at, brand: 'RivalCo' }));
    expect(exCxLagsFromFacts({ employees, surveys: rival, messages: [], brand: 'Nous' })).toMatchObject({ exPeriods: 1, cxPeriods: 0, cells: 0 });
    const own = [5, 5, 4, 2, 1].map((s) => survey('csat', s, { team: 'A', at, brand: 'Nous' }));
    expect(exCxLagsFromFacts({ employees, surveys: [...rival, ...own], messages: [], brand: 'Nous' })).toMatchObject({ exPeriods: 1, cxPeriods: 1, cells: 1 });
  });

  it('renders the warning, a lag table with intervals and the anchors with their sources', () => {
    const report = computeExCxLags({ cells: [cell('A', '2026-01', 1, 10), cell('A', '2026-02', 2, 10), cell('A', '2026-03', 3, 20), cell('A', '2026-04', null, 30)] });
    const fr = exCxLagSection(report, 'fr');
    expect(fr.paragraphs[0]).toMatch(/^⚠ Trop peu de données pour conclure/);
    expect(fr.tables[0].rows).toHaveLength(1);
    expect(fr.tables[0].rows[0][0]).toBe('Engagement (1–5) → CSAT');
    expect(fr.tables[0].rows[0][1]).toBe('0,87 — (n=3)');
    const en = exCxLagSection(report, 'en');
    expect(en.tables[1].rows.map((r) => r[1])).toContain('meta-analysis');
    expect(en.tables[1].rows.map((r) => r[1])).toContain('claim');
    expect(String(en.tables[1].rows[0][2])).toContain('Gallup');
    expect(warningFor(5, 6, 10)).toBeNull();
  });
});
