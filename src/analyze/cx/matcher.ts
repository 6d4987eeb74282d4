/**
 * Phrase matcher over canonical token streams: all patterns of a lexicon are compiled once into a
 * token trie, then each message is scanned with one walk of the trie per start position (linear in
 * practice: patterns are short and the trie is shallow), instead of one regex per pattern.
 *
 * Pattern syntax (space-separated slots; text is folded and canonicalized like messages, so
 * "j'ai été facturé" also matches "jai ete facture"):
 *   word       a literal token (may expand to several: "c'est" -> "ce est")
 *   word*      any token starting with "word" ("annul*" -> annulé, annulation)
 *   a|b|c      alternatives for one slot; each alternative may itself be several words
 *   ~word      optional slot
 *   #          a number: digits, "3e", "trois", "third"
 *   _          any single word (not punctuation)
 *   !pattern   (prefix of the whole pattern) never negated: "pas de réponse" is itself the complaint
 */
import { tokenize, type Token } from '../text.ts';
import { canonicalize, type CanonToken, type CxLang } from './canon.ts';

/** One compiled lexicon entry's payload. */
interface Entry {
  key: string;
  negatable: boolean;
}

interface TrieNode {
  exact: Map<string, TrieNode>;
  prefix: Array<[string, TrieNode]>;
  /**
   * The same prefix slots bucketed by their first character, in insertion order: the root holds
   * about 200 of them, and trying every one on every token was a tenth of the analysis time.
   */
  prefixByFirst: Map<string, Array<[string, TrieNode]>>;
  num: TrieNode | null;
  any: TrieNode | null;
  out: Entry[];
}

type Step = { kind: 'exact' | 'prefix'; value: string } | { kind: 'num' } | { kind: 'any' };

/** A pattern found in a message; token indices are into the canonical stream. */
export interface Match {
  key: string;
  start: number;
  end: number;
  /** A negator ("pas", "no", "never", "sans", "n't") governs the match. */
  negated: boolean;
  /** Indices of the first and last source tokens (from tokenize()), comparable across languages. */
  tokStart: number;
  tokEnd: number;
  /** Character offsets in the original text, and the verbatim span. */
  from: number;
  to: number;
  text: string;
}

/** A compiled phrase matcher for one language. */
export interface PhraseMatcher {
  readonly lang: CxLang;
  readonly root: TrieNode;
}

const newNode = (): TrieNode => ({ exact: new Map(), prefix: [], prefixByFirst: new Map(), num: null, any: null, out: [] });

function slotAlternatives(slot: string, lang: CxLang): Step[][] {
  return slot.split('|').map((alt): Step[] => {
    if (alt === '#') return [{ kind: 'num' }];
    if (alt === '_') return [{ kind: 'any' }];
    const star = alt.endsWith('*');
    const words = canonicalize(tokenize(star ? alt.slice(0, -1) : alt), lang).map((c) => c.norm);
    if (words.length === 0) throw new Error(`CX lexicon: empty slot "${slot}"; remove it or write a word`);
    return words.map((w, i): Step => ({ kind: star && i === words.length - 1 ? 'prefix' : 'exact', value: w }));
  });
}

/** Expands a pattern into every step sequence it denotes (alternatives x optional slots). */
function expandPattern(pattern: string, lang: CxLang): Step[][] {
  let seqs: Step[][] = [[]];
  for (const raw of pattern.split(/\s+/).filter(Boolean)) {
    const optional = raw.startsWith('~');
    const alts = slotAlternatives(optional ? raw.slice(1) : raw, lang);
    const next: Step[][] = [];
    for (const s of seqs) {
      if (optional) next.push(s);
      for (const a of alts) next.push([...s, ...a]);
    }
    seqs = next;
  }
  return seqs.filter((s) => s.length > 0);
}

function insert(root: TrieNode, steps: Step[], entry: Entry): void {
  let node = root;
  for (const st of steps) {
    if (st.kind === 'num') node = node.num ??= newNode();
    else if (st.kind === 'any') node = node.any ??= newNode();
    else if (st.kind === 'exact') {
      let n = node.exact.get(st.value);
      if (!n) node.exact.set(st.value, (n = newNode()));
      node = n;
    } else {
      let pair = node.prefix.find(([p]) => p === st.value);
      if (!pair) {
        node.prefix.push((pair = [st.value, newNode()]));
        const bucket = node.prefixByFirst.get(st.value[0]);
        if (bucket) bucket.push(pair);
        else node.prefixByFirst.set(st.value[0], [pair]);
      }
      node = pair[1];
    }
  }
  if (!node.out.some((e) => e.key === entry.key)) node.out.push(entry);
}

