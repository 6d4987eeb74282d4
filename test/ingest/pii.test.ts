import { describe, expect, it } from 'vitest';
import { luhnValid } from '../../src/ingest/pii/card.ts';
import { ibanChecksumValid } from '../../src/ingest/pii/iban.ts';
import { nirKeyValid } from '../../src/ingest/pii/nir.ts';
import { pseudonymizeCustomerId, redactPii } from '../../src/ingest/pii/redact.ts';
import { ibanFor, nirWithKey, withLuhn } from './helpers.ts';

describe('PII redaction', () => {
  const iban = ibanFor('FR', '30006000011234567890189');
  const card = withLuhn('497010123456789');
  const nir = nirWithKey('1850578006084');

  it('self-checks the fixture builders', () => {
    expect(ibanChecksumValid(iban)).toBe(true);
    expect(luhnValid(card)).toBe(true);
    expect(nirKeyValid(nir.slice(0, 13), nir.slice(13))).toBe(true);
  });

  it.each([
    ['e-mail', 'Contact : jean-marc.dupont+sav@mail.example.fr merci', 'Contact : [EMAIL] merci'],
    ['FR phone spaces', 'Appelez le 06 12 34 56 78.', 'Appelez le [PHONE].'],
    ['FR phone dots', 'tel 01.23.45.67.89', 'tel [PHONE]'],
    ['FR phone compact', 'tel 0612345678', 'tel [PHONE]'],
    ['FR international', 'au +33 6 12 34 56 78 ou +33 (0)1 23 45 67 89 ou 0033 6 12 34 56 78', 'au [PHONE] ou [PHONE] ou [PHONE]'],
    ['international', 'UK +44 20 7946 0958, US +1 (415) 555-2671', 'UK [PHONE], US [PHONE]'],
  ])('redacts %s', (_name, input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  it('redacts IBANs (compact and grouped) only when mod-97 passes, without eating the next word', () => {
    const grouped = iban.replace(/(.{4})/g, '$1 ').trim();
    expect(redactPii(`IBAN ${iban} svp`)).toBe('IBAN [IBAN] svp');
    expect(redactPii(`IBAN : ${grouped} MERCI`)).toBe('IBAN : [IBAN] MERCI');
    const wrong = iban.slice(0, -1) + ((Number(iban.slice(-1)) + 1) % 10);
    expect(redactPii(`IBAN ${wrong}`)).toBe(`IBAN ${wrong}`);
  });

  it('redacts Luhn-valid cards, grouped or not, and keeps a 16-digit number failing Luhn', () => {
    const grouped = card.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(redactPii(`carte ${card}`)).toBe('carte [CARD]');
    expect(redactPii(`carte ${grouped} exp 12/27`)).toBe('carte [CARD] exp 12/27');
    const bad = card.slice(0, -1) + ((Number(card.slice(-1)) + 1) % 10);
    expect(luhnValid(bad)).toBe(false);
    expect(redactPii(`réf ${bad}`)).toBe(`réf ${bad}`);
  });

  it('redacts a NIR with a valid key (grouped or compact, Corsica too) and keeps one with a wrong key', () => {
    const grouped = `${nir[0]} ${nir.slice(1, 3)} ${nir.slice(3, 5)} ${nir.slice(5, 7)} ${nir.slice(7, 10)} ${nir.slice(10, 13)} ${nir.slice(13)}`;
    expect(redactPii(`sécu ${nir}`)).toBe('sécu [NIR]');
    expect(redactPii(`sécu ${grouped}`)).toBe('sécu [NIR]');
    expect(redactPii(`né en Corse ${nirWithKey('269022A045123')}`)).toBe('né en Corse [NIR]');
    const wrong = nir.slice(0, 13) + String((Number(nir.slice(13)) % 96) + 1).padStart(2, '0');
    expect(wrong).not.toBe(nir);
    expect(redactPii(`sécu ${wrong}`)).toBe(`sécu ${wrong}`);
  });

  it.each([
    'commande n° 123456789',
    'commande n°1234567890123',
    'colis 6A12345678901 et LA123456789FR, UPS 1Z999AA10123456784',
    'le 12/03/2024 à 14:30, le 2024-03-12',
    'montant 1 234,56 € ou 1234.56 EUR, 12 500 €',
    'code 4521, réf 20240312, ticket #98765',
    'version 2.14.3 build 20240312',
  ])('does not redact the near-miss %j', (text) => {
    expect(redactPii(text)).toBe(text);
  });

  it('pseudonymises e-mail customer ids stably and leaves other ids alone', () => {
    const a = pseudonymizeCustomerId('Lea@Example.com');
    expect(a).toMatch(/^cust-[0-9a-f]{12}$/);
    expect(pseudonymizeCustomerId('lea@example.com')).toBe(a);
    expect(pseudonymizeCustomerId('C-10042')).toBe('C-10042');
  });
});
