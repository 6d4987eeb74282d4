/**
 * Public reviews: a Trustpilot-like export covering Azur Télécom and two competitors (so the competitor
 * view has something to compare), and app-store reviews of the "Azur & Moi" app across versions.
 */
import type { Rng } from './prng.ts';
import { csvDocument } from './csv.ts';
import { atDay, DOUBLE_DEBIT_DAYS, isoDay, isoMs, OUTAGE_START_DAY, PERIOD_DAYS } from './dates.ts';
import { FEEDBACK_FR } from './feedback-fr.ts';
import { FEEDBACK_EN } from './feedback-en.ts';
import type { BrandVoice } from './feedback.ts';
import { lowerFirst } from './experience.ts';

type Company = 'Azur Télécom' | 'Orbis Mobile' | 'NovaBox';
const FEEDBACK = { fr: FEEDBACK_FR, en: FEEDBACK_EN };

export const TRUSTPILOT_HEADER = ['Review ID', 'Company', 'Review Created (UTC)', 'Review Stars', 'Review Title', 'Review Content', 'Language'];

const STARS: Record<Company, Record<string, number>> = {
  'Azur Télécom': { s5: 30, s4: 22, s3: 12, s2: 12, s1: 20 },
  'Orbis Mobile': { s5: 16, s4: 18, s3: 14, s2: 18, s1: 34 },
  NovaBox: { s5: 22, s4: 20, s3: 18, s2: 16, s1: 24 },
};

function hexId(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 24; i++) s += '0123456789abcdef'[rng.int(0, 15)];
  return s;
}

/** Picks the complaint an Azur reviewer writes about, following the incidents of the period. */
function ownBad(rng: Rng, v: BrandVoice, day: number): string {
  if (day >= OUTAGE_START_DAY && rng.chance(0.65)) return v.bad[0];
  if (day >= DOUBLE_DEBIT_DAYS[0] && day <= DOUBLE_DEBIT_DAYS[1] + 10 && rng.chance(0.5)) return v.bad[2];
  return rng.pick(v.bad.filter((_, i) => i !== 0 && i !== 2));
}

function reviewText(rng: Rng, v: BrandVoice, stars: number, bad: () => string, but: readonly string[]): [string, string] {
  const goods = rng.sample(v.good, 2);
  if (stars === 5) return [rng.pick(v.titlesGood), rng.chance(0.5) ? goods.join(' ') : goods[0]];
  if (stars === 4) return [rng.pick(v.titlesGood), `${goods[0]}${rng.pick(but)}${lowerFirst(bad())}`];
  if (stars === 3) return [rng.pick([...v.titlesGood, ...v.titlesBad]), `${goods[0]}${rng.pick(but)}${lowerFirst(bad())}`];
  const b1 = bad();
  const b2 = rng.pick(v.bad.filter((b) => b !== b1));
  return [rng.pick(v.titlesBad), rng.chance(0.5) ? `${b1} ${b2}` : b1];
}

/** Trustpilot-like reviews for the three companies, sorted by date. */
export function trustpilotCsv(rng: Rng): string {
  const counts: Record<Company, number> = { 'Azur Télécom': 82, 'Orbis Mobile': 50, NovaBox: 50 };
  const rows: { at: number; cells: (string | number)[] }[] = [];
  for (const company of Object.keys(counts) as Company[]) {
    for (let i = 0; i < counts[company]; i++) {
      const lang = rng.chance(0.6) ? 'fr' : 'en';
      const day = company === 'Azur Télécom' && rng.chance(0.25) ? rng.int(OUTAGE_START_DAY, PERIOD_DAYS) : rng.int(0, PERIOD_DAYS);
      const v = FEEDBACK[lang].brands[company];
      const outageNow = company === 'Azur Télécom' && day >= OUTAGE_START_DAY;
      const stars = outageNow && rng.chance(0.5) ? 1 : Number(rng.weighted(STARS[company]).slice(1));
      const bad = company === 'Azur Télécom' ? () => ownBad(rng, v, day) : () => rng.pick(v.bad);
      const [title, content] = reviewText(rng, v, stars, bad, FEEDBACK[lang].but);
      const at = atDay(rng, day);
      rows.push({ at, cells: [hexId(rng), company, isoMs(at), stars, title, content, lang] });
    }
  }
  rows.sort((a, b) => a.at - b.at);
  return csvDocument(TRUSTPILOT_HEADER, rows.map((r) => r.cells));
}

export const APP_HEADER = ['Review ID', 'Date', 'Rating', 'Title', 'Review', 'App Version', 'Territory'];

/** App versions by release day; 4.2.0 shipped the login bug that 4.2.1 only partly fixed. */
const RELEASES: [number, string][] = [[0, '4.1.0'], [22, '4.1.2'], [35, '4.2.0'], [50, '4.2.1'], [71, '4.3.0']];

function versionAt(day: number): string {
  let v = RELEASES[0][1];
  for (const [d, name] of RELEASES) if (day >= d) v = name;
  return v;
}

/** App-store reviews of "Azur & Moi". */
export function appReviewsCsv(rng: Rng): string {
  const rows: { at: number; cells: (string | number)[] }[] = [];
  for (let i = 0; i < 72; i++) {
    const lang = rng.chance(0.58) ? 'fr' : 'en';
    const day = rng.int(0, PERIOD_DAYS);
    const version = versionAt(day);
    const buggy = version === '4.2.0' || version === '4.2.1';
    const rating = buggy && rng.chance(0.6) ? rng.int(1, 2) : Number(rng.weighted({ r5: 30, r4: 25, r3: 15, r2: 12, r1: 18 }).slice(1));
    const v = FEEDBACK[lang].app;
    const bad = () => (buggy && rng.chance(0.6) ? v.bad[rng.int(0, 2)] : rng.pick(v.bad));
    const [title, text] = reviewText(rng, v, rating, bad, FEEDBACK[lang].but);
    const territory = lang === 'en' ? rng.pick(['CA', 'CA', 'FR', 'BE']) : rng.pick(['FR', 'FR', 'FR', 'BE', 'CA']);
    const at = atDay(rng, day);
    rows.push({ at, cells: [isoDay(at), rating, title, text, version, territory] });
  }
  rows.sort((a, b) => a.at - b.at);
  return csvDocument(APP_HEADER, rows.map((r, i) => [`app-${String(5_100 + i * 7)}`, ...r.cells]));
}
