/**
 * Reason (GUIDELINES.md "reason"): the shortest verbatim span saying what caused the primary
 * emotion, what happened or what the company did, not background. Null iff there is no emotion
 * (checked rule). The span is always a substring of the text.
 */
import type { Match } from './matcher.ts';
import { NUMBER_WORDS } from './canon.ts';
import { CLAUSE_END, clauseAround, clauseRange } from './phrase.ts';
import { hits, type CxScan } from './scan.ts';
import type { ThemeHit } from './themes.ts';

const POSITIVE = new Set(['joy', 'gratitude', 'relief', 'trust', 'surprise']);

// A clause often opens with a frame around the cause ("Ça fait 5 jours que …", "I got an email
// saying …", "pourquoi …"): the reason starts after it. GUIDELINES: "the shortest span".
const FRAME = new Set(['que', 'qu', 'that', 'saying', 'says', 'how', 'pourquoi', 'why', 'quand', 'when']);
// Trailing adjuncts of place, purpose or time point ("à Madrid", "pour l'achat", "after the storm")
// are background; a duration ("for three weeks", "depuis 3 jours") stays, it is part of the cause.
const ADJUNCT = new Set(['pour', 'après', 'apres', 'avec', 'chez', 'with', 'after', 'at', 'during', 'pendant', 'lors']);

/** The clause around `m`, without its leading frame and trailing background adjunct. */
export function reasonSpan(scan: Pick<CxScan, 'text' | 'tokens'>, m: Pick<Match, 'tokStart' | 'tokEnd'>): string {
  const { tokens } = scan;
  let [a, b] = clauseRange(tokens, m);
  for (let i = m.tokStart - 1; i > a; i--) {
    if (FRAME.has(tokens[i].norm) || FRAME.has(tokens[i].text.toLowerCase())) {
      a = i + 1;
      while (a < m.tokStart && /^['’]$/.test(tokens[a].text)) a++;
      break;
    }
  }
  for (let j = m.tokEnd + 1; j <= b; j++) {
    const w = tokens[j].text.toLowerCase();
    if (ADJUNCT.has(w) && !/^\d/.test(tokens[j + 1]?.text ?? '') && !NUMBER_WORDS.has(tokens[j + 1]?.norm ?? '')) {
      b = j - 1;
      break;
    }
  }
  return scan.text.slice(tokens[a].start, tokens[b].end);
}

/** What the reason rule reads besides the scan. */
export interface ReasonFacts {
  emotions: readonly string[];
  themes: readonly ThemeHit[];
  vulnerable: Match | null;
}

/** The first clause with a word in it (what a message leads with). */
export function firstClause(scan: Pick<CxScan, 'text' | 'tokens'>): string | null {
  const { tokens, text } = scan;
  const words = tokens.findIndex((t, i) => /\p{L}/u.test(t.text) && i > 0 && CLAUSE_END.test(tokens[i - 1].text));
  const start = words > 0 ? words : tokens.findIndex((t) => /\p{L}|\d/u.test(t.text));
  if (start < 0) return null;
  return clauseAround(text, tokens, { tokStart: start, tokEnd: start });
}

/** True when the match sits in a clause that asks for something ("je demande le remboursement"). */
function inRequest(scan: CxScan, m: Match): boolean {
  let a = m.tokStart;
  let b = m.tokEnd;
  while (a > 0 && !CLAUSE_END.test(scan.tokens[a - 1].text)) a--;
  while (b < scan.tokens.length - 1 && !CLAUSE_END.test(scan.tokens[b + 1].text)) b++;
  return hits(scan, 'request').some((r) => r.tokStart >= a && r.tokStart <= b);
}

/** The reason span, or null when no emotion was found. */
export function detectReason(scan: CxScan, f: ReasonFacts): string | null {
  if (f.emotions.length === 0) return null;
  const primary = f.emotions[0];
  const around = (m: Pick<Match, 'tokStart' | 'tokEnd'>): string => reasonSpan(scan, m);
  // Bereavement with sadness first: the death is the reason (GUIDELINES).
  if (primary === 'sadness' && f.vulnerable) return around(f.vulnerable);
  if (POSITIVE.has(primary)) {
    // Praise reasons are what was done ("réglé en 10 minutes"), then who did it, then the praise word.
    const deed = hits(scan, 'deed')[0];
    if (deed) return around(deed);
    const praised = f.themes.find((t) => t.label === 'staff_attitude') ?? f.themes[0];
    if (praised) return around(praised.evidence);
    const cue = hits(scan, 'praise')[0];
    return cue ? around(cue) : firstClause(scan);
  }
  // Complaints: the first stated problem among the chosen themes, not the customer's request.
  const labels = new Set(f.themes.map((t) => `theme:${t.label}`));
  const candidates = scan.matches.filter((m) => !m.negated && labels.has(m.key) && !inRequest(scan, m));
  if (candidates.length > 0) return around(candidates[0]);
  if (f.themes.length > 0) return around(f.themes[0].evidence);
  if (primary === 'anxiety' && f.vulnerable) return around(f.vulnerable);
  return firstClause(scan);
}
