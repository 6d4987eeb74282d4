/**
 * The sample's calendar: 12 weeks from Monday 2026-08-31 to Friday 2026-11-20, all times UTC, plus the
 * date formats each imitated export uses. Nothing here reads the wall clock.
 */
import type { Rng } from './prng.ts';

export const PERIOD_START = Date.UTC(2026, 7, 31);
export const PERIOD_DAYS = 82; // through 2026-11-20
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** First day of the Lyon fibre outage (the spike in the last two weeks). */
export const OUTAGE_START_DAY = 70; // 2026-11-09
/** Days of the October double-debit billing incident (a smaller bump). */
export const DOUBLE_DEBIT_DAYS: readonly [number, number] = [36, 47]; // 2026-10-06 .. 2026-10-17

/** A timestamp on day `day` (0 = 2026-08-31) during opening hours (07:00–20:59 UTC). */
export function atDay(rng: Rng, day: number): number {
  const d = Math.max(0, Math.min(PERIOD_DAYS, day));
  return PERIOD_START + d * DAY_MS + rng.int(7, 20) * 3_600_000 + rng.int(0, 59) * MINUTE_MS + rng.int(0, 59) * 1000;
}

/** Day index of a timestamp. */
export function dayOf(ms: number): number {
  return Math.floor((ms - PERIOD_START) / DAY_MS);
}

/** Clamp a timestamp to the end of the period. */
export function clampEnd(ms: number): number {
  return Math.min(ms, PERIOD_START + (PERIOD_DAYS + 1) * DAY_MS - 60_000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 2026-09-03T14:22:05Z */
export function isoZ(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 2026-09-03T14:22:05.000Z (Trustpilot-like). */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** 2026-09-03 14:22:05 */
export function sqlDateTime(ms: number): string {
  return isoZ(ms).replace('T', ' ').replace('Z', '');
}

/** 2026-09-03 14:22 */
export function sqlMinute(ms: number): string {
  return sqlDateTime(ms).slice(0, 16);
}

/** 2026-09-03 */
export function isoDay(ms: number): string {
  return isoZ(ms).slice(0, 10);
}

/** 03/09/2026 14:22 (French CRM export). */
export function frenchDateTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const DAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** RFC 5322 date: "Thu, 03 Sep 2026 14:22:05 +0000". */
export function rfc5322(ms: number): string {
  const d = new Date(ms);
  return `${DAYS_EN[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** mbox "From " line date: "Thu Sep  3 14:22:05 2026". */
export function mboxDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS_EN[d.getUTCDay()]} ${MONTHS_EN[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** Quote attribution date in a French mail client: "3 sept. 2026 à 14:22". */
export function frenchQuoteDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS_FR[d.getUTCMonth()]} ${d.getUTCFullYear()} à ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Quote attribution date in an English mail client: "Sep 3, 2026, at 14:22". */
export function englishQuoteDate(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, at ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** WebVTT cue time "00:01:02.500". */
export function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** "2026-09" period label of a day index. */
export function monthOf(ms: number): string {
  return isoZ(ms).slice(0, 7);
}
