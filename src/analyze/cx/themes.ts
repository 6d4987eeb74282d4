/**
 * Theme detection (GUIDELINES.md "themes"): lexicon hits per theme, a staff/attitude pair rule,
 * and the guideline rules that decide between close themes. At most three themes, each with the
 * verbatim span that shows it.
 */
import type { Finding } from '../../core/analysis.ts';
import { PROBLEM_THEMES, THEMES, type SentimentLabel, type Theme } from '../../core/labels.ts';
import type { Match } from './matcher.ts';
import { clauseRange, phraseAround } from './phrase.ts';
import { hits, type CxScan } from './scan.ts';

/** A detected theme with the lexicon match it rests on (kept for reason extraction). */
export interface ThemeHit {
  label: Theme;
  score: number;
  evidence: Match;
}

/**
 * Pair rules: a noun and a qualifier close together (in tokens) make a theme that neither shows
 * alone. "la vendeuse ... m'a parlé comme si" / "the driver was great" -> staff_attitude (praise or
 * complaint, GUIDELINES); "bag ... still missing" -> lost_or_damaged; "seat ... broken" ->
 * product_quality (a defect of the service itself); "the lift ... broken" -> technical.
 */
const PAIRS: ReadonlyArray<{ noun: string; qualifiers: readonly string[]; theme: Theme; window: number }> = [
  { noun: 'role:staff', qualifiers: ['role:good', 'role:bad'], theme: 'staff_attitude', window: 12 },
  { noun: 'role:bag', qualifiers: ['role:bagissue'], theme: 'lost_or_damaged', window: 8 },
  { noun: 'role:onboard', qualifiers: ['role:onboardbad'], theme: 'product_quality', window: 6 },
  // GUIDELINES: an out-of-order lift or ticket machine is technical.
  { noun: 'role:device', qualifiers: ['role:broken'], theme: 'technical', window: 6 },
];


const REQUEST_WORD_CUES: ReadonlySet<Theme> = new Set<Theme>(['unresolved', 'booking']);
const OBJECT_CUES: ReadonlySet<Theme> = new Set<Theme>(['product_quality', 'booking']);

const overlaps = (a: Match, b: Match): boolean => a.from < b.to && b.from < a.to;

function span(scan: CxScan, a: Match, b: Match, key: string): Match {
  const first = a.from <= b.from ? a : b;
  const last = a.to >= b.to ? a : b;
  return { ...first, key, end: last.end, tokEnd: last.tokEnd, to: last.to, text: scan.text.slice(first.from, last.to) };
}

function pairHits(scan: CxScan): Array<[Theme, Match]> {
  const out: Array<[Theme, Match]> = [];
  for (const rule of PAIRS) {
    const quals = rule.qualifiers.flatMap((q) => hits(scan, q));
    for (const s of hits(scan, rule.noun)) {
      let best: Match | null = null;
      for (const a of quals) {
        if (overlaps(a, s)) continue;
        const d = a.tokStart > s.tokEnd ? a.tokStart - s.tokEnd : s.tokStart - a.tokEnd;
        if (d <= rule.window && (!best || Math.abs(a.tokStart - s.tokStart) < Math.abs(best.tokStart - s.tokStart))) best = a;
      }
      if (best) out.push([rule.theme, span(scan, s, best, `theme:${rule.theme}`)]);
    }
  }
  return out;
}

/**
 * Tone read from the message's own words, so themes do not hinge on the sentiment model: a stated
 * problem ("flight delayed 3 hours") is a theme even when sentiment reads neutral or positive.
 * `praise`: praise or a good deed and no complaint word ("thanks for getting my bag back so fast").
 * `gripe`: a complaint word ("still", "worst", "toujours pas") whatever the sentiment says.
 */
export interface Tone {
  praise: boolean;
  gripe: boolean;
}

/** The tone of a message from its cues. */
export function toneOf(scan: CxScan): Tone {
  const gripe = hits(scan, 'gripe').length > 0;
  const praise = !gripe && hits(scan, 'praise').length + hits(scan, 'deed').length > 0;
  return { praise, gripe };
}

