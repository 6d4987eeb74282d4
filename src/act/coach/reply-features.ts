/**
 * Features of a (customer message, reply) pair, as named numeric values the learned heads read.
 * Three families: words of the reply (unigrams and bigrams: what agents say), cue classes (feeling,
 * apology, deadline, owner, deflection…; see cue-lexicon.ts) and overlap with the customer's
 * message (shared content words, numbers and identifiers, names, quoted phrases), which is what
 * separates a tailored reply from a template. Values stay within about 0..3 so one learning rate
 * suits every family.
 */
import { CUSTOMER_CUES, cueCounts, cueMatches, REPLY_CUES } from './cue-lexicon.ts';
import { contentStems, foldText, identifiers, isStopword, properNames, sentences, wordsOf } from './text-units.ts';

/** Feature name -> value (absent features are 0). */
export type FeatureMap = Map<string, number>;

/** log(1 + n), capped: counts matter, but the tenth apology adds little to the first. */
const lg = (n: number): number => Math.min(3, Math.log1p(n));

/** How the reply's questions relate to the customer's message. */
export interface QuestionKinds {
  total: number;
  /** Mention something the customer wrote: an exploration of their situation. */
  specific: number;
  generic: number;
  admin: number;
}

const GENERIC_Q = /\b(anything else|how can (i|we) help|is there anything|autre chose|que puis-je|puis-je vous aider|comment puis-je|can i help|help you with)\b/;
const ADMIN_Q = /\b(order|account|booking|reference|postcode|email|numero|commande|dossier|contrat|adresse|date de naissance|dm|details|coordonnees)\b/;

/** Classifies the reply's questions (sentences ending in "?") against the customer's content words. */
export function questionKinds(reply: string, customerStems: ReadonlySet<string>): QuestionKinds {
  const out: QuestionKinds = { total: 0, specific: 0, generic: 0, admin: 0 };
  for (const s of sentences(reply)) {
    if (!s.text.includes('?')) continue;
    out.total++;
    const folded = foldText(s.text);
    if (GENERIC_Q.test(folded)) out.generic++;
    else if (ADMIN_Q.test(folded) && !contentStems(s.text).some((w) => customerStems.has(w) && !/^\d/.test(w))) out.admin++;
    else if (contentStems(s.text).some((w) => customerStems.has(w))) out.specific++;
  }
  return out;
}

/** Word unigrams and bigrams of the reply (binary), prefixed "w:" and "b:". */
function ngramFeatures(words: string[], into: FeatureMap): void {
  for (let i = 0; i < words.length; i++) {
    into.set(`w:${words[i]}`, 1);
    if (i + 1 < words.length) into.set(`b:${words[i]}_${words[i + 1]}`, 1);
  }
}

/** All features of one pair. `withNgrams` false keeps only the dense families (used for transfer checks). */
export function replyFeatures(customer: string, reply: string, withNgrams = true): FeatureMap {
  const f: FeatureMap = new Map();
  const replyFolded = foldText(reply);
  const customerFolded = foldText(customer);
  const replyWords = wordsOf(reply);
  if (withNgrams) ngramFeatures(replyWords, f);

  for (const [name, n] of Object.entries(cueCounts(replyFolded, REPLY_CUES))) if (n > 0) f.set(`cue:${name}`, lg(n));
  for (const [name, n] of Object.entries(cueCounts(customerFolded, CUSTOMER_CUES))) if (n > 0) f.set(`cust:${name}`, lg(n));

  // Overlap with the customer's message: the evidence of personalization and interpretation.
  const cStems = new Set(contentStems(customer));
  const rStems = new Set(contentStems(reply));
  let shared = 0;
  for (const s of rStems) if (cStems.has(s)) shared++;
  f.set('ov:frac', cStems.size ? shared / cStems.size : 0);
  f.set('ov:count', lg(shared));
  f.set('ov:novel', rStems.size ? 1 - shared / rStems.size : 0);
  const cWords = wordsOf(customer).filter((w) => !isStopword(w) && w.length >= 3);
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < cWords.length; i++) bigrams.add(`${cWords[i]} ${cWords[i + 1]}`);
  const rContent = replyWords.filter((w) => !isStopword(w) && w.length >= 3);
  let sharedBigrams = 0;
  for (let i = 0; i + 1 < rContent.length; i++) if (bigrams.has(`${rContent[i]} ${rContent[i + 1]}`)) sharedBigrams++;
  f.set('ov:bigrams', lg(sharedBigrams));
  const ids = identifiers(customer);
  const replyIds = new Set(identifiers(reply));
  const sharedIds = ids.filter((x) => replyIds.has(x)).length;
  if (sharedIds > 0) f.set('ov:ids', lg(sharedIds));
  if (ids.length > 0) f.set('cust:hasIds', 1);
  if (replyIds.size > 0) f.set('rep:ids', lg(replyIds.size));
  const names = properNames(customer);
  const sharedNames = names.filter((n) => replyFolded.includes(n)).length;
  if (sharedNames > 0) f.set('ov:names', lg(sharedNames));

  // Questions, by kind.
  const q = questionKinds(reply, cStems);
  if (q.total > 0) f.set('q:any', 1);
  if (q.specific > 0) f.set('q:specific', lg(q.specific));
  if (q.generic > 0) f.set('q:generic', 1);
  if (q.admin > 0) f.set('q:admin', 1);
  if (q.total > 0 && (f.get('cust:intrusive') ?? 0) > 0) f.set('q:intrusive', 1);

  // Feeling words the customer used, echoed back: the strongest cue of a level-2 emotional reaction.
  const feelStems = (s: string) => new Set(cueMatches(s, REPLY_CUES[0]).map((w) => w.slice(0, 5)));
  const cFeel = feelStems(customerFolded);
  let echoed = 0;
  for (const w of feelStems(replyFolded)) if (cFeel.has(w)) echoed++;
  if (echoed > 0) f.set('ov:feeling', lg(echoed));

  f.set('len:reply', Math.min(3, Math.log1p(replyWords.length) / 2));
  f.set('len:customer', Math.min(3, Math.log1p(wordsOf(customer).length) / 2));
  f.set('bias', 1);
  return f;
}
