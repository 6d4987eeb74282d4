import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/ingest/parse-date.ts';
import { parseScore } from '../../src/ingest/parse-score.ts';
import { normalizeChannel, normalizeRole, parseAmount } from '../../src/ingest/normalize-values.ts';

describe('value parsing', () => {
  it.each([
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['2024-03-05 14:30', '2024-03-05T14:30:00.000Z'],
    ['2024-03-05T14:30:15.250Z', '2024-03-05T14:30:15.250Z'],
    ['2024-03-05T14:30:00+01:00', '2024-03-05T13:30:00.000Z'],
    ['05/03/2024', '2024-03-05T00:00:00.000Z'],
    ['05/03/2024 14h30', '2024-03-05T14:30:00.000Z'],
    ['03/25/2024', '2024-03-25T00:00:00.000Z'],
    ['03/05/2024 02:30:00 PM', '2024-03-05T14:30:00.000Z'],
    ['1709649000', '2024-03-05T14:30:00.000Z'],
  ])('parses the date %j', (input, iso) => {
    expect(parseDate(input)?.toISOString()).toBe(iso);
  });

  it('honours dateFormat and rejects impossible dates', () => {
    expect(parseDate('03/05/2024', 'MM/DD/YYYY')?.toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseDate('2024-13-01')).toBeNull();
    expect(parseDate('demain')).toBeNull();
  });

  it('reads scores and explains bad ones', () => {
    expect(parseScore('9', 'nps')).toEqual({ ok: true, score: 9 });
    expect(parseScore(' 4,5 ', 'csat')).toEqual({ ok: true, score: 4.5 });
    expect(parseScore('8/10', 'nps')).toEqual({ ok: true, score: 8 });
    expect(parseScore('', 'nps')).toEqual({ ok: true, score: null });
    expect(parseScore('6', 'csat')).toMatchObject({ ok: false, reason: expect.stringMatching(/outside 1–5/) });
    expect(parseScore('7.5', 'nps')).toMatchObject({ ok: false, reason: expect.stringMatching(/whole number/) });
    expect(parseScore('8', 'ces')).toMatchObject({ ok: false });
  });

  it('normalises channels, roles and amounts', () => {
    expect(['E-mail', 'Appel entrant', 'Messenger', 'Twitter', 'Web'].map(normalizeChannel)).toEqual(['email', 'call', 'chat', 'social', 'ticket']);
    expect(normalizeChannel('pigeon')).toBeNull();
    expect(['end-user', 'Conseillère', 'bot', 'inconnu'].map(normalizeRole)).toEqual(['customer', 'agent', 'system', null]);
    expect(['12 500,50', '12,500.50', '1.200,00 €', '', 'n/a'].map(parseAmount)).toEqual([12500.5, 12500.5, 1200, null, null]);
  });

  it('lets a survey word win over the medium it was sent by ("Enquête e-mail" is a survey)', () => {
    const values = ['Enquête e-mail', 'Enquete_email', 'E-mail survey', 'Questionnaire web', 'Sondage téléphone', 'NPS e-mail', 'SMS CSAT', 'csat'];
    expect(values.map(normalizeChannel)).toEqual(values.map(() => 'survey'));
    // The medium alone still maps to the medium, and a short survey word inside another word does not count.
    expect(['e-mail', 'Mail entrant', 'Téléphone', 'snps-mail'].map(normalizeChannel)).toEqual(['email', 'email', 'call', 'email']);
  });
});
