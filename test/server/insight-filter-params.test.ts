import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import { parseInsightFilter } from '../../src/server/insight-filter-params.ts';

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
