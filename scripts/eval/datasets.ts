/**
 * Evaluation datasets (visible splits in the data folder), read at evaluation time only.
 * Large sets are sampled deterministically (every k-th row) to keep `npm run eval` to minutes.
 */
import { EMOTION_FAMILY } from '../../src/analyze/heads/emotion-family.ts';
import { readFileSync } from 'node:fs';
import type { SentimentLabel } from '../../src/core/labels.ts';
import { parseRecords } from '../data/csv.ts';
import { dataPath } from '../data/paths.ts';
import { readGoEmotions, readXed, readXedNeutral } from '../data/readers.ts';
import { isHeldOut } from '../data/split.ts';

export interface SentimentItem { text: string; gold: SentimentLabel; lang: 'en' | 'fr'; reason?: string }
export interface SentimentSet { name: string; lang: 'en' | 'fr'; items: SentimentItem[]; note: string }

const read = (...p: string[]) => readFileSync(dataPath(...p), 'utf8');
const stars = (n: number): SentimentLabel => (n <= 2 ? 'negative' : n >= 4 ? 'positive' : 'neutral');
const UMSAB: SentimentLabel[] = ['negative', 'neutral', 'positive'];

export function sentimentSets(): SentimentSet[] {
  const airline = parseRecords(read('airline-tweets', 'Tweets.csv')).filter((r) => r.text && UMSAB.includes(r.airline_sentiment as SentimentLabel));
  const umsab = (lang: 'english' | 'french') => ['train', 'val'].flatMap((split) => {
    const texts = read('umsab', lang, `${split}_text.txt`).split('\n');
    const labels = read('umsab', lang, `${split}_labels.txt`).split('\n');
    return texts.map((t, i) => ({ text: t, gold: UMSAB[Number(labels[i])] })).filter((x) => x.text.trim() && x.gold);
  });
  const insurance = parseRecords(read('fr-insurance-reviews', 'reviews.csv')).filter((r) => r.avis?.trim() && Number(r.note) >= 1);
  const restaurant = parseRecords(read('fr-restaurant-reviews', 'train.tsv'), '\t').filter((r) => r.Avis?.trim() && Number(r.Note) >= 1);
  return [
    { name: 'Airline tweets (en)', lang: 'en', note: 'airline_sentiment', items: airline.map((r) => ({ text: r.text, gold: r.airline_sentiment as SentimentLabel, lang: 'en', reason: r.negativereason })) },
    { name: 'UMSAB tweets (en)', lang: 'en', note: 'train+val', items: umsab('english').map((x) => ({ ...x, lang: 'en' as const })) },
    { name: 'UMSAB tweets (fr)', lang: 'fr', note: 'train+val', items: umsab('french').map((x) => ({ ...x, lang: 'fr' as const })) },
    { name: 'FR insurance reviews', lang: 'fr', note: 'stars 1–2/3/4–5', items: insurance.map((r) => ({ text: r.avis, gold: stars(Number(r.note)), lang: 'fr' })) },
    { name: 'FR restaurant reviews', lang: 'fr', note: 'stars 1–2/3/4–5', items: restaurant.map((r) => ({ text: r.Avis, gold: stars(Number(r.Note)), lang: 'fr' })) },
  ];
}

/** Ekman grouping of the GoEmotions paper (Demszky et al. 2020, Table 7). */
export const GO_TO_EKMAN: Record<string, string> = {
  anger: 'anger', annoyance: 'anger', disapproval: 'anger', disgust: 'disgust', fear: 'fear', nervousness: 'fear',
  joy: 'joy', amusement: 'joy', approval: 'joy', excitement: 'joy', gratitude: 'joy', love: 'joy', optimism: 'joy',
  relief: 'joy', pride: 'joy', admiration: 'joy', desire: 'joy', caring: 'joy', sadness: 'sadness',
  disappointment: 'sadness', embarrassment: 'sadness', grief: 'sadness', remorse: 'sadness', surprise: 'surprise',
  realization: 'surprise', confusion: 'surprise', curiosity: 'surprise', neutral: 'neutral',
};
/** Écoute emotions -> Ekman, consistent with the grouping above. */
export const OURS_TO_EKMAN: Readonly<Record<string, string>> = EMOTION_FAMILY;
/** XED Plutchik -> Ekman: trust grouped with joy (as approval is in GoEmotions); anticipation dropped. */
export const XED_TO_EKMAN: Record<string, string | null> = {
  anger: 'anger', disgust: 'disgust', fear: 'fear', joy: 'joy', sadness: 'sadness', surprise: 'surprise', trust: 'joy', anticipation: null,
};
export const EKMAN = ['anger', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'neutral'] as const;

export interface EmotionItem { text: string; gold: Set<string>; lang: 'en' | 'fr' }
export interface EmotionSet { name: string; lang: 'en' | 'fr'; items: EmotionItem[]; note: string }

export function emotionSets(): EmotionSet[] {
  const go = readGoEmotions('dev').map((r) => ({ text: r.text, gold: new Set(r.labels.map((l) => GO_TO_EKMAN[l])), lang: 'en' as const }));
  const xed = (lang: 'en' | 'fr') => readXed(lang).filter((r) => isHeldOut(r.text)).map((r) => ({
    text: r.text, gold: new Set(r.labels.map((l) => XED_TO_EKMAN[l]).filter((x): x is string => !!x)), lang,
  })).filter((x) => x.gold.size > 0);
  const neutralEn = readXedNeutral().filter(isHeldOut).map((text) => ({ text, gold: new Set(['neutral']), lang: 'en' as const }));
  return [
    { name: 'GoEmotions dev (en)', lang: 'en', items: go, note: '7 classes incl. neutral' },
    { name: 'XED en held-out 10%', lang: 'en', items: [...xed('en'), ...neutralEn], note: 'annotated + neutral lines' },
    { name: 'XED fr held-out 10%', lang: 'fr', items: xed('fr'), note: 'projections; no neutral class' },
  ];
}

/** Airline negativereason -> the themes that count as finding it. */
export const REASON_TO_THEMES: Record<string, string[]> = {
  'Late Flight': ['delay'], 'Cancelled Flight': ['cancellation'], 'Lost Luggage': ['lost_or_damaged'],
  'Damaged Luggage': ['lost_or_damaged'],
  // Hold times and unanswered calls are customer-service issues; the guidelines file them as wait_time.
  'Customer Service Issue': ['staff_attitude', 'unresolved', 'wait_time'],
  'Flight Attendant Complaints': ['staff_attitude'], 'Flight Booking Problems': ['booking'], longlines: ['wait_time'],
  'Bad Flight': ['product_quality'],
};
