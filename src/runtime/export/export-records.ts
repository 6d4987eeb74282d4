import type { MessageFact } from '../../core/facts.ts';

/** Columns of the CSV export, in order: the message, its context, then its analysis. */
export const CSV_HEADER = [
  'message_id', 'conversation_id', 'at', 'channel', 'role', 'customer_ref', 'segment', 'brand', 'team', 'agent',
  'language', 'text', 'sentiment', 'sentiment_score', 'emotions', 'needs', 'themes', 'stage', 'churn_intent',
  'urgency', 'vulnerable', 'repeat_contact', 'reason',
] as const;

/** A column name of the export. */
export type ExportColumn = (typeof CSV_HEADER)[number];

/** One message flattened for tabular export; multi-valued labels are joined with "|". */
export function exportRecord(f: MessageFact): Record<ExportColumn, string | number | boolean | null> {
  const a = f.analysis;
  return {
    message_id: f.messageId,
    conversation_id: f.conversationId,
    at: f.at.toISOString(),
    channel: f.channel,
    role: f.role,
    customer_ref: f.customerRef,
    segment: f.segment,
    brand: f.brand,
    team: f.team,
    agent: f.agent,
    language: f.language ?? a?.language ?? null,
    text: f.text,
    sentiment: a?.sentiment.label ?? null,
    sentiment_score: a?.sentiment.score ?? null,
    emotions: a ? a.emotions.map((e) => e.label).join('|') : null,
    needs: a ? a.needs.map((e) => e.label).join('|') : null,
    themes: a ? a.themes.map((e) => e.label).join('|') : null,
    stage: a?.stage?.label ?? null,
    churn_intent: a?.signals.churnIntent ?? null,
    urgency: a?.signals.urgency ?? null,
    vulnerable: a?.signals.vulnerable ?? null,
    repeat_contact: a?.signals.repeatContact ?? null,
    reason: a?.reason ?? null,
  };
}

/**
 * One CSV line (RFC 4180): fields with a comma, quote, CR or LF are quoted and quotes doubled. Text
 * starting with = + - @ gets a leading apostrophe so spreadsheets do not run it as a formula (OWASP
 * "CSV injection"); numbers are written as is.
 */
export function csvLine(fields: readonly (string | number | boolean | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
