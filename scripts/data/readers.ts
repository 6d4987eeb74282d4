/** Readers for the public datasets in the data folder (see its README.md). Sorted, deterministic. */
import { readFileSync } from 'node:fs';
import { parseRecords } from './csv.ts';
import { dataPath } from './paths.ts';

const read = (...p: string[]) => readFileSync(dataPath(...p), 'utf8');
const lines = (...p: string[]) => read(...p).split(/\r?\n/).filter((l) => l.trim() !== '');

export interface Labelled<L> { text: string; labels: L }

export const GOEMOTIONS_LABELS = [
  'admiration', 'amusement', 'anger', 'annoyance', 'approval', 'caring', 'confusion', 'curiosity', 'desire',
  'disappointment', 'disapproval', 'disgust', 'embarrassment', 'excitement', 'fear', 'gratitude', 'grief', 'joy',
  'love', 'nervousness', 'optimism', 'pride', 'realization', 'relief', 'remorse', 'sadness', 'surprise', 'neutral',
] as const;

/** GoEmotions split ("train" or "dev"): label names per comment. */
export function readGoEmotions(split: 'train' | 'dev'): Labelled<string[]>[] {
  const names = lines('goemotions', 'emotions.txt').map((l) => l.trim());
  return lines('goemotions', `${split}.tsv`).map((l) => {
    const [text, ids] = l.split('\t');
    return { text, labels: ids.split(',').map((i) => names[Number(i)]) };
  });
}

export const XED_LABELS = ['', 'anger', 'anticipation', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'trust'];

/** XED annotated lines (en gold or fr projections), Plutchik label names. */
export function readXed(lang: 'en' | 'fr'): Labelled<string[]>[] {
  const file = lang === 'en' ? 'en-annotated.tsv' : 'fr-projections.tsv';
  const out: Labelled<string[]>[] = [];
  for (const l of lines('xed', file)) {
    const tab = l.lastIndexOf('\t');
    if (tab < 0) continue;
    const text = l.slice(0, tab).trim();
    const labels = l.slice(tab + 1).split(',').map((s) => XED_LABELS[Number(s.trim())]).filter(Boolean);
    if (text && labels.length) out.push({ text, labels });
  }
  return out;
}

/** XED neutral English lines. */
export function readXedNeutral(): string[] {
  return lines('xed', 'neu_en.txt').map((l) => l.slice(l.indexOf('\t') + 1).trim()).filter(Boolean);
}

/** A French subtitle line and the line it translates, in `sourceLang` (`en` or `da`). */
export interface SubtitlePair { sourceLang: string; source: string; fr: string }

/**
 * XED subtitle pairs (pairs-en-fr.txt). Despite the file's name, about two thirds of its rows pair
 * French with Danish, not English: the source language is read from the source subtitle's path
 * (`en/1965/…`, `da/1954/…`), so that no caller takes a Danish line for an English one.
 */
export function readXedPairs(): SubtitlePair[] {
  return lines('xed', 'pairs-en-fr.txt').map((l) => {
    const c = l.split('\t');
    return { sourceLang: (c[0] ?? '').split('/')[0], source: c[4] ?? '', fr: c[5] ?? '' };
  }).filter((p) => p.sourceLang && p.source && p.fr);
}

/** Banking77 training queries with their intent. */
export function readBanking77(): Labelled<string>[] {
  return parseRecords(read('banking77', 'train.csv')).map((r) => ({ text: r.text, labels: r.category }));
}

/** VADER lexicon: token -> mean valence. */
export function readVader(): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines('lexicons', 'vader_lexicon.txt')) {
    const [tok, v] = l.split('\t');
    if (tok && v !== undefined) m.set(tok, Number(v));
  }
  return m;
}

/** VADER emoji lexicon: emoji -> English description. */
export function readVaderEmoji(): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of lines('lexicons', 'vader_emoji.txt')) {
    const [e, d] = l.split('\t');
    if (e && d) m.set(e, d);
  }
  return m;
}

export interface FeelEntry { word: string; polarity: 'positive' | 'negative'; emotions: string[] }

/** FEEL French lexicon (Abdaoui et al. 2017). */
export function readFeel(): FeelEntry[] {
  const rows = lines('lexicons', 'feel-fr.csv');
  const head = rows[0].split(';');
  return rows.slice(1).map((l) => {
    const c = l.split(';');
    const emotions = head.slice(3).filter((_, i) => c[i + 3] === '1');
    return { word: c[1], polarity: c[2] as 'positive' | 'negative', emotions };
  }).filter((e) => e.word);
}