/**
 * Compiles `lexicon` (key -> patterns) for `lang`. `negatableKey` says which keys get the negation
 * check at all (default: every key). Throws on an empty pattern, naming it.
 */
export function compileMatcher(
  lexicon: Record<string, readonly string[]>,
  lang: CxLang,
  negatableKey: (key: string) => boolean = () => true,
): PhraseMatcher {
  const root = newNode();
  for (const [key, patterns] of Object.entries(lexicon)) {
    for (const p of patterns) {
      const negatable = !p.startsWith('!') && negatableKey(key);
      for (const steps of expandPattern(p.startsWith('!') ? p.slice(1) : p, lang)) insert(root, steps, { key, negatable });
    }
  }
  return { lang, root };
}

const NEGATORS: Record<CxLang, ReadonlySet<string>> = {
  fr: new Set(['pas', 'aucun', 'aucune', 'sans', 'jamais', 'ni', 'zero', 'rien']),
  en: new Set(['no', 'not', 'never', 'without', 't', 'nor', 'zero', 'nothing']),
};
// Words that open a new clause: a negation before them does not reach past them.
const CLAUSE_WORDS = new Set(['mais', 'but', 'et', 'and', 'or', 'ou', 'que', 'because', 'car', 'parce']);
// "pas seulement", "not only": negation of the exclusivity, not of the event.
const NOT_ONLY = new Set(['seulement', 'only', 'just', 'que']);

// Modal verbs whose negation states a failure ("can't check in", "impossible": the event failed).
const INABILITY = new Set(['can', 'could', 'couldn', 'won', 'wouldn', 'peux', 'peut', 'pouvons', 'pouvez', 'peuvent', 'pouvais', 'pouvait', 'arrive', 'arrivons', 'arrivais']);

/** True when a negator sits in the 3 canonical tokens before `start`, within the same clause. */
export function isNegated(canon: readonly CanonToken[], start: number, lang: CxLang): boolean {
  const neg = NEGATORS[lang];
  for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
    const t = canon[k];
    if (t.stop || CLAUSE_WORDS.has(t.norm)) return false;
    if (neg.has(t.norm)) {
      // "can't book", "je ne peux pas réserver": inability is the problem itself, not its negation.
      if (INABILITY.has(canon[k - 1]?.norm ?? '') || INABILITY.has(canon[k - 2]?.norm ?? '')) return false;
      return !NOT_ONLY.has(canon[k + 1]?.norm ?? '');
    }
  }
  return false;
}

/** Finds every pattern occurrence in the canonical stream (overlaps included). */
export function findMatches(m: PhraseMatcher, canon: readonly CanonToken[], tokens: readonly Token[], text: string): Match[] {
  const out: Match[] = [];
  const emit = (node: TrieNode, start: number, end: number): void => {
    for (const e of node.out) {
      const tokStart = canon[start].src;
      const tokEnd = canon[end].srcEnd;
      const from = tokens[tokStart].start;
      const to = tokens[tokEnd].end;
      const negated = e.negatable && isNegated(canon, start, m.lang);
      out.push({ key: e.key, start, end, tokStart, tokEnd, negated, from, to, text: text.slice(from, to) });
    }
  };
  for (let i = 0; i < canon.length; i++) {
    if (canon[i].stop) continue;
    const stack: Array<[TrieNode, number]> = [[m.root, i]];
    while (stack.length > 0) {
      const [node, j] = stack.pop()!;
      if (j > i) emit(node, i, j - 1);
      const t = canon[j];
      if (!t) continue;
      const ex = node.exact.get(t.norm);
      if (ex) stack.push([ex, j + 1]);
      // Only slots sharing the token's first character can match; the bucket keeps their order.
      const bucket = node.prefixByFirst.get(t.norm[0]);
      if (bucket) for (const [p, n] of bucket) if (t.norm.startsWith(p)) stack.push([n, j + 1]);
      if (node.num && t.num) stack.push([node.num, j + 1]);
      if (node.any && !t.stop) stack.push([node.any, j + 1]);
    }
  }
  return out;
}
