import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import type { AtRiskReport } from '../../src/insights/types.ts';
import { computeValueModel } from '../../src/learn/value/compute-value.ts';
import { DEFAULT_ASSUMPTIONS, VALUE_KEYS, parseOverrides } from '../../src/learn/value/value-assumptions.ts';
import { workspaceValueInputs } from '../../src/learn/value/value-inputs.ts';
import { valueModelFromFacts } from '../../src/learn/value/value-from-facts.ts';
import { valueText } from '../../src/learn/value/value-render.ts';
import { message, survey } from '../insights/fixtures.ts';

const atRisk = (count: number, valueAtRisk: number): AtRiskReport => ({ threshold: 50, count, valueAtRisk, currency: 'EUR', highValueFrom: null, customers: [] });

describe('value model', () => {
  it('computes each line by hand, from workspace figures and documented defaults', () => {
    const m = computeValueModel({ customers: 1000, averageCustomerValue: 500, valueAtRisk: 40_000, contactsPerCustomer: 3, repeatContactShare: 0.2, detractorShare: 0.3 }, {}, 'EUR');
    const line = (id: string) => m.lines.find((l) => l.id === id)!;
    // 40 000 × 0.3 × 0.25 = 3 000
    expect(line('revenueKept')).toMatchObject({ amount: 3000, formula: 'valueAtRisk × churnRateAtRisk × saveRate', computation: '40000 × 0.3 × 0.25' });
    // 1000 × 3 × 0.2 × 0.2 × 8.01 = 961.2
    expect(line('repeatContactsAvoided').amount).toBe(961.2);
    // 1000 × min(0.05, 0.3) × 500 × 1.4 = 35 000
    expect(line('promoterGap').amount).toBe(35_000);
    expect(m.total).toBe(38_961.2);
    // Revenue defaults to 1000 × 500; benchmark 500 000 × 0.8 ÷ 3 = 133 333.33, beside the total, not in it.
    expect(m.benchmark.amount).toBe(133_333.33);
    const origin = Object.fromEntries(m.assumptions.map((a) => [a.key, a.origin]));
    expect(origin).toMatchObject({ customers: 'workspace', saveRate: 'default', costPerContact: 'default', annualRevenue: 'default' });
    expect(m.assumptions.map((a) => a.key)).toEqual([...VALUE_KEYS]);
    for (const a of m.assumptions) {
      expect(a.source.fr.length).toBeGreaterThan(10);
      expect(a.source.en.length).toBeGreaterThan(10);
    }
    expect(DEFAULT_ASSUMPTIONS.benchmarkGainPerRevenue.source.en).toMatch(/Temkin Group, “ROI of Customer Experience, 2015”.*\$1 billion.*\$800 million/);
    expect(DEFAULT_ASSUMPTIONS.promoterSpendPremium.source.en).toMatch(/Harvard Business Review, August 2014.*140%/);
  });

  it('lets the user override any figure, caps the NPS shift at the detractors there are', () => {
    const m = computeValueModel({ customers: 1000, averageCustomerValue: 500, detractorShare: 0.02 }, { saveRate: 0.5, valueAtRisk: 10_000, annualRevenue: 1e9 }, 'EUR');
    expect(m.lines[0].amount).toBe(1500);
    // min(0.05, 0.02) → 1000 × 0.02 × 500 × 1.4 = 14 000
    expect(m.lines[2].amount).toBe(14_000);
    expect(m.assumptions.find((a) => a.key === 'saveRate')).toMatchObject({ value: 0.5, origin: 'user' });
    // Temkin: 1 G$ revenue → 800 M over three years → 266.7 M a year.
    expect(m.benchmark.amount).toBe(266_666_666.67);
    expect(m.notes.some((n) => n.en.includes('capped at the detractor share'))).toBe(true);
  });

  it('rejects unknown keys, non-numbers, negatives and shares above 1', () => {
    expect(parseOverrides(['saveRate=0.3', 'costPerContact=4.5,customers=12000'])).toEqual({ saveRate: 0.3, costPerContact: 4.5, customers: 12000 });
    expect(() => parseOverrides(['margin=0.3'])).toThrow(UsageError);
    expect(() => parseOverrides(['margin=0.3'])).toThrow(/Unknown assumption "margin"\. Use any of: customers, /);
    expect(() => parseOverrides(['customers=-5'])).toThrow(/needs a number of 0 or more, not "-5"/);
    expect(() => parseOverrides(['customers=lots'])).toThrow(/needs a number of 0 or more/);
    expect(() => parseOverrides(['saveRate=30'])).toThrow(/share from 0 to 1, not 30 \(write 0.25 for 25 %\)/);
  });

  it('reads the workspace figures from its facts', () => {
    const day = (d: number) => new Date(Date.UTC(2026, 8, 1 + d, 10));
    // Two customers over 60 days: x has 3 contacts (days 0, 3, 40: the first is followed within 7 days), y has 1.
    const msgs = [
      message({ conversationId: 'x1', customerId: 'x', customerValue: 1000, at: day(0) }),
      message({ conversationId: 'x2', customerId: 'x', customerValue: 1000, at: day(3) }),
      message({ conversationId: 'x3', customerId: 'x', customerValue: 1000, at: day(40) }),
      message({ conversationId: 'y1', customerId: 'y', customerValue: 3000, at: day(60) }),
    ];
    const inputs = workspaceValueInputs(msgs, [survey('nps', 3), survey('nps', 9), survey('nps', 10), survey('nps', 6)], atRisk(1, 3000));
    // 4 contacts ÷ 2 customers × 365 ÷ 60 days = 12.17; recontact 1 of 4; detractors 2 of 4.
    expect(inputs).toEqual({ customers: 2, averageCustomerValue: 2000, valueAtRisk: 3000, contactsPerCustomer: 12.17, repeatContactShare: 0.25, detractorShare: 0.5 });
    const text = valueText(valueModelFromFacts(msgs, [], { currency: 'EUR' }, {}), 'fr');
    expect(text).toContain('Revenu conservé chez les clients à risque');
    expect(text).toContain('customers = 2 [espace]');
  });
});
