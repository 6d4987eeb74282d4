import type { MessageFact } from '../core/facts.ts';
import type { ThemeStat } from './types.ts';
import { labelOf } from '../core/label-names.ts';
import { weekIndex, weekLabel, weekRange } from './iso-week.ts';
import { change } from './score-breakdowns.ts';
import { QuotePicker, quoteScore } from './verbatims.ts';
import { round } from './stats/intervals.ts';

// Themes are mostly pains: a negative message illustrates one best, a positive one rarely.
const TONE = { negative: 1, neutral: 0.6, positive: 0.3 } as const;

interface Tally {
  messages: number;
  negative: number;
  conversations: Set<string>;
  weekly: Map<number, number>;
  quotes: QuotePicker;
}

/** The running counts of the theme statistics over some messages (all of them, or one day's: day-memo.ts). */
export interface ThemeTally {
  themes: Map<string, Tally>;
  analysed: number;
  firstWeek: number;
  lastWeek: number;
  quotesPerTheme: number;
}

/** An empty tally keeping `quotesPerTheme` verbatims a theme. */
export function themeTally(quotesPerTheme = 5): ThemeTally {
  return { themes: new Map(), analysed: 0, firstWeek: Infinity, lastWeek: -Infinity, quotesPerTheme };
}

const emptyTheme = (k: number): Tally => ({ messages: 0, negative: 0, conversations: new Set(), weekly: new Map(), quotes: new QuotePicker(k) });

/** Counts one message. */
export function tallyThemes(tally: ThemeTally, m: MessageFact): void {
  const a = m.analysis;
  if (m.role !== 'customer' || !a) return;
  tally.analysed++;
  const w = weekIndex(m.at);
  if (w < tally.firstWeek) tally.firstWeek = w;
  if (w > tally.lastWeek) tally.lastWeek = w;
  for (let i = 0; i < a.themes.length; i++) {
    const f = a.themes[i];
    if (a.themes.findIndex((x) => x.label === f.label) < i) continue; // count a theme once per message
    let t = tally.themes.get(f.label);
    if (!t) tally.themes.set(f.label, (t = emptyTheme(tally.quotesPerTheme)));
    t.messages++;
    if (a.sentiment.label === 'negative') t.negative++;
    t.conversations.add(m.conversationId);
    t.weekly.set(w, (t.weekly.get(w) ?? 0) + 1);
    const strength = f.score * TONE[a.sentiment.label];
    if (t.quotes.wants(strength)) t.quotes.offer(m, quoteScore(m.text, strength));
  }
}

/** Adds `from` into `into` (`from` is left as it is); any order of merging gives the same statistics. */
export function mergeThemes(into: ThemeTally, from: ThemeTally): void {
  into.analysed += from.analysed;
  into.firstWeek = Math.min(into.firstWeek, from.firstWeek);
  into.lastWeek = Math.max(into.lastWeek, from.lastWeek);
  for (const [theme, f] of from.themes) {
    let t = into.themes.get(theme);
    if (!t) into.themes.set(theme, (t = emptyTheme(into.quotesPerTheme)));
    t.messages += f.messages;
    t.negative += f.negative;
    for (const c of f.conversations) t.conversations.add(c);
    for (const [w, n] of f.weekly) t.weekly.set(w, (t.weekly.get(w) ?? 0) + n);
    t.quotes.mergeFrom(f.quotes);
  }
}

/**
 * Volume, spread, weekly trend and representative verbatims of every built-in theme, from a tally.
 * Verbatims are the most typical readable messages: strongest theme finding × quotability
 * (see `quoteScore`), preferring negative-sentiment messages since themes are pains.
 */
export function finishThemes(tally: ThemeTally): ThemeStat[] {
  const { analysed, firstWeek, lastWeek, themes: tallies } = tally;
  const weeks = Number.isFinite(firstWeek) ? weekRange(firstWeek, lastWeek) : [];
  return [...tallies.entries()]
    .map(([theme, t]) => {
      const weekly = weeks.map((w) => ({ week: weekLabel(w), count: t.weekly.get(w) ?? 0 }));
      const n = weekly.length;
      return {
        theme,
        label: labelOf('themes', theme),
        messages: t.messages,
        share: round(t.messages / analysed, 3),
        conversations: t.conversations.size,
        negativeShare: round(t.negative / t.messages, 3),
        weekly,
        change: change(n > 0 ? weekly[n - 1].count : null, n > 1 ? weekly[n - 2].count : null),
        verbatims: t.quotes.result(),
      };
    })
    .sort((a, b) => b.messages - a.messages || a.theme.localeCompare(b.theme));
}
