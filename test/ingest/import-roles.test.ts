/**
 * Roles: an agent turn must never be analysed as a customer message, whatever field or value the
 * export uses to say who wrote it. Made-up exports, written inline.
 */
import { describe, expect, it } from 'vitest';
import { inferRole, roleFromCell, roleFromValue, roleInAuthor } from '../../src/ingest/author-role.ts';
import { ingestBytes } from './helpers.ts';

const rolesOf = (c: { messages: { role: string }[] }): string[] => c.messages.map((m) => m.role);

describe('role values', () => {
  it.each([
    ['agent', 'agent'], ['Admin', 'agent'], ['operator', 'agent'], ['Support', 'agent'], ['staff', 'agent'],
    ['company', 'agent'], ['Conseiller', 'agent'], ['Conseillère', 'agent'], ['Agent support', 'agent'],
    ['Customer Support', 'agent'], ['bot', 'system'], ['Système', 'system'], ['system', 'system'],
    ['customer', 'customer'], ['Client', 'customer'], ['user', 'customer'], ['end-user', 'customer'],
    ['requester', 'customer'], ['visitor', 'customer'], ['contact', 'customer'], ['inbound', 'customer'],
    ['outbound', 'agent'],
  ])('%s → %s', (value, role) => {
    expect(roleFromValue(value)).toBe(role);
  });

  it('reads boolean columns by their header', () => {
    expect(roleFromCell('inbound', 'true')).toBe('customer');
    expect(roleFromCell('inbound', 'false')).toBe('agent');
    expect(roleFromCell('is_agent', 'true')).toBe('agent');
    expect(roleFromCell('is_agent', '0')).toBe('customer');
    expect(roleFromCell('direction', 'Outbound')).toBe('agent');
  });

  it('tells a role in an author cell from a person', () => {
    expect(roleInAuthor('agent')).toBe('agent');
    expect(roleInAuthor('Marie (conseillère)')).toBe('agent');
    expect(roleInAuthor('[Bot] Léa')).toBe('system');
    expect(roleInAuthor('Paul Durand')).toBeNull();
    expect(inferRole('Sophie', { agents: new Set(['sophie']), customer: new Set() })).toBe('agent');
    expect(inferRole('Paul', { agents: new Set(['sophie']), customer: new Set(['paul']) })).toBe('customer');
  });
});

describe('roles in real-shaped exports', () => {
  it('a chat JSONL whose "author" field says agent/customer', async () => {
    const jsonl = [
      { conversation_id: 'ch-1', author: 'customer', text: 'Bonjour, ma commande est bloquée', timestamp: '2026-10-01T09:00:00Z' },
      { conversation_id: 'ch-1', author: 'agent', text: 'Je regarde tout de suite, désolée pour le retard', timestamp: '2026-10-01T09:01:00Z' },
      { conversation_id: 'ch-1', author: 'bot', text: 'Conversation transférée', timestamp: '2026-10-01T09:00:30Z' },
    ].map((o) => JSON.stringify(o)).join('\n');
    const r = await ingestBytes('chat.jsonl', jsonl);
    expect(r.rejected).toEqual([]);
    expect(rolesOf(r.conversations[0])).toEqual(['customer', 'system', 'agent']);
    // "agent" is a role, not somebody's name.
    expect(r.conversations[0].messages[2].author).toBeUndefined();
  });

  it.each([
    ['sender', 'Client', 'Conseiller'],
    ['from', 'user', 'operator'],
    ['role', 'end-user', 'Agent support'],
    ['author_type', 'visitor', 'admin'],
    ['direction', 'inbound', 'outbound'],
    ['inbound', 'true', 'false'],
    ['is_agent', 'false', 'true'],
    ['type', 'requester', 'staff'],
  ])('a flat CSV whose "%s" column says %s / %s', async (header, customer, agent) => {
    const csv = `ticket_id,created_at,${header},message\nT1,2026-10-01 09:00,${customer},Colis jamais reçu\nT1,2026-10-01 10:00,${agent},Nous ouvrons une enquête\n`;
    const r = await ingestBytes('export.csv', csv);
    expect(r.rejected).toEqual([]);
    expect(rolesOf(r.conversations[0])).toEqual(['customer', 'agent']);
  });

  it('a row whose author is named in the agent column is an agent turn, even in another ticket', async () => {
    const csv = [
      'Conversation ID;Date;Auteur;Agent;Message',
      'A1;01/10/2026 09:00;Paul Martin;Sophie Leroy;Mon abonnement a été débité deux fois',
      'A1;01/10/2026 09:30;Sophie Leroy;Sophie Leroy;Je vous rembourse aujourd’hui',
      'A2;02/10/2026 11:00;Julie Bernard;;Où est mon colis ?',
      'A2;02/10/2026 11:20;Sophie Leroy;;Il arrive demain',
    ].join('\n');
    const r = await ingestBytes('crm.csv', csv);
    expect(r.conversations.map(rolesOf)).toEqual([['customer', 'agent'], ['customer', 'agent']]);
  });

  it('a JSON thread with Intercom-style author objects and a named assignee', async () => {
    const json = JSON.stringify([{
      id: 'conv-9', created_at: '2026-10-03T08:00:00Z', assignee: 'Marc',
      messages: [
        { author: { type: 'user', name: 'Anne' }, body: 'Impossible de me connecter', created_at: '2026-10-03T08:00:00Z' },
        { author: { type: 'admin', name: 'Marc' }, body: 'Je réinitialise votre accès', created_at: '2026-10-03T08:05:00Z' },
        { author: { name: 'Marc' }, body: 'C’est fait', created_at: '2026-10-03T08:06:00Z' },
      ],
    }]);
    const r = await ingestBytes('intercom.json', json);
    expect(r.rejected).toEqual([]);
    expect(rolesOf(r.conversations[0])).toEqual(['customer', 'agent', 'agent']);
  });
});

