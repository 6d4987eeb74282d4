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

/**
 * Volume, spread, weekly trend and representative verbatims of every built-in theme, in one pass.
 * Verbatims are the most typical readable messages: strongest theme finding × quotability
 * (see `quoteScore`), preferring negative-sentiment messages since themes are pains.
 */
export function computeThemeStats(messages: readonly MessageFact[], quotesPerTheme = 5): ThemeStat[] {
  const tallies = new Map<string, Tally>();
  let analysed = 0;
  let firstWeek = Infinity, lastWeek = -Infinity;
  for (const m of messages) {
    const a = m.analysis;
    if (m.role !== 'customer' || !a) continue;
    analysed++;
    const w = weekIndex(m.at);
    if (w < firstWeek) firstWeek = w;
    if (w > lastWeek) lastWeek = w;
    for (let i = 0; i < a.themes.length; i++) {
      const f = a.themes[i];
      if (a.themes.findIndex((x) => x.label === f.label) < i) continue; // count a theme once per message
      let t = tallies.get(f.label);
      if (!t) tallies.set(f.label, (t = { messages: 0, negative: 0, conversations: new Set(), weekly: new Map(), quotes: new QuotePicker(quotesPerTheme) }));
      t.messages++;
      if (a.sentiment.label === 'negative') t.negative++;
      t.conversations.add(m.conversationId);
      t.weekly.set(w, (t.weekly.get(w) ?? 0) + 1);
      const strength = f.score * TONE[a.sentiment.label];
      if (t.quotes.wants(strength)) t.quotes.offer(m, quoteScore(m.text, strength));
    }
  }
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
