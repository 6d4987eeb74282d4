/**
 * Reason (GUIDELINES.md "reason"): the shortest verbatim span saying what caused the primary
 * emotion, what happened or what the company did, not background. Null iff there is no emotion
 * (checked rule). The span is always a substring of the text.
 */
import type { Token } from '../text.ts';
import type { Match } from './matcher.ts';
import { hits, type CxScan } from './scan.ts';
import type { ThemeHit } from './themes.ts';

const POSITIVE = new Set(['joy', 'gratitude', 'relief', 'trust', 'surprise']);
const CLAUSE_END = /^[.,;:!?…()]$|^[!?]+$/;
// How far a reason may extend past its evidence inside the clause, in tokens on each side.
const REACH = 4;

/** Grows a match to the surrounding clause, at most REACH tokens each way. */
export function clauseAround(text: string, tokens: readonly Token[], m: Pick<Match, 'tokStart' | 'tokEnd'>): string {
  let a = m.tokStart;
  let b = m.tokEnd;
  while (a > 0 && m.tokStart - a < REACH && !CLAUSE_END.test(tokens[a - 1].text)) a--;
  while (b < tokens.length - 1 && b - m.tokEnd < REACH && !CLAUSE_END.test(tokens[b + 1].text)) b++;
  // Do not start or end on a dangling apostrophe or connector.
  while (a < m.tokStart && /^['’]$|^(et|and|mais|but|so|donc|alors|puis|pis|then)$/i.test(tokens[a].text)) a++;
  while (b > m.tokEnd && /^['’]$|^(et|and|mais|but|so|donc|de|du|des|the|a|of|to)$/i.test(tokens[b].text)) b--;
  return text.slice(tokens[a].start, tokens[b].end);
}

/** What the reason rule reads besides the scan. */
export interface ReasonFacts {
  emotions: readonly string[];
  themes: readonly ThemeHit[];
  vulnerable: Match | null;
}

function firstClause(scan: CxScan): string | null {
  const { tokens, text } = scan;
  const words = tokens.findIndex((t, i) => /\p{L}/u.test(t.text) && i > 0 && CLAUSE_END.test(tokens[i - 1].text));
  const start = words > 0 ? words : tokens.findIndex((t) => /\p{L}|\d/u.test(t.text));
  if (start < 0) return null;
  return clauseAround(text, tokens, { tokStart: start, tokEnd: start });
}

/** True when the match sits in a clause that asks for something ("je demande le remboursement"). */
function inRequest(scan: CxScan, m: Match): boolean {
  const clause = (x: Match): [number, number] => {
    let a = x.tokStart;
    let b = x.tokEnd;
    while (a > 0 && !CLAUSE_END.test(scan.tokens[a - 1].text)) a--;
    while (b < scan.tokens.length - 1 && !CLAUSE_END.test(scan.tokens[b + 1].text)) b++;
    return [a, b];
  };
  const [a, b] = clause(m);
  return hits(scan, 'request').some((r) => r.tokStart >= a && r.tokStart <= b);
}

/** The reason span, or null when no emotion was found. */
export function detectReason(scan: CxScan, f: ReasonFacts): string | null {
  if (f.emotions.length === 0) return null;
  const primary = f.emotions[0];
  const around = (m: Pick<Match, 'tokStart' | 'tokEnd'>): string => clauseAround(scan.text, scan.tokens, m);
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
