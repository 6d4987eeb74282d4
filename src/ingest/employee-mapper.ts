import type { Clock } from '../core/ports.ts';
import type { EmployeeSurveyInput } from '../core/employee-survey.ts';
import type { EmployeeField } from './header-aliases.ts';
import type { DateFormat } from './mapping-file.ts';
import { contentKey, naturalKey } from './natural-key.ts';
import { parseDate } from './parse-date.ts';
import { parseScore } from './parse-score.ts';

/** What mapping an employee-survey row needs: detected columns, file-wide options and the clock. */
export interface EmployeeRowContext {
  fields: Partial<Record<EmployeeField, number>>;
  /** Column index → engagement item name. */
  items: Map<number, string>;
  headers: string[];
  sourceName: string;
  dateFormat?: DateFormat;
  clock: Clock;
}

/** An employee answer, a reason naming the fix, or "empty" (nothing to import). */
export type EmployeeRowResult = { ok: true; answer: EmployeeSurveyInput } | { ok: false; reason: string } | { ok: 'empty' };

/**
 * Maps one employee-survey row (team, period, eNPS 0–10, engagement items 1–5, comment). The period
 * defaults to the answer's month ("2026-10") when the file has no period column.
 */
export function mapEmployeeRow(cells: string[], ctx: EmployeeRowContext): EmployeeRowResult {
  const get = (f: EmployeeField): string | undefined => {
    const col = ctx.fields[f];
    const v = col === undefined ? undefined : cells[col]?.trim();
    return v ? v : undefined;
  };
  const team = get('team');
  if (!team) return { ok: false, reason: 'has no team: employee answers are aggregated by team, fill the "team" column' };
  let at = ctx.clock();
  const rawDate = get('at');
  if (rawDate) {
    const d = parseDate(rawDate, ctx.dateFormat);
    if (!d) return { ok: false, reason: `date "${rawDate}" is not readable: use YYYY-MM-DD or DD/MM/YYYY` };
    at = d;
  }
  let enps: number | undefined;
  const rawEnps = get('enps');
  if (rawEnps) {
    const r = parseScore(rawEnps, 'nps');
    if (!r.ok) return { ok: false, reason: 'e' + r.reason };
    enps = r.score ?? undefined;
  }
  const items: Record<string, number> = {};
  for (const [col, name] of ctx.items) {
    const raw = cells[col]?.trim();
    if (!raw) continue;
    const n = Number(raw.replace(',', '.'));
    if (!Number.isFinite(n) || n < 1 || n > 5) {
      return { ok: false, reason: `engagement item "${ctx.headers[col]}" = "${raw}" is not a number from 1 to 5: fix the value or leave it empty` };
    }
    items[name] = n;
  }
  const comment = get('comment');
  if (enps === undefined && Object.keys(items).length === 0 && !comment) return { ok: 'empty' };
  const id = get('id');
  return {
    ok: true,
    answer: {
      naturalKey: id ? naturalKey(ctx.sourceName, id) : contentKey(ctx.sourceName, cells),
      team,
      period: get('period') ?? at.toISOString().slice(0, 7),
      enps,
      items,
      comment,
      at,
    },
  };
}
