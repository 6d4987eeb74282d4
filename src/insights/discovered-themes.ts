import type { MessageFact } from '../core/facts.ts';
import { fold } from '../core/fold.ts';
import type { DiscoveredTheme } from './types.ts';
import { PhraseTable, type PhraseMemo } from './phrase-memo.ts';
import { isFormula, stopwordsFor } from './stopwords.ts';
import { QuotePicker, quoteScore } from './verbatims.ts';

/** Tuning of theme discovery. */
export interface DiscoverOptions {
  /** Minimum number of messages a phrase must recur in (default max(3, 0.2% of the language's messages)). */
  minCount?: number;
  /** Most recent messages per language to scan, bounding the cost on big workspaces. */
  maxMessages?: number;
  maxThemesPerLanguage?: number;
  /** When given, filled with each theme's conversation ids (theme id → ids), for its driver analysis. */
  members?: Map<string, Set<string>>;
  /** Distinct phrases counted before the rarest are pruned (default 400,000; lower in tests). */
  pruneAt?: number;
  /** Phrases of texts seen by earlier computations (held by the caller): same output, less work. */
  memo?: PhraseMemo;
}

const WORD = /^[\p{L}][\p{L}\p{M}-]*$/u;
const CANDIDATES = 40;
const PRUNE_AT = 400_000;

// Words and single non-space characters of already folded text (punctuation breaks a phrase).
const TOKEN = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*|[^\s\p{L}\p{M}]/gu;

/**
 * Content-word bigrams and trigrams of a text, keyed by their folded form: stopwords dropped,
 * sequences broken at punctuation and digits. The text is folded once (fold() keeps offsets for
 * Latin text), so with `withSurface` each phrase also gets its original spelling, lower-cased.
 */
function phrasesOf(text: string, stop: ReadonlySet<string>, withSurface: boolean): Map<string, string> {
  const out = new Map<string, string>();
  const folded = fold(text);
  const aligned = folded.length === text.length;
  let run: string[] = [];
  let spans: number[] = [];
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) {
      for (let n = 2; n <= 3 && i + n <= run.length; n++) {
        if (run[i] === run[i + 1] && (n === 2 || run[i + 1] === run[i + 2])) continue;
        const key = n === 2 ? `${run[i]} ${run[i + 1]}` : `${run[i]} ${run[i + 1]} ${run[i + 2]}`;
        if (out.has(key)) continue;
        let surface = key;
        if (withSurface && aligned) {
          const words: string[] = [];
          for (let k = i; k < i + n; k++) words.push(text.slice(spans[2 * k], spans[2 * k + 1]).toLowerCase());
          surface = words.join(' ');
        }
        out.set(key, surface);
      }
    }
    run = [];
    spans = [];
  };
  for (const m of folded.matchAll(TOKEN)) {
    const w = m[0];
    const c = w.charCodeAt(0);
    const isWord = w.length > 1 || (c >= 97 && c <= 122) || c > 191;
    if (w === "'" || w === '’') continue;
    if (!isWord || !/^\p{L}/u.test(w)) {
      flush();
      continue;
    }
    if (w.length < 2 || stop.has(w)) continue;
    run.push(w);
    spans.push(m.index!, m.index! + w.length);
  }
  flush();
  return out;
}

function languageOf(m: MessageFact): string | null {
  const l = m.language ?? m.analysis?.language ?? null;
  return l ? l.slice(0, 2).toLowerCase() : null;
}

/**
 * Themes beyond the built-in taxonomy: recurring content phrases (bigrams/trigrams after stopword
 * removal, brand names and letter formulas excluded, counted once per message) per language, minus
 * phrases the built-in themes already explain
 * (most of their words appear in theme evidence spans), grouped when they co-occur in the same
 * messages (Jaccard ≥ 0.3 of their message sets) and labelled with the group's top phrase and terms.
 * Counting uses lossy pruning when the phrase table grows large (Manku & Motwani, "Approximate
 * frequency counts over data streams", VLDB 2002), so memory stays bounded on big workspaces.
 */
export function discoverThemes(messages: readonly MessageFact[], options: DiscoverOptions = {}): DiscoveredTheme[] {
  const maxMessages = options.maxMessages ?? 100_000;
  const byLang = new Map<string, MessageFact[]>();
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role !== 'customer') continue;
    const lang = languageOf(m);
    if (!lang || !stopwordsFor(lang)) continue;
    let list = byLang.get(lang);
    if (!list) byLang.set(lang, (list = []));
    if (list.length < maxMessages) list.push(m);
  }
  const out: DiscoveredTheme[] = [];
  for (const [lang, list] of [...byLang.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push(...discoverInLanguage(lang, list.reverse(), options));
  }
  return out;
}

function discoverInLanguage(lang: string, list: MessageFact[], options: DiscoverOptions): DiscoveredTheme[] {
  // Brand names recur in every review of that brand: treat their words as stopwords too.
  const brandWords = new Set<string>();
  for (const m of list) if (m.brand) for (const w of fold(m.brand).match(TOKEN) ?? []) brandWords.add(w);
  const stop = new Set([...stopwordsFor(lang)!, ...brandWords]);
  const table = options.memo?.table(lang, [...brandWords].sort().join(' ')) ?? new PhraseTable();
  table.begin();
  try {
    // Each text's phrases once, by id in the table's dictionary (of earlier computations too, with a memo).
    const phrases = list.map((m) => table.of(m.text, () => phrasesOf(m.text, stop, false).keys()));
    return themesOf(lang, list, phrases, table, stop, options);
  } finally {
    table.end();
  }
}

