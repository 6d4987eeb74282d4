import type { DateFormat } from './mapping-file.ts';

/**
 * Parses the date formats found in exports: ISO 8601 (with or without zone), "YYYY-MM-DD HH:mm[:ss]",
 * French "DD/MM/YYYY[ HH:mm[:ss]]", US "MM/DD/YYYY" (only when the mapping says so, when AM/PM is
 * present, or when the day is unambiguous), and Unix timestamps (seconds or milliseconds).
 * Dates without a zone are read as UTC so results do not depend on the server's time zone.
 * Returns null when the value cannot be read.
 */
export function parseDate(value: string, format?: DateFormat): Date | null {
  const s = value.trim();
  if (!s) return null;
  if (/^\d{10}$/.test(s)) return new Date(Number(s) * 1000);
  if (/^\d{13}$/.test(s)) return new Date(Number(s));
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    return build(+m[1], +m[2], +m[3], m[4], m[5], m[6], m[7], m[8]);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(AM|PM)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    const first = +m[1];
    const second = +m[2];
    const ampm = m[7]?.toUpperCase();
    // US order only when asked, or when the text proves it (AM/PM clock, or a "day" above 12 in second place).
    const us = format === 'MM/DD/YYYY' || (format !== 'DD/MM/YYYY' && ((ampm !== undefined && first <= 12) || (second > 12 && first <= 12)));
    const [day, month] = us ? [second, first] : [first, second];
    let hour = m[4] === undefined ? undefined : +m[4];
    if (hour !== undefined && ampm === 'PM' && hour < 12) hour += 12;
    if (hour !== undefined && ampm === 'AM' && hour === 12) hour = 0;
    return build(+m[3], month, day, hour === undefined ? undefined : String(hour), m[5], m[6], undefined, m[8]);
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

function build(y: number, mo: number, d: number, h?: string, mi?: string, se?: string, frac?: string, zone?: string): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = frac ? Math.round(Number('0.' + frac) * 1000) : 0;
  let t = Date.UTC(y, mo - 1, d, h ? +h : 0, mi ? +mi : 0, se ? +se : 0, ms);
  const date = new Date(t);
  if (date.getUTCDate() !== d || (h !== undefined && +h > 23) || (mi !== undefined && +mi > 59)) return null;
  if (zone && !/^(Z|UTC)$/i.test(zone)) {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    const offset = (+zm[2] * 60 + +zm[3]) * (zm[1] === '+' ? 1 : -1);
    t -= offset * 60_000;
  }
  return new Date(t);
}
