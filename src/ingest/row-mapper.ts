import type { Clock } from '../core/ports.ts';
import { SURVEY_KINDS } from '../core/labels.ts';
import type { ColumnMap } from './header-aliases.ts';
import type { DateFormat } from './mapping-file.ts';
import type { FlatRow } from './flat-row.ts';
import { contentKey } from './natural-key.ts';
import { parseDate } from './parse-date.ts';
import { parseScore } from './parse-score.ts';
import { normalizeChannel, parseAmount } from './normalize-values.ts';
import { isRoleWord, roleFromCell, roleInAuthor } from './author-role.ts';

/** What mapping a row needs: column indexes, file-wide options and the injected clock. */
export interface RowContext {
  columns: ColumnMap;
  sourceName: string;
  dateFormat?: DateFormat;
  /** Used when a row has no date at all (import time). */
  clock: Clock;
  /** Header names, to name columns in error messages. */
  headers: string[];
  /** Keep rows with neither text nor score (thread headers in JSON). */
  allowEmpty?: boolean;
}

/** A mapped row (and whether it had its own date), a reason naming the fix, or "empty". */
export type RowResult = { ok: true; row: FlatRow; hasDate: boolean } | { ok: false; reason: string } | { ok: 'empty' };

/**
 * Maps one record's cells to a FlatRow. Returns a reason naming the column, the value and the fix
 * when a score or a date cannot be read; returns "empty" when the row has neither text nor score.
 */
export function mapRow(fields: string[], line: number, ctx: RowContext): RowResult {
  const get = (k: keyof ColumnMap): string | undefined => {
    const col = ctx.columns[k];
    if (col === undefined) return undefined;
    const v = fields[col]?.trim();
    return v ? v : undefined;
  };
  const scores: FlatRow['scores'] = [];
  for (const kind of SURVEY_KINDS) {
    const raw = get(kind);
    if (raw === undefined) continue;
    const r = parseScore(raw, kind);
    if (!r.ok) return { ok: false, reason: `column "${ctx.headers[ctx.columns[kind]!]}": ${r.reason}` };
    if (r.score !== null) scores.push({ kind, score: r.score });
  }
  const rawDate = get('at');
  let at = ctx.clock();
  if (rawDate !== undefined) {
    const d = parseDate(rawDate, ctx.dateFormat);
    if (!d) {
      return {
        ok: false,
        reason: `column "${ctx.headers[ctx.columns.at!]}": date "${rawDate}" is not readable: use YYYY-MM-DD[ HH:mm], DD/MM/YYYY[ HH:mm] or ISO 8601 (set "dateFormat" in a --map file for MM/DD/YYYY)`,
      };
    }
    at = d;
  }
  const text = ctx.columns.text !== undefined ? fields[ctx.columns.text]?.replace(/\r\n?/g, '\n').trim() || undefined : undefined;
  if (!text && scores.length === 0 && !ctx.allowEmpty) return { ok: 'empty' };
  const rawChannel = get('channel');
  const rawRole = get('role');
  const rawValue = get('customerValue');
  const rawAuthor = get('author');
  // "author": "agent" is a role and names nobody; "Marie (conseillère)" is a name that says its role.
  const authorRole = rawAuthor !== undefined ? roleInAuthor(rawAuthor) : null;
  const role = (rawRole ? roleFromCell(ctx.headers[ctx.columns.role!] ?? '', rawRole) : null) ?? authorRole ?? undefined;
  const author = rawAuthor !== undefined && isRoleWord(rawAuthor) ? undefined : rawAuthor;
  const row: FlatRow = {
    line,
    contentKey: contentKey(ctx.sourceName, fields),
    conversationId: get('conversationId'),
    text,
    subject: get('subject'),
    at,
    channel: rawChannel ? normalizeChannel(rawChannel) ?? undefined : undefined,
    role,
    author,
    customerId: get('customerId'),
    customerName: get('customerName'),
    segment: get('segment'),
    customerValue: rawValue ? parseAmount(rawValue) ?? undefined : undefined,
    team: get('team'),
    agent: get('agent'),
    brand: get('brand'),
    language: get('language')?.toLowerCase().slice(0, 2),
    scores,
  };
  return { ok: true, row, hasDate: rawDate !== undefined };
}