function themesOf(
  lang: string,
  list: readonly MessageFact[],
  phrases: readonly Int32Array[],
  table: PhraseTable,
  stop: ReadonlySet<string>,
  options: DiscoverOptions,
): DiscoveredTheme[] {
  const minCount = options.minCount ?? Math.max(3, Math.ceil(list.length * 0.002));
  const keys = table.keys;
  // Pass 1: document frequency of phrases, and the vocabulary of built-in theme evidence.
  // Counts by phrase id (0: not counted, or pruned); `live` lists the counted ids, as a map's keys would.
  const counts = new Int32Array(keys.length);
  let live: number[] = [];
  const evidence = new Map<string, number>();
  let floor = 0;
  list.forEach((m, mi) => {
    for (const f of m.analysis?.themes ?? []) {
      if (!f.evidence) continue;
      const words = table.evidenceWords(f.evidence, () => (fold(f.evidence!).match(TOKEN) ?? []).filter((w) => WORD.test(w)));
      for (const w of words) evidence.set(w, (evidence.get(w) ?? 0) + 1);
    }
    for (const id of phrases[mi]) {
      if (counts[id] === 0) {
        counts[id] = floor + 1;
        live.push(id);
      } else counts[id]++;
    }
    if (live.length > (options.pruneAt ?? PRUNE_AT)) {
      floor++;
      live = live.filter((id) => {
        if (counts[id] > floor) return true;
        counts[id] = 0;
        return false;
      });
    }
  });
  const covered = (key: string) => {
    const words = key.split(' ');
    return words.filter((w) => (evidence.get(w) ?? 0) >= 2).length * 2 > words.length;
  };
  let candidates: [string, number, number][] = [];
  for (const id of live) if (counts[id] >= minCount && !covered(keys[id]) && !isFormula(lang, keys[id])) candidates.push([keys[id], counts[id], id]);
  // A bigram mostly seen inside one trigram adds nothing: keep the longer phrase.
  const bestTrigram = new Map<string, number>();
  for (const [k, c] of candidates) {
    const w = k.split(' ');
    if (w.length !== 3) continue;
    for (const sub of [`${w[0]} ${w[1]}`, `${w[1]} ${w[2]}`]) bestTrigram.set(sub, Math.max(bestTrigram.get(sub) ?? 0, c));
  }
  candidates = candidates.filter(([k, c]) => (bestTrigram.get(k) ?? 0) < 0.7 * c);
  candidates.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  candidates = candidates.slice(0, CANDIDATES);
  if (candidates.length === 0) return [];

  // Pass 2: which messages hold each candidate, with a readable surface form. Candidate by phrase id
  // (−1: none) in a typed array: this loop reads every phrase of every message.
  const index = new Int32Array(keys.length).fill(-1);
  candidates.forEach(([, , id], i) => { index[id] = i; });
  const hits: number[][] = candidates.map(() => []);
  const surface: string[] = candidates.map(([k]) => k);
  const seenSurface = new Set<number>();
  list.forEach((m, mi) => {
    for (const id of phrases[mi]) {
      const i = index[id];
      if (i < 0) continue;
      hits[i].push(mi);
      if (!seenSurface.has(i)) {
        seenSurface.add(i);
        surface[i] = phrasesOf(m.text, stop, true).get(keys[id]) ?? keys[id];
      }
    }
  });

  // Group co-occurring phrases (union–find on Jaccard of sorted message lists).
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      if (jaccard(hits[i], hits[j]) >= 0.3) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, number[]>();
  candidates.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });

  const themes: DiscoveredTheme[] = [];
  for (const members of groups.values()) {
    const msgSet = new Map<number, number>();
    for (const i of members) for (const mi of hits[i]) msgSet.set(mi, (msgSet.get(mi) ?? 0) + 1);
    if (msgSet.size < minCount) continue;
    members.sort((a, b) => candidates[b][1] - candidates[a][1]);
    const termWeight = new Map<string, number>();
    // Terms are counted on folded words but shown as customers spelled them ("pénible", not "penible").
    const termSurface = new Map<string, string>();
    for (const i of members) {
      const words = candidates[i][0].split(' ');
      const spelled = surface[i].split(' ');
      words.forEach((w, k) => {
        termWeight.set(w, (termWeight.get(w) ?? 0) + candidates[i][1]);
        if (!termSurface.has(w) && spelled.length === words.length) termSurface.set(w, spelled[k]);
      });
    }
    const terms = [...termWeight.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([w]) => termSurface.get(w) ?? w);
    const picker = new QuotePicker(3);
    for (const [mi, hitsHere] of msgSet) {
      const m = list[mi];
      // A text scores at most its strength: the picker skips those that could not enter, and
      // quoteScore(text) * strength is quoteScore(text, strength), the same product in the same order.
      const strength = hitsHere / members.length;
      if (picker.wants(strength)) picker.offer(m, quoteScore(m.text) * strength);
    }
    const top = members[0];
    const id = `${lang}:${fold(candidates[top][0]).replace(/[^a-z0-9]+/g, '-')}`;
    options.members?.set(id, new Set([...msgSet.keys()].map((mi) => list[mi].conversationId)));
    themes.push({
      id,
      language: lang,
      label: surface[top],
      terms,
      phrases: members.map((i) => ({ phrase: surface[i], count: candidates[i][1] })),
      messages: msgSet.size,
      examples: picker.result(),
    });
  }
  themes.sort((a, b) => b.messages - a.messages || a.id.localeCompare(b.id));
  return themes.slice(0, options.maxThemesPerLanguage ?? 10);
}

/** Jaccard similarity of two ascending integer lists. */
function jaccard(a: number[], b: number[]): number {
  let i = 0, j = 0, inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { inter++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}
