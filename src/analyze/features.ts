/**
 * Feature extraction shared by training (scripts/train.ts) and analysis: lexicon valence in the
 * manner of VADER (Hutto & Gilbert 2014: boosters, negation ×−0.74, capitals, "but" weighting),
 * emotion cue matches, and sparse word unigram/bigram indicators with negation marking
 * (Pang, Lee & Vaithyanathan 2002) and character 4-grams for the linear and hidden layers.
 */
import { BOOSTERS, LUKEWARM, SARCASM_OPENERS, SARCASTIC_PHRASES } from './lexicon/cx-valence.ts';
import { lastContrast, type Word } from './normalize.ts';
import type { PhraseTable } from './phrase-table.ts';
import { idsOf, type SharedIds, type Vocabulary } from './vocabulary.ts';

/** The feature a message read as sarcastic carries (a praise word opening a complaint, an eye-roll emoji by praise). */
export const SARCASM_FEATURE = 'cue:sarcasm';

/** What feature extraction needs from a (compiled) model. */
export interface FeatureContext {
  lexEn: PhraseTable;
  lexFr: PhraseTable;
  lexFeel: PhraseTable;
  emoji: Map<string, number>;
  cues: Map<string, PhraseTable>;
  /** The model's shared feature vocabulary: when given, each feature's id is looked up once here. */
  vocab?: Vocabulary;
}

/** A matched emotion cue: strength and word span [start, end). */
export interface CueHit {
  strength: number;
  start: number;
  end: number;
}

/** The sparse features of one message (parallel arrays) plus the lexicon facts the rules read. */
export interface FeatureSet {
  names: string[];
  vals: number[];
  /** Word index each feature comes from (-1 for document-level features). */
  pos: number[];
  /** Sum of positive / negative (as magnitude) valence. */
  lexPos: number;
  lexNeg: number;
  /** Valence contributed per word (for evidence). */
  valence: Float64Array;
  cueHits: Map<string, CueHit>;
  sarcasm: boolean;
  /** Politeness formulas seen ("merci", "thanks", "merci de"). */
  polite: number;
  /** The message asks for something: a question mark or a request formula ("merci de", "please"). */
  request: boolean;
  /** A lukewarm verdict ("correct sans plus", "average") and the strongest single valence seen. */
  lukewarm: boolean;
  maxValence: number;
  /** Each feature's id in the model's shared vocabulary (vocabulary.ts), when extracted with one. */
  shared?: SharedIds;
}

const N_SCALAR = -0.74;
/** Politeness formulas, scored apart from praise. */
const POLITE = new Set(['merci de', 'merci de avance', 'merci par avance', 'thanks in advance', 'thank you in advance', 'merci', 'merci beaucoup', 'thanks', 'thank you', 'thank', 'thx', 'please', 'cordialement', 'se il vous plait', 'se il te plait', 'bonjour', 'hello', 'hi', 'hey', 'pls', 'kindly']);
const B_INCR = 0.293;
/** Politeness formulas that frame a request rather than thank for something done. */
const REQUEST_POLITE = new Set(['merci de', 'merci de avance', 'merci par avance', 'thanks in advance', 'thank you in advance', 'please', 'pls', 'se il vous plait', 'se il te plait', 'cordialement', 'kindly']);
/** Emoji that read as irony in customer messages (eye roll, upside-down face, unamused). */
const IRONY_EMOJI = new Set(['🙄', '🙃', '😒']);
const C_INCR = 0.733;

function matchAt(table: PhraseTable, words: Word[], i: number): { len: number; value: number; key: string } | null {
  const list = table.get(words[i].w);
  if (!list) return null;
  for (const p of list) {
    if (i + p.words.length > words.length) continue;
    let ok = true;
    for (let j = 1; j < p.words.length; j++) {
      if (words[i + j].w !== p.words[j]) { ok = false; break; }
    }
    if (ok) return { len: p.words.length, value: p.value, key: p.key };
  }
  return null;
}

function lexTables(ctx: FeatureContext, lang: string): PhraseTable[] {
  if (lang === 'fr') return [ctx.lexFr];
  if (lang === 'en') return [ctx.lexEn];
  return [ctx.lexFr, ctx.lexEn];
}

