/**
 * Kinds, channels and headers of a new user's own exports, read with no mapping file: ticket exports
 * stay tickets, channel values in French and English land in the closed set, customer numbers and
 * NPS questions are recognised, and unmapped columns are named. Made-up data, written inline.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { classifyExport } from '../../src/ingest/export-kind.ts';
import { detectColumns } from '../../src/ingest/header-aliases.ts';
import { describeIgnored, ignoredColumns } from '../../src/ingest/import-schema.ts';
import { normalizeChannel } from '../../src/ingest/normalize-values.ts';
import { ingestBytes } from './helpers.ts';

describe('ticket exports are tickets', () => {
  it('a Zendesk CSV with a satisfaction column and no "Via" stays tickets', async () => {
    const csv = [
      'Id,Subject,Description,Status,Priority,Requester,Requester email,Assignee,Group,Created at,Satisfaction Score',
      '101,Colis,Mon colis est en retard,solved,normal,Paul,paul@example.com,Sophie,Support,2026-10-01 09:00,bad',
      '102,Facture,Facture en double,open,high,Anne,anne@example.com,Marc,Billing,2026-10-02 10:00,good',
    ].join('\n');
    const r = await ingestBytes('zendesk-export.csv', csv);
    expect(r.rejected).toEqual([]);
    expect(r.conversations.map((c) => c.channel)).toEqual(['ticket', 'ticket']);
    expect(r.conversations[0].surveys).toEqual([expect.objectContaining({ kind: 'csat', score: 1 })]);
    expect(r.schema).toMatchObject({ kind: 'tickets', channel: 'ticket', vendor: 'Zendesk' });
  });

  it('an Intercom conversations export with a "Conversation rating" is not reviews', () => {
    const headers = ['Conversation ID', 'Created at', 'Conversation rating', 'Conversation rating remark', 'Admin assignee'];
    expect(classifyExport(headers, detectColumns(headers))).toMatchObject({ kind: 'tickets', defaultChannel: 'ticket', vendor: 'Intercom' });
  });

  it('a Freshdesk export with a CSAT column is tickets', () => {
    const headers = ['Ticket ID', 'Subject', 'Description', 'Status', 'Priority', 'Agent', 'Created time', 'Customer satisfaction'];
    expect(classifyExport(headers, detectColumns(headers)).kind).toBe('tickets');
  });

  it('a Trustpilot export stays reviews and a bare NPS file stays a survey', () => {
    const tp = ['Review Created (UTC)', 'Review Stars', 'Review Title', 'Review Content', 'Reviewer name', 'Status', 'Tags'];
    expect(classifyExport(tp, detectColumns(tp)).kind).toBe('reviews');
    const nps = ['Response ID', 'Date', 'How likely are you to recommend us?', 'Why?'];
    expect(classifyExport(nps, detectColumns(nps))).toMatchObject({ kind: 'survey responses', defaultChannel: 'survey' });
  });
});

describe('channel values', () => {
  it.each([
    ['E-mail', 'email'], ['Mail', 'email'], ['Courriel', 'email'], ['Téléphone', 'call'], ['Phone', 'call'],
    ['Appel', 'call'], ['Chat', 'chat'], ['Messenger', 'chat'], ['WhatsApp', 'chat'], ['Avis', 'review'],
    ['Review', 'review'], ['Twitter', 'social'], ['Facebook', 'social'], ['Formulaire', 'ticket'], ['Web form', 'ticket'],
    ['Formulaire web', 'ticket'], ['Voice', 'call'], ['Messaging', 'chat'], ['Closed Ticket', 'ticket'], ['Avis Google', 'review'],
  ])('%s → %s', (value, channel) => {
    expect(normalizeChannel(value)).toBe(channel);
  });
});

describe('header spellings', () => {
  it.each(['N° client', 'Numéro client', 'Customer ID', 'Client ID', 'Numéro adhérent', 'Member number', 'N° de client', 'Réf. client'])(
    'customer id: %s',
    (h) => {
      expect(detectColumns(['Date', h, 'Commentaire']).customerId).toBe(1);
    },
  );

  it.each([
    'note_nps', 'NPS (0-10)', 'Note de recommandation', 'Recommandation', 'Likelihood to recommend',
    'How likely are you to recommend Acme to a friend or colleague…', 'Score NPS', 'Quelle est la probabilité que vous recommandiez notre marque ?',
  ])('nps: %s', (h) => {
    expect(detectColumns(['Date', h, 'Commentaire']).nps).toBe(1);
  });

  it('a comment about the score is text, not the score', () => {
    expect(detectColumns(['Note NPS', 'Commentaire NPS'])).toMatchObject({ nps: 0, text: 1 });
    expect(detectColumns(['Pourquoi cette note de recommandation ?', 'NPS'])).toMatchObject({ text: 0, nps: 1 });
  });
});

describe('a French CRM NPS export in Windows-1252', () => {
  const csv = [
    'N° client;Date;Canal;NPS (0-10);Verbatim;Agence;Panier moyen (€)',
    'C-001;02/10/2026;Téléphone;3;Très déçu, personne ne rappelle;Lyon;45,90',
    'C-002;03/10/2026;Courriel;9;Livraison rapide, merci;Nantes;120,00',
  ].join('\r\n');
  const bytes = iconv.encode(csv, 'win1252');

  it('reads customer, channel and NPS, and names the ignored columns', async () => {
    const r = await ingestBytes('export_crm.csv', bytes);
    expect(r.rejected).toEqual([]);
    expect(r.conversations.map((c) => [c.customer?.externalId, c.channel, c.surveys[0]?.score])).toEqual([
      ['C-001', 'call', 3],
      ['C-002', 'email', 9],
    ]);
    expect(r.schema).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(ignoredColumns(r.schema!)).toEqual(['Agence', 'Panier moyen (€)']);
    expect(describeIgnored(ignoredColumns(r.schema!))).toBe('ignored columns: Agence, Panier moyen (€) — map them with --map');
  });

  it('a JSON export names its ignored keys too', async () => {
    const json = JSON.stringify([{ id: 'r1', date: '2026-10-01', text: 'Super', store_code: 'PAR-12', basket: 30 }]);
    const r = await ingestBytes('avis.json', json);
    expect(ignoredColumns(r.schema!)).toEqual(['store_code', 'basket']);
  });
});

describe('labelled scale ends', () => {
  it('reads "10 - Extremely likely" and "0 – Pas du tout probable" as NPS answers', async () => {
    const csv = 'Response ID,Recorded Date,How likely are you to recommend us?\nR1,2026-10-01,10 - Extremely likely\nR2,2026-10-02,0 – Pas du tout probable\n';
    const r = await ingestBytes('qualtrics.csv', csv);
    expect(r.rejected).toEqual([]);
    expect(r.conversations.map((c) => c.surveys[0]?.score)).toEqual([10, 0]);
  });
});
