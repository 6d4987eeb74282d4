import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import { FilteredInsightsCache } from '../../src/server/filtered-insights-cache.ts';
import { parseInsightFilter } from '../../src/server/insight-filter-params.ts';
import type { Insights } from '../../src/insights/types.ts';

/** The UsageError a query is refused with. */
function refusal(query: Record<string, string>): UsageError {
  try {
    parseInsightFilter(query);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return err as UsageError;
  }
  throw new Error(`accepted: ${JSON.stringify(query)}`);
}

describe('parseInsightFilter', () => {
  it('accepts every filter, and treats empty values as no filter', () => {
    expect(parseInsightFilter({})).toEqual({});
    expect(parseInsightFilter({ period: '', team: '' })).toEqual({});
    expect(parseInsightFilter({ period: '30d', team: 'Facturation', segment: 'PME', channel: 'email', brand: 'Azur', language: 'fr' }))
      .toEqual({ period: '30d', team: 'Facturation', segment: 'PME', channel: 'email', brand: 'Azur', language: 'fr' });
    expect(parseInsightFilter({ from: '2026-10-01', to: '2026-10-31' })).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(parseInsightFilter({ from: '2026-10-01', to: '2026-10-01' })).toEqual({ from: '2026-10-01', to: '2026-10-01' });
  });

  it('names the parameter and the allowed values of a bad preset, channel or unknown parameter', () => {
    const period = refusal({ period: '2w' });
    expect(period.message).toMatch(/"period".*"2w".*7d, 30d, 90d, this_quarter, last_quarter/);
    expect(period.details).toMatchObject({ parameter: 'period' });
    expect(refusal({ channel: 'fax' }).message).toMatch(/"channel".*"fax".*ticket, email, chat/);
    const unknown = refusal({ teams: 'Billing' });
    expect(unknown.message).toMatch(/Unknown query parameter "teams".*period, from, to, team, segment, channel, brand, language/);
  });

  it('refuses malformed or impossible dates, a reversed range, and a preset mixed with a range', () => {
    expect(refusal({ from: '01/10/2026' }).message).toMatch(/"from" must be a date as YYYY-MM-DD/);
    expect(refusal({ to: '2026-02-31' }).message).toMatch(/"to" must be a date as YYYY-MM-DD.*2026-02-31/);
    expect(refusal({ from: '2026-11-01', to: '2026-10-01' }).message).toMatch(/"to" \(2026-10-01\) is before "from" \(2026-11-01\)/);
    expect(refusal({ period: '7d', from: '2026-10-01' }).message).toMatch(/"period" and "from"\/"to" cannot be combined/);
  });

  it('refuses a language that is not an ISO code and an overlong team', () => {
    expect(refusal({ language: 'French' }).message).toMatch(/"language" must be a lowercase ISO 639 code/);
    expect(refusal({ team: 'x'.repeat(201) }).message).toMatch(/"team" is too long \(201 characters\)\. Use at most 200/);
  });
});

describe('FilteredInsightsCache', () => {
  const fake = (n: number) => Promise.resolve({ version: n } as unknown as Insights);

  it('keeps the last 16 filters, least recently used dropped first, and forgets them on new data', async () => {
    const cache = new FilteredInsightsCache();
    let computed = 0;
    const compute = () => fake(++computed);
    for (let i = 0; i < 16; i++) await cache.get(1, { team: `t${i}` }, compute);
    expect(computed).toBe(16);
    await cache.get(1, { team: 't0' }, compute); // hit, and now the most recent
    expect(computed).toBe(16);
    await cache.get(1, { team: 't16' }, compute); // evicts t1, the least recently used
    expect(cache.keys()).toHaveLength(16);
    expect(cache.keys()).toContain('team=t0');
    expect(cache.keys()).not.toContain('team=t1');
    await cache.get(2, { team: 't0' }, compute); // new data version
    expect(computed).toBe(18);
    expect(cache.keys()).toEqual(['team=t0']);
  });

  it('shares one computation between concurrent requests and does not keep a failure', async () => {
    const cache = new FilteredInsightsCache();
    let calls = 0;
    const failing = () => { calls++; return Promise.reject(new Error('boom')); };
    const [a, b] = [cache.get(1, { team: 'x' }, failing), cache.get(1, { team: 'x' }, failing)];
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
    expect(calls).toBe(1);
    expect(cache.keys()).toEqual([]);
  });
});
