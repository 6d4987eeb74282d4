import { describe, expect, it } from 'vitest';
import { findPii, redactPii } from '../../src/ingest/pii/redact.ts';
import { runDetectors } from '../../src/ingest/pii/pipeline.ts';
import type { Detector } from '../../src/ingest/pii/span.ts';

describe('PII redaction: national phone formats', () => {
  it.each([
    ['UK mobile', 'Call me on 07700 900123 tonight', 'Call me on [PHONE] tonight'],
    ['UK London', 'Office: 020 7946 0958.', 'Office: [PHONE].'],
    ['UK bracketed', 'ring (020) 7946 0321 please', 'ring [PHONE] please'],
    ['UK compact', 'text 07700900123', 'text [PHONE]'],
    ['UK geographic', 'my work number 0161 496 0123', 'my work number [PHONE]'],
    ['US brackets', 'call (555) 123-4567 now', 'call [PHONE] now'],
    ['US dashes', 'or 555-123-4567.', 'or [PHONE].'],
    ['US dots', 'cell 555.234.5678', 'cell [PHONE]'],
    ['US toll-free', 'dial 1-800-555-0199', 'dial [PHONE]'],
    ['Québec +1', 'Montréal : +1 514 555 0199', 'Montréal : [PHONE]'],
    ['Belgium intl', 'gsm +32 470 12 34 56', 'gsm [PHONE]'],
    ['Belgium mobile', 'mon portable 0470 12 34 56', 'mon portable [PHONE]'],
    ['Belgium landline', 'fixe 02 512 34 56', 'fixe [PHONE]'],
    ['Switzerland intl', 'natel +41 79 123 45 67', 'natel [PHONE]'],
    ['Switzerland national', 'appelez le 079 123 45 67', 'appelez le [PHONE]'],
    ['Morocco', 'au Maroc +212 6 12 34 56 78', 'au Maroc [PHONE]'],
    ['Senegal', 'Dakar +221 77 123 45 67', 'Dakar [PHONE]'],
    ['Luxembourg cued', 'tél au Luxembourg : 621 123 456', 'tél au Luxembourg : [PHONE]'],
    ['Tunisia cued', 'mon numéro est le 98 123 456', 'mon numéro est le [PHONE]'],
  ])('redacts %s', (_name, input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });
});

describe('PII redaction: reference words do not hide a phone the customer gives', () => {
  it.each([
    ['Le numéro associé à mon compte : 06 12 34 56 78', 'Le numéro associé à mon compte : [PHONE]'],
    ['just in case: 07700 900123', 'just in case: [PHONE]'],
    ['le bon numéro est 0470 12 34 56', 'le bon numéro est [PHONE]'],
    ['pour la commande, rappelez-moi au 079 123 45 67', 'pour la commande, rappelez-moi au [PHONE]'],
  ])('%j', (input, expected) => expect(redactPii(input)).toBe(expected));

  it.each(['compte n° 0612345678', 'case number 555-123-4567', 'N° de commande : 06 12 34 56 78', 'order no. (555) 123-4567'])(
    'but a number named as a record stays: %j',
    (text) => expect(redactPii(text)).toBe(text),
  );
});

