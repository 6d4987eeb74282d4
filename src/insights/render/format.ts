import type { Interval } from '../types.ts';
import type { Lang } from '../../core/lang.ts';

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A number in the reader's convention ("16,7" in French, "16.7" in English); "—" when missing. */
export function num(x: number | null | undefined, lang: Lang, digits = 1): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    .format(x)
    .replace(/\u202f|\u00a0/g, ' ');
}

/** A 0..1 share as a percentage ("42 %" in French, "42%" in English). */
export function pct(share: number | null | undefined, lang: Lang, digits = 0): string {
  if (share === null || share === undefined) return '—';
  return lang === 'fr' ? `${num(share * 100, lang, digits)} %` : `${num(share * 100, lang, digits)}%`;
}

/** A value already in percent units (CSAT score). */
export function pctUnits(x: number | null | undefined, lang: Lang, digits = 1): string {
  if (x === null || x === undefined) return '—';
  return lang === 'fr' ? `${num(x, lang, digits)} %` : `${num(x, lang, digits)}%`;
}

/** "[12,3 ; 20,1]" / "[12.3, 20.1]". */
export function interval(ci: Interval | null, lang: Lang, digits = 1): string {
  if (!ci) return '—';
  const sep = lang === 'fr' ? ' ; ' : ', ';
  return `[${num(ci.low, lang, digits)}${sep}${num(ci.high, lang, digits)}]`;
}

/** Signed change ("+3,2", "−1.5"). */
export function signed(x: number | null | undefined, lang: Lang, digits = 1): string {
  if (x === null || x === undefined) return '—';
  const s = num(Math.abs(x), lang, digits);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}

/** A calendar date ("23 nov. 2026" / "23 Nov 2026"), UTC. */
export function day(iso: string | null, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

/** An amount formatter for `currency` (ISO 4217) in the reader's convention ("48 000 €", "€48,000"). */
export function amountFormat(lang: Lang, currency: string): (x: number) => string {
  // Building an Intl formatter is costly: lists build one and reuse it.
  const f = new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
  return (x) => f.format(x).replace(/\u202f|\u00a0/g, ' ');
}

/** An amount in `currency`; "—" when missing. */
export function amount(x: number | null | undefined, lang: Lang, currency: string): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  return amountFormat(lang, currency)(x);
}

/** Shortens a quote to `max` characters on a word boundary. */
export function clip(text: string, max = 220): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/** Quotation marks of the language: « … » in French, “…” in English. */
export function quoted(text: string, lang: Lang): string {
  return lang === 'fr' ? `« ${text} »` : `“${text}”`;
}