describe('roles in call transcripts', () => {
  it('speaker labels that carry a role ("Agent Marie", "Paul (client)") are read, whoever speaks first', async () => {
    const txt = [
      'Paul (client): Bonjour, ma box ne marche plus depuis hier',
      'Agent Marie: Je suis désolée, je lance un diagnostic',
      'Paul (client): Merci',
    ].join('\n');
    const r = await ingestBytes('appel-42.txt', txt);
    expect(r.rejected).toEqual([]);
    expect(rolesOf(r.conversations[0])).toEqual(['customer', 'agent', 'customer']);
  });
});

describe('roles in an mbox', () => {
  const mail = (from: string, id: string, date: string, body: string, reply?: string): string => [
    `From ${from.replace(/.*</, '').replace('>', '')} ${date}`,
    `From: ${from}`,
    'To: someone@example.org',
    `Subject: ${reply ? 'Re: ' : ''}Votre commande 4417`,
    `Message-ID: <${id}@example.org>`,
    ...(reply ? [`In-Reply-To: <${reply}@example.org>`, `References: <${reply}@example.org>`] : []),
    `Date: ${date}`,
    '',
    body,
    '',
  ].join('\n');

  it('a thread the company opened: the customer is whoever is not a company mailbox', async () => {
    const mbox = [
      mail('"Acme Service client" <sav@acme.example>', 'm1', 'Mon, 05 Oct 2026 09:00:00 +0000', 'Votre commande a été expédiée.'),
      mail('Julie Petit <julie.petit@example.org>', 'm2', 'Mon, 05 Oct 2026 12:00:00 +0000', 'Le colis est arrivé abîmé.', 'm1'),
      mail('Marc <marc@acme.example>', 'm3', 'Mon, 05 Oct 2026 14:00:00 +0000', 'Nous vous renvoyons un article.', 'm2'),
      mail('<no-reply@acme.example>', 'm4', 'Mon, 05 Oct 2026 14:05:00 +0000', 'Votre demande a été mise à jour.', 'm3'),
    ].join('\n');
    const r = await ingestBytes('sav.mbox', mbox);
    expect(r.rejected).toEqual([]);
    expect(r.conversations).toHaveLength(1);
    expect(rolesOf(r.conversations[0])).toEqual(['agent', 'customer', 'agent', 'system']);
  });
});

describe('an agent column filled only on agent rows', () => {
  it('names who wrote each row of a per-message export', async () => {
    const csv = 'ticket_id;date;conseiller;message\n77;01/10/2026 09:00;;Toujours pas de remboursement\n77;01/10/2026 09:10;Léa;Je relance la comptabilité\n77;01/10/2026 09:20;;Merci\n';
    const r = await ingestBytes('messages.csv', csv);
    expect(rolesOf(r.conversations[0])).toEqual(['customer', 'agent', 'customer']);
  });

  it('a ticket-level assignee repeated on every row changes nothing', async () => {
    const csv = 'ticket_id;date;assignee;message\n78;01/10/2026 09:00;Léa;Colis perdu\n78;01/10/2026 10:00;Léa;Toujours rien\n';
    const r = await ingestBytes('tickets.csv', csv);
    expect(rolesOf(r.conversations[0])).toEqual(['customer', 'customer']);
  });
});