/** Extracts every feature of a normalised text. `lang` picks the lexicon ("fr", "en", else both). */
export function extractFeatures(words: Word[], lang: string, ctx: FeatureContext): FeatureSet {
  const n = words.length;
  const valence = new Float64Array(n);
  const tables = lexTables(ctx, lang);
  const contrast = lastContrast(words);
  let anyCaps = false;
  let allCaps = true;
  for (const w of words) if (!w.sym) { if (w.caps) anyCaps = true; else allCaps = false; }
  const capsEmphasis = anyCaps && !allCaps;
  let excl = 0;
  let quest = 0;
  let polite = 0;
  let request = false;
  let sarcasticPhrase = false;
  let weakPos = 0;
  let weakNeg = 0;
  for (let i = 0; i < n; ) {
    const word = words[i];
    if (word.sym) {
      if (word.w === '!') excl++;
      else if (word.w === '?') quest++;
      else valence[i] = ctx.emoji.get(word.w) ?? 0;
      i++;
      continue;
    }
    let m: { len: number; value: number; key: string } | null = null;
    for (const t of tables) { m = matchAt(t, words, i); if (m) break; }
    if (!m) {
      if (lang !== 'en') {
        const weak = matchAt(ctx.lexFeel, words, i);
        if (weak) {
          const v = word.neg ? -weak.value : weak.value;
          if (v > 0) weakPos += v; else weakNeg -= v;
          i += weak.len;
          continue;
        }
      }
      i++;
      continue;
    }
    if (POLITE.has(m.key) && !word.neg) {
      // Politeness ("merci", "thanks") is not praise: a thankful complaint is still a complaint.
      polite += 1;
      if (REQUEST_POLITE.has(m.key)) request = true;
      i += m.len;
      continue;
    }
    if (SARCASTIC_PHRASES.has(m.key)) sarcasticPhrase = true;
    let v = m.value;
    const prev = i > 0 ? words[i - 1].w : '';
    if (BOOSTERS.has(prev)) v += Math.sign(v) * B_INCR;
    if (word.neg) v *= N_SCALAR;
    if (capsEmphasis && word.caps) v += Math.sign(v) * C_INCR;
    if (contrast >= 0) v *= i < contrast ? 0.5 : 1.5;
    valence[i] = v;
    i += m.len;
  }
  // Eye-roll and upside-down faces mark the praise around them as sarcastic ("Bravo la banque 🙃").
  let ironyMark = false;
  for (const w of words) if (w.sym && IRONY_EMOJI.has(w.w)) ironyMark = true;
  // Sarcasm: a positive opener followed by a complaint ("Super, 3e semaine sans internet").
  let sarcasm = false;
  let complaint = 0;
  for (let i = 0; i < n; i++) complaint += Math.min(0, valence[i]);
  // "Great job" / "bravo pour" are sarcastic only when the rest complains.
  if (sarcasticPhrase && complaint <= -1.2) sarcasm = true;
  if (ironyMark && valence.some((v) => v > 0)) {
    sarcasm = true;
    for (let i = 0; i < n; i++) if (valence[i] > 0) valence[i] = -valence[i];
  }
  const first = words.findIndex((w) => !w.sym);
  if (first >= 0 && first <= 1 && SARCASM_OPENERS.has(words[first].w) && valence[first] > 0) {
    let rest = 0;
    for (let i = first + 1; i < n; i++) rest += Math.min(0, valence[i]);
    if (rest <= -1.2) {
      sarcasm = true;
      valence[first] = -Math.abs(valence[first]);
    }
  }
  let lexPos = 0;
  let lexNeg = 0;
  for (let i = 0; i < n; i++) {
    if (valence[i] > 0) lexPos += valence[i];
    else lexNeg -= valence[i];
  }
  if (excl > 0) {
    const amp = Math.min(excl, 4) * 0.292;
    if (lexNeg > lexPos) lexNeg += amp; else if (lexPos > 0) lexPos += amp;
  }

  const names: string[] = [];
  const vals: number[] = [];
  const pos: number[] = [];
  const dense = (name: string, v: number) => { names.push(name); vals.push(v); pos.push(-1); };
  dense('lx:pos', Math.tanh(lexPos / 3));
  dense('lx:neg', Math.tanh(lexNeg / 3));
  dense('lx:bal', Math.tanh((lexPos - lexNeg) / 3));
  // Mixed feelings (both sides present) lean neutral unless one side clearly dominates.
  if (lexPos > 0 && lexNeg > 0) dense('lx:mix', Math.min(lexPos, lexNeg) / Math.max(lexPos, lexNeg));
  if (lexPos === 0 && lexNeg === 0) dense('lx:none', 1);
  if (weakPos > 0) dense('lx:wpos', Math.tanh(weakPos / 4));
  if (weakNeg > 0) dense('lx:wneg', Math.tanh(weakNeg / 4));
  if (sarcasm) dense(SARCASM_FEATURE, 1);
  if (polite > 0) dense('cue:polite', Math.min(1, polite / 2));
  if (excl > 0) dense('cue:excl', Math.min(1, excl / 2));
  if (quest > 0) dense('cue:quest', 1);
  if (capsEmphasis) dense('cue:caps', 1);

  // Emotion cues: the strongest match per emotion; cues inside a negation scope do not count.
  const cueHits = new Map<string, CueHit>();
  for (const [label, table] of ctx.cues) {
    for (let i = 0; i < n; i++) {
      if (words[i].neg) continue;
      const m = matchAt(table, words, i);
      if (!m) continue;
      const prev = cueHits.get(label);
      if (!prev || m.value > prev.strength) cueHits.set(label, { strength: m.value, start: i, end: i + m.len });
    }
  }
  for (const [label, hit] of cueHits) { names.push('cue:' + label); vals.push(hit.strength); pos.push(hit.start); }

  // Sparse indicators, scaled down on long texts so a review does not drown in its own words.
  const seen = new Set<string>();
  const sparse: [string, number][] = [];
  const chars: [string, number][] = [];
  let prevWord = '';
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const uni = 'w:' + (w.neg ? '~' : '') + w.w;
    if (!seen.has(uni)) { seen.add(uni); sparse.push([uni, i]); }
    // A 5-letter prefix generalises over inflections ("frustrated"/"frustrating", "décevant"/"décevante").
    if (!w.sym && w.w.length > 6) {
      const pre = 'p:' + (w.neg ? '~' : '') + w.w.slice(0, 5);
      if (!seen.has(pre)) { seen.add(pre); sparse.push([pre, i]); }
    }
    // Character 4-grams of longer words carry misspellings and rare inflections ("soooo", "pissed",
    // "décevant") to the emotion layer; they are scaled on their own so word weights keep their scale.
    if (!w.sym && w.w.length >= 4) {
      const g = '<' + w.w + '>';
      for (let q = 0; q + 4 <= g.length; q++) {
        const c = 'c:' + g.slice(q, q + 4);
        if (!seen.has(c)) { seen.add(c); chars.push([c, i]); }
      }
    }
    if (!w.sym && prevWord) {
      // Bigrams are marked in a negation scope like words: "not bad at all" is not "bad at".
      const bi = 'b:' + (w.neg ? '~' : '') + prevWord + '_' + w.w;
      if (!seen.has(bi)) { seen.add(bi); sparse.push([bi, i]); }
    }
    prevWord = w.sym ? '' : w.w;
  }
  const scale = Math.min(1, 3 / Math.sqrt(Math.max(1, sparse.length)));
  for (const [name, i] of sparse) { names.push(name); vals.push(scale); pos.push(i); }
  const charScale = Math.min(1, 3 / Math.sqrt(Math.max(1, chars.length)));
  for (const [name, i] of chars) { names.push(name); vals.push(charScale); pos.push(i); }
  let maxValence = 0;
  for (let i = 0; i < n; i++) maxValence = Math.max(maxValence, Math.abs(valence[i]));
  const shared = ctx.vocab ? { vocab: ctx.vocab, ids: idsOf(ctx.vocab, names) } : undefined;
  return { names, vals, pos, lexPos, lexNeg, valence, cueHits, sarcasm, polite, request: request || quest > 0, lukewarm: hasLukewarm(words), maxValence, shared };
}

/** LUKEWARM's phrases as words, by first word: a message is scanned once, not once per phrase. */
const LUKEWARM_BY_FIRST: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const m = new Map<string, string[][]>();
  for (const phrase of LUKEWARM) {
    const ws = phrase.split(' ');
    const list = m.get(ws[0]);
    if (list) list.push(ws);
    else m.set(ws[0], [ws]);
  }
  return m;
})();

/** True when a lukewarm verdict (LUKEWARM) appears outside a negation scope. */
function hasLukewarm(words: Word[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const list = LUKEWARM_BY_FIRST.get(words[i].w);
    if (!list) continue;
    for (const ws of list) {
      if (i + ws.length > words.length || (words[i].neg && ws[0] !== 'sans')) continue;
      let ok = true;
      for (let j = 1; j < ws.length; j++) if (words[i + j].w !== ws[j]) { ok = false; break; }
      if (ok) return true;
    }
  }
  return false;
}
