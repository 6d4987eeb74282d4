/**
 * Zendesk-like export: one CSV row per comment, threads grouped by Ticket ID. Twitter mentions handled
 * in Zendesk are tickets with Via "twitter".
 */
import type { Conv } from './thread.ts';
import { csvDocument } from './csv.ts';
import { sqlDateTime } from './dates.ts';

export const ZENDESK_HEADER = ['Ticket ID', 'Comment ID', 'Created at', 'Via', 'Author type', 'Author', 'Requester ID',
  'Requester name', 'Segment', 'Annual value', 'Group', 'Assignee', 'Subject', 'Comment', 'Language'];

function twitterSubject(conv: Conv): string {
  const c = conv.plan.customer;
  const handle = `@${c.first}${c.last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^@A-Za-z0-9]/g, '');
  return `${conv.lang === 'fr' ? 'Tweet de' : 'Tweet from'} ${handle}`;
}

/** Renders tickets (sorted by start) as the Zendesk CSV; returns the text and the ticket ids. */
export function zendeskCsv(convs: readonly Conv[]): { text: string; ids: Map<Conv, string> } {
  const rows: (string | number)[][] = [];
  const ids = new Map<Conv, string>();
  let ticket = 48_210;
  let comment = 9_100_000;
  for (const conv of convs) {
    ticket += 1 + (ticket % 3);
    const id = String(ticket);
    ids.set(conv, id);
    const c = conv.plan.customer;
    const subject = conv.plan.via === 'twitter' ? twitterSubject(conv) : conv.subject;
    for (const m of conv.messages) {
      comment += 7;
      rows.push([id, comment, sqlDateTime(m.at), conv.plan.via, m.role === 'agent' ? 'agent' : 'end-user', m.author, c.id, c.name,
        c.segment, c.value, conv.team, conv.agent, subject, m.text, conv.lang]);
    }
  }
  return { text: csvDocument(ZENDESK_HEADER, rows), ids };
}
