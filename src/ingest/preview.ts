import type { ConversationInput } from '../core/conversation.ts';
import type { EmployeeSurveyInput } from '../core/employee-survey.ts';
import type { AuthorRole } from '../core/labels.ts';
import type { IngestEvent } from './ingest-event.ts';
import { describeIgnored, ignoredColumns, type ImportSchema } from './import-schema.ts';
import type { RowError } from './row-error.ts';

/** Records shown as they would be stored. */
export const PREVIEW_RECORDS = 5;

/** What `ecoute ingest --dry-run` learns of one file: everything a real import would, minus the writes. */
export interface FilePreview {
  schema?: ImportSchema;
  rows: number;
  ignored: number;
  records: number;
  /** Messages per role, over the whole file. */
  roles: Record<AuthorRole, number>;
  /** The first PREVIEW_RECORDS records, redacted. */
  sample: (ConversationInput | EmployeeSurveyInput)[];
  rejected: RowError[];
  rejectedCount: number;
  /** Lines read otherwise than written (not in the file's encoding) or NULs removed: the record is kept. */
  warnings: RowError[];
  warningCount: number;
}

/**
 * Drains one file's ingest events (already redacted by the pipeline) into a preview: the schema, role
 * counts, the first PREVIEW_RECORDS records and the rejected rows (the first `maxListed` kept).
 */
export async function collectPreview(events: AsyncIterable<IngestEvent>, maxListed = 1000): Promise<FilePreview> {
  const p: FilePreview = { rows: 0, ignored: 0, records: 0, roles: { customer: 0, agent: 0, system: 0 }, sample: [], rejected: [], rejectedCount: 0, warnings: [], warningCount: 0 };
  for await (const ev of events) {
    if (ev.type === 'schema') p.schema = ev.value;
    else if (ev.type === 'row') p.rows++;
    else if (ev.type === 'ignored') p.ignored++;
    else if (ev.type === 'rejected') {
      if (p.rejectedCount++ < maxListed) p.rejected.push(ev.error);
    } else if (ev.type === 'warning') {
      if (p.warningCount++ < maxListed) p.warnings.push(ev.warning);
    } else {
      p.records++;
      if (p.sample.length < PREVIEW_RECORDS) p.sample.push(ev.value);
      if (ev.type === 'conversation') for (const m of ev.value.messages) p.roles[m.role]++;
    }
  }
  return p;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const clip = (s: string, n = 100): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

function recordLines(r: ConversationInput | EmployeeSurveyInput): string[] {
  if (!('messages' in r)) {
    const items = Object.entries(r.items).map(([k, v]) => `${k}=${v}`).join(' ');
    return [`  - employee answer: team ${r.team}, period ${r.period}${r.enps !== undefined ? `, eNPS ${r.enps}` : ''}${items ? `, ${items}` : ''}${r.comment ? `: "${clip(r.comment)}"` : ''}`];
  }
  const head = [`id ${r.externalId ?? '(none)'}`, r.channel, r.startedAt.toISOString().slice(0, 16).replace('T', ' ')];
  if (r.customer) head.push(`customer ${r.customer.externalId}`);
  if (r.agent) head.push(`agent ${r.agent}`);
  for (const s of r.surveys) head.push(`${s.kind} ${s.score}`);
  const lines = [`  - ${head.join(', ')}`];
  for (const m of r.messages.slice(0, 4)) lines.push(`      ${m.role}${m.author ? ` (${m.author})` : ''}: "${clip(m.text)}"`);
  if (r.messages.length > 4) lines.push(`      … ${r.messages.length - 4} more messages`);
  return lines;
}

/**
 * The text of a dry run for one file: format, encoding, delimiter, kind, channel, each column and the
 * field it fills (or "ignored"), roles detected, the first records as stored (redacted), and counts.
 */
export function formatPreview(file: string, format: string, p: FilePreview): string {
  const s = p.schema;
  const lines = [`${file}`];
  const facts = [`format ${format}`];
  if (s?.encoding) facts.push(`encoding ${s.encoding}`);
  if (s?.delimiter) facts.push(`delimiter ${s.delimiter === '\t' ? 'tab' : `"${s.delimiter}"`}`);
  if (s) facts.push(`kind ${s.kind}${s.vendor ? ` (${s.vendor})` : ''}`);
  const perRow = s?.columns.some((c) => c.field === 'channel') ? ' (rows naming a channel keep theirs)' : '';
  if (s?.channel) facts.push(`channel ${s.channel}${perRow}`);
  lines.push(`  ${facts.join(', ')}`);
  if (s && s.columns.length) {
    lines.push('  columns:');
    for (const c of s.columns) lines.push(`    ${c.column || '(unnamed)'} → ${c.field ?? 'ignored'}`);
    const ignored = describeIgnored(ignoredColumns(s));
    if (ignored) lines.push(`  ${ignored}`);
  }
  const roleCols = s?.columns.filter((c) => c.field === 'role' || c.field === 'author' || c.field === 'agent').map((c) => `${c.column} (${c.field})`) ?? [];
  const roles = (Object.entries(p.roles) as [AuthorRole, number][]).filter(([, n]) => n > 0).map(([r, n]) => `${n} ${r}`);
  if (roles.length) lines.push(`  roles: ${roles.join(', ')}${roleCols.length ? ` — read from ${roleCols.join(', ')}` : ''}`);
  const shown = Math.min(PREVIEW_RECORDS, p.sample.length);
  lines.push(`  first ${plural(shown, 'record')} as they would be stored (personal data redacted):`);
  for (const r of p.sample) lines.push(...recordLines(r));
  lines.push(`  ${plural(p.rows, 'row')}, ${plural(p.records, 'record')}, ${p.rejectedCount} rejected${p.ignored ? `, ${p.ignored} empty ignored` : ''} — dry run: nothing written`);
  return lines.join('\n') + '\n';
}