/** Theme hits per theme, after the guideline rules; strongest first, at most three. */
export function detectThemeHits(scan: CxScan, sentiment: SentimentLabel): ThemeHit[] {
  const tone = toneOf(scan);
  const custCancel = hits(scan, 'cust_cancel');
  const pairs = pairHits(scan);
  const lexical = THEMES.flatMap((t) => hits(scan, `theme:${t}`));
  // A theme match inside a longer lexicon match of another theme yields to it: "late fee" is
  // billing, not delay; "compte est bloqué" is account_access. Pair spans (noun ... qualifier)
  // are loose windows, not phrases, so they shadow nothing.
  const shadowed = (m: Match): boolean =>
    lexical.some((o) => o.key !== m.key && o.from <= m.from && o.to >= m.to && o.to - o.from > m.to - m.from);
  const perTheme = new Map<Theme, Match[]>();
  const add = (t: Theme, m: Match): void => void (perTheme.get(t) ?? perTheme.set(t, []).get(t)!).push(m);
  for (const t of THEMES) {
    for (const m of hits(scan, `theme:${t}`)) {
      // GUIDELINES: "cancellation only when the company cancelled"; the customer's own is policy.
      if (t === 'cancellation' && [...custCancel, ...hits(scan, 'churn')].some((c) => overlaps(c, m))) continue;
      if (shadowed(m)) continue;
      add(t, m);
    }
  }
  for (const c of custCancel) add('policy', c);
  // Unfair treatment at renewal (the loyalty penalty, a promo ending) is about price (GUIDELINES).
  for (const m of hits(scan, 'unfair')) if (!shadowed(m)) add('price', m);
  for (const [t, m] of pairs) add(t, m);
  // GUIDELINES: product_quality and technical are "never for praise": a message praising how a
  // past breakdown was handled. Praise is read from the words, and a negative reading vetoes it.
  if (tone.praise && sentiment !== 'negative') {
    perTheme.delete('product_quality');
    perTheme.delete('technical');
  }
  // Praise about a problem ("thanks for getting my bag back so fast"): a praise or deed cue in the
  // clause of a weak cue keeps that cue from naming a problem. Explicit problem words stay themes
  // (GUIDELINES: themes are the topics present, "refunding my missing order" is billing and
  // lost_or_damaged even in praise); only product_quality and technical are dropped, above.
  const cues = [...hits(scan, 'praise'), ...hits(scan, 'deed')];
  const praisedClause = (m: Match): boolean => {
    const [a, b] = clauseRange(scan.tokens, m, 40);
    return cues.some((c) => c.tokStart >= a && c.tokStart <= b);
  };
  const out: ThemeHit[] = [];
  for (const [label, ms] of perTheme) {
    // Evidence: the longest match (most specific phrase), earliest on ties.
    const best = ms.reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a));
    const distinct = new Set(ms.map((m) => m.from)).size;
    const length = best.tokEnd - best.tokStart + 1;
    const score = Math.min(1, 0.45 + 0.15 * (distinct - 1) + 0.08 * Math.min(length, 5));
    out.push({ label, score: Math.round(score * 100) / 100, evidence: phraseAround(scan, best) });
  }
  // Weak cues (`weak:<THEME>`): a bare "customer service", "flight attendant" or "for 3 hours"
  // usually names the pain point of a complaint; they only surface when nothing more specific fills
  // the three slots, and never when the message reads as praise. The tone comes from the message's
  // own words (toneOf), so a complaint the sentiment model misread still gets its themes.
  if (sentiment === 'negative' || !tone.praise) {
    const sure = sentiment === 'negative' || tone.gripe;
    for (const t of THEMES) {
      // "email", "ticket", "change" are everyday words of neutral requests: as weak cues of
      // unresolved or booking they need a complaint that is sure (negative reading or complaint words).
      if (!sure && REQUEST_WORD_CUES.has(t)) continue;
      const w = hits(scan, `weak:${t}`).find((m) => !(PROBLEM_THEMES.has(t) && praisedClause(m)));
      // Weak cues that only name an object ("the plane", "my seat") rank below those naming an event.
      const score = OBJECT_CUES.has(t) ? 0.25 : 0.3;
      if (w && !perTheme.has(t) && !out.some((o) => o.label === t)) out.push({ label: t, score, evidence: phraseAround(scan, w) });
    }
  }
  out.sort((a, b) => b.score - a.score || a.evidence.from - b.evidence.from);
  return out.slice(0, 3);
}

/** The contract form of theme hits. */
export function themeFindings(hitsList: readonly ThemeHit[]): Finding[] {
  return hitsList.map((h) => ({ label: h.label, score: h.score, evidence: h.evidence.text }));
}
