/**
 * `npx tsx scripts/eval-airline.ts [Tweets.csv]`: recall of CX themes on the airline-tweets pain
 * points (evaluation only: the data is never used to write rules). A tweet counts as recalled when
 * one of our themes is in the mapped set for its `negativereason`.
 */
import { readFile } from 'node:fs/promises';
import { createCxAnalyzer } from '../src/analyze/cx/analyze-cx.ts';
import { tokenize } from '../src/analyze/text.ts';

const MAP: Record<string, string[]> = {
  'Late Flight': ['delay'],
  'Cancelled Flight': ['cancellation'],
  'Lost Luggage': ['lost_or_damaged'],
  'Damaged Luggage': ['lost_or_damaged'],
  'Customer Service Issue': ['staff_attitude', 'unresolved', 'wait_time'],
  'Flight Attendant Complaints': ['staff_attitude'],
  'Flight Booking Problems': ['booking'],
  longlines: ['wait_time'],
  'Bad Flight': ['product_quality'],
};

/** Minimal RFC 4180 reader (quoted fields with commas, doubled quotes and newlines). */
function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"', i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n') (row.push(field), rows.push(row), (row = []), (field = ''));
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) (row.push(field), rows.push(row));
  return rows;
}

const file = process.argv[2] ?? '/work/shared/data/airline-tweets/Tweets.csv';
const [header, ...rows] = parseCsv(await readFile(file, 'utf8'));
const col = (name: string): number => header.indexOf(name);
const cx = createCxAnalyzer();
const stats = new Map<string, [number, number]>();
for (const r of rows) {
  const reason = r[col('negativereason')];
  const want = MAP[reason];
  if (!want) continue;
  const text = r[col('text')];
  const res = cx({ text, tokens: tokenize(text), language: 'en', sentiment: { label: 'negative', score: -0.5 }, emotions: [] });
  const s = stats.get(reason) ?? [0, 0];
  s[1]++;
  if (res.themes.some((t) => want.includes(t.label))) s[0]++;
  stats.set(reason, s);
}
let hit = 0;
let all = 0;
for (const [k, [h, n]] of stats) {
  console.log(`${k.padEnd(28)} ${(h / n).toFixed(3)}  (${h}/${n})`);
  hit += h;
  all += n;
}
console.log(`${'overall (micro)'.padEnd(28)} ${(hit / all).toFixed(3)}  (${hit}/${all})`);