describe('PII redaction: obfuscated e-mails', () => {
  it.each([
    ['jean [at] gmail [dot] com', '[EMAIL]'],
    ['écrivez à jean at gmail dot com svp', 'écrivez à [EMAIL] svp'],
    ['jean(at)gmail(dot)com.', '[EMAIL].'],
    ['mail : jean arobase gmail point com', 'mail : [EMAIL]'],
    ['Email: jean @ gmail . com', 'Email: [EMAIL]'],
    ['marie dot curie at example dot fr', '[EMAIL]'],
    ['paul [at] mail [dot] example [dot] co [dot] uk', '[EMAIL]'],
    ['reply to ethan.brown at example.com please', 'reply to [EMAIL] please'],
  ])('redacts %j', (input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each(['I am at amazon.com every day', 'look at the point de vente', 'meet me at noon, dot the i', 'je suis at home. Com'])(
    'leaves the prose %j',
    (text) => expect(redactPii(text)).toBe(text),
  );
});

describe('PII redaction: postal addresses', () => {
  it.each([
    ['FR street + city', "J'habite au 12 rue des Lilas, 75011 Paris depuis 2019.", "J'habite au [ADDRESS] depuis 2019."],
    ['FR bis', 'au 3 bis avenue Jean Jaurès merci', 'au [ADDRESS] merci'],
    ['FR bd', 'livrez au 5 bd Voltaire.', 'livrez au [ADDRESS].'],
    ['FR allée lowercase', 'au 8 allée des pins depuis mars', 'au [ADDRESS] depuis mars'],
    ['FR chemin', '47 chemin des Vignes, 84000 Avignon', '[ADDRESS]'],
    ['FR impasse', '14 impasse Beau Soleil, 69003 Lyon', '[ADDRESS]'],
    ['FR place', 'au 2 place de la République', 'au [ADDRESS]'],
    ['FR quai', '7 quai des Orfèvres', '[ADDRESS]'],
    ['FR route', '120 route de Lyon, 38000 Grenoble', '[ADDRESS]'],
    ['FR date street', '6 rue du 8 Mai 1945, 59000 Lille', '[ADDRESS]'],
    ['BE name first', 'Rue de la Loi 16, 1000 Bruxelles.', '[ADDRESS].'],
    ['BE chaussée', 'Chaussée de Waterloo 123, 1180 Uccle', '[ADDRESS]'],
    ['CH German', 'Bahnhofstrasse 10, 8001 Zürich', '[ADDRESS]'],
    ['CH French', '22 avenue de la Gare, 1003 Lausanne', '[ADDRESS]'],
    ['UK Baker Street', 'Deliver to 221B Baker Street please', 'Deliver to [ADDRESS] please'],
    ['UK postcode', 'at 10 Downing St, London SW1A 2AA today', 'at [ADDRESS] today'],
    ['US', 'send it to 1600 Pennsylvania Ave NW, Washington, DC 20500.', 'send it to [ADDRESS].'],
    ['US ordinal', "I'm at 401 W 42nd St, New York, NY 10036 weekdays", "I'm at [ADDRESS] weekdays"],
    ['Canada', '1234 Rue Sainte-Catherine O, Montréal, QC H3B 1A7', '[ADDRESS]'],
  ])('redacts %s', (_name, input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each([
    "J'ai réservé 2 places de concert",
    "J'ai 2 cours de yoga par semaine",
    'Code postal 75011 : vous ne livrez pas ce secteur ?',
    'Postcode SW1A 1AA is not in your delivery area?',
    'a 5 hour drive, 240 kms drive',
    'Rue principale fermée depuis lundi',
    'rue des Érables vers 13h : un poteau brisé',
    'the Daily Mail Group 7, 27 others',
    'I bought 3 Park passes',
  ])('leaves %j', (text) => expect(redactPii(text)).toBe(text));

  it('keeps the sentence after an address and a phone written right after it', () => {
    expect(redactPii('Adresse : 14 rue Pasteur à Villeurbanne, tél 06 12 34 56 78')).toBe('Adresse : [ADDRESS] à Villeurbanne, tél [PHONE]');
    expect(redactPii('6 Rose Walk, Oxford OX2 6QF, 01865 960444')).toBe('[ADDRESS], [PHONE]');
  });
});

describe('PII redaction: dates of birth', () => {
  it.each([
    ['né le 12/03/1984', 'né le [DOB]'],
    ['Née le 3 mars 1975, cliente fidèle', 'Née le [DOB], cliente fidèle'],
    ['née le 1er avril 1988', 'née le [DOB]'],
    ['date de naissance : 12.03.1984', 'date de naissance : [DOB]'],
    ['DDN 02/02/1962', 'DDN [DOB]'],
    ['DOB 03/12/1984', 'DOB [DOB]'],
    ['my DOB (11/11/1981) again', 'my DOB ([DOB]) again'],
    ['born on 12 March 1984', 'born on [DOB]'],
    ['born on the 3rd of May 2009', 'born on the [DOB]'],
    ['Born July 4, 1976, retired', 'Born [DOB], retired'],
    ['date of birth: 1984-03-12', 'date of birth: [DOB]'],
  ])('redacts %j', (input, expected) => {
    expect(redactPii(input)).toBe(expected);
  });

  it.each(['livré le 12/03', 'le 12/03/2024 à 14:30', 'delivered on 12 March 2024', 'Mes enfants sont nés en 2010 et 2013', 'NE 30 juillet, encore un bon déjeuner'])(
    'leaves the ordinary date %j',
    (text) => expect(redactPii(text)).toBe(text),
  );
});

describe('PII redaction: look-alikes stay', () => {
  it.each([
    'commande 123456789',
    'Commande n° 2024031200458 livrée incomplète',
    'order #BC-448120',
    'Order SM-77120394 arrived damaged',
    'ticket 555-123-4567 fermé',
    'ref 0470 12 34 56',
    'numéro de suivi : 0612345678',
    'Le numéro de commande est 0612345678',
    'Dossier n° 0471 23 45 67',
    'Tracking number 1Z999AA10123456784',
    'colis 6A12345678901 et LA123456789FR',
    'montant 1 840,00 € ou 12 500 €',
    'We paid $1,840.00, then £1,299',
    'à 14:30, at 07:45, 14:05:32',
    'en 2023, since 2012',
    'SIRET 732 829 320 00074',
    'SIREN 552 100 554',
    'IMEI 356938035643809 is blocked',
    'version 2.14.3, build 2024.03.12',
    'vol AF 1234, flight BA0304, UA 917',
    'Serial number 4571-2290-1187',
    'DPCI 030-02-8711',
    'PayPal case ID is PP-006-234-348-863',
    'frames 1044 998 999 1000',
  ])('%j', (text) => expect(redactPii(text)).toBe(text));
});

describe('redaction spans', () => {
  it('reports each redacted span in original offsets, in order', () => {
    const text = 'Né le 12/03/1984, joignable au 06 12 34 56 78 ou jean [at] exemple [dot] fr, 12 rue des Lilas, 75011 Paris.';
    const spans = findPii(text).map((s) => [s.kind, text.slice(s.start, s.end)]);
    expect(spans).toEqual([
      ['DOB', '12/03/1984'],
      ['PHONE', '06 12 34 56 78'],
      ['EMAIL', 'jean [at] exemple [dot] fr'],
      ['ADDRESS', '12 rue des Lilas, 75011 Paris'],
    ]);
    expect(redactPii(text)).toBe('Né le [DOB], joignable au [PHONE] ou [EMAIL], [ADDRESS].');
  });

  it('lets a later detector absorb an earlier placeholder, keeping one span over the whole original', () => {
    const digits: Detector = { kind: 'PHONE', find: (t) => [...t.matchAll(/\d+/g)].map((m) => [m.index!, m.index! + m[0].length] as const) };
    const wide: Detector = { kind: 'ADDRESS', find: (t) => (t.startsWith('at ') ? [[3, t.length] as const] : []) };
    const r = runDetectors('at 12 Elm', [digits, wide]);
    expect(r.text).toBe('at [ADDRESS]');
    expect(r.spans).toEqual([{ kind: 'ADDRESS', start: 3, end: 9 }]);
  });
});
