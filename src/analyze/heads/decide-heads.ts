/**
 * From the heads' probabilities to labels: the one decision procedure used at run time
 * (apply-heads.ts) and in cross-validation (scripts/train/cx-heads.ts), so the figures measured
 * are the figures shipped. Label counts follow GUIDELINES.md: at most two needs, at most three
 * themes, one stage or none.
 */
import type { Urgency } from '../../core/labels.ts';
import { allowedBeside, mayLeadWith } from './checked-rule.ts';
import { NONE, type HeadData, type HeadName } from './head-model.ts';

/** A label chosen by a head, with its probability and its column in the shared matrix. */
export interface Chosen {
  label: string;
  p: number;
  col: number;
}

/** What the heads decided for one message (a head absent from the model decides nothing). */
export interface HeadDecision {
  needs?: Chosen[];
  themes?: Chosen[];
  /** null: the message names no point in the journey. */
  stage?: Chosen | null;
  churn?: boolean;
  vulnerable?: boolean;
  urgency?: Urgency;
  /** The customer's main emotion (null: none): alone where `emotionFree`, else inside the core's families (emotion-family.ts). */
  emotion?: Chosen | null;
  /**
   * `emotion` stands on its own: the head is sure enough of it (HeadData.freeAbove), or the message
   * is a customer's and not sarcastic (HeadData.freeOnCustomer).
   */
  emotionFree?: boolean;
  /**
   * On a message known to be a customer's (DecideContext.knownCustomer), the emotion head's runner-up
   * where it is an emotion (not none) with a probability of at least SECOND_EMOTION_AT, else null (also
   * where the main emotion is none): the message's second emotion where `emotionFree`
   * (emotion-family.ts). Undefined on other text, where the core's next emotions follow the head's.
   */
  emotion2?: Chosen | null;
  /**
   * The sentiment head's label where it decides (a customer's message, its adjusted probability at
   * least HeadData.freeAbove), with that probability and `score` (−1…1, the adjusted positive minus
   * negative probability, on the label's side of zero); null where the core model's stands.
   */
  sentiment?: (Chosen & { score: number }) | null;
  /**
   * The caller knows the message is a customer's (DecideContext.knownCustomer): only there is the
   * sentiment held to the dominant emotion (sentiment-emotions.ts).
   */
  knownCustomer?: boolean;
}

/**
 * The `customer` head reads a message as a customer's (the kind of text the heads learn from) at or
 * above this probability: its two labels, other text and a customer's, meet at one half.
 */
export const CUSTOMER_AT = 0.5;

/** Probabilities per head, in each head's label order. */
export type HeadProbs = ReadonlyMap<HeadName, readonly number[]>;

function argmax(h: HeadData, p: readonly number[]): Chosen {
  let j = 0;
  for (let q = 1; q < p.length; q++) if (p[q] > p[j]) j = q;
  return { label: h.labels[j], p: p[j], col: h.offset + j };
}

/** The label with the highest probability but `first`'s (argmax with `first` left out). */
function runnerUp(h: HeadData, p: readonly number[], first: Chosen): Chosen {
  const skip = first.col - h.offset;
  return argmax(h, p.map((v, j) => (j === skip ? -1 : v)));
}

/**
 * The emotion head's runner-up is a message's second emotion from this probability (where the head
 * decides alone). The guidelines give one or two emotions (about half the corpus messages have two);
 * the second used to be the core model's next emotion, whose choice of second follows public text
 * (sadness twice as often as the corpus' labels, anger and anxiety a third as often). Under 5-fold
 * CV on the corpus (model 1.7, customers known; the folds' stored probabilities), micro-F1 of the
 * emotion lists: the core's next emotions 0.609 / 0.625 (fr / en); the runner-up from 0.05 0.675 /
 * 0.666, 0.10 0.668 / 0.673, 0.15 0.672 / 0.673, 0.20 0.661 / 0.667; as shipped (with the positive
 * rule of sentiment-emotions.ts) 0.672 / 0.674, top emotion unchanged. Only on a message known to
 * be a customer's: on public text (GoEmotions, XED; evaluation sets, read after the choice) the core's
 * next emotions score better, GoEmotions 0.510 → 0.507, XED 0.387 / 0.413 → 0.383 / 0.406 with the
 * runner-up wherever the head decides alone (README, "Learned heads").
 */
export const SECOND_EMOTION_AT = 0.15;

/** A yes/no head's threshold for a message in `lang`. */
export function thresholdOf(h: HeadData, lang = ''): number {
  return h.thresholdByLang?.[lang] ?? h.threshold ?? 0.5;
}

/** The single-choice head's winner plus, from the companion yes/no head, a second label above its threshold. */
function ranked(top: HeadData | undefined, extra: HeadData | undefined, probs: HeadProbs, none: string, max: number, lang: string): Chosen[] | undefined {
  if (!top) return undefined;
  const first = argmax(top, probs.get(top.name)!);
  if (first.label === none) return [];
  const out = [first];
  if (extra) {
    const p = probs.get(extra.name)!;
    const rest = extra.labels.map((label, j) => ({ label, p: p[j], col: extra.offset + j }))
      .filter((c) => c.label !== first.label && c.p >= thresholdOf(extra, lang))
      .sort((a, b) => b.p - a.p);
    out.push(...rest.slice(0, max - 1));
  }
  return out;
}

/**
/** What decideHeads knows of the message besides its heads' probabilities. */
export interface DecideContext {
  /** The message's language, which picks a head's thresholdByLang. */
  lang?: string;
  /**
   * The core read the message as sarcastic (features.ts, SARCASM_FEATURE); the emotion head then
   * decides alone only where sure (`freeAbove`), even on a customer's message. The guidelines read
   * sarcasm for its meaning; the emotion head, which weighs its praise words, reads "Great, another
   * delay. Thanks a lot." as gratitude, the core (its cue turns the praise words round) as frustration,
   * and that frustration is what keeps the sentiment head's praise out (sentiment-emotions.ts). Under 5-fold CV
   * it costs the corpus one message of top emotion (README, "Learned heads").
   */
  sarcastic?: boolean;
  /**
   * The text is known to be a customer's message (AnalyzeOptions.customer), so it is read as one
   * whatever the `customer` head guesses.
   */
  knownCustomer?: boolean;
}

/** Decides every head present in `heads` for one message (see DecideContext). */
export function decideHeads(heads: ReadonlyMap<HeadName, HeadData>, probs: HeadProbs, context: DecideContext = {}): HeadDecision {
  const { lang = '', sarcastic = false, knownCustomer = false } = context;
  const d: HeadDecision = { knownCustomer };
  const h = (n: HeadName) => (probs.has(n) ? heads.get(n) : undefined);
  d.needs = ranked(h('need'), h('needs'), probs, NONE, 2, lang);
  const themes = h('themes');
  if (themes) {
    const p = probs.get('themes')!;
    const all = thresholdOf(themes, lang);
    d.themes = themes.labels.map((label, j) => ({ label, p: p[j], col: themes.offset + j }))
      .filter((c) => c.p >= (themes.thresholdByLabel?.[c.col - themes.offset] ?? all))
      .sort((a, b) => b.p - a.p)
      .slice(0, 3);
  }
  const stage = h('stage');
  if (stage) {
    const s = argmax(stage, probs.get('stage')!);
    d.stage = s.label === NONE ? null : s;
  }
  const yes = (n: 'churn' | 'vulnerable'): boolean | undefined => {
    const head = h(n);
    return head ? probs.get(n)![0] >= thresholdOf(head, lang) : undefined;
  };
  d.churn = yes('churn');
  d.vulnerable = yes('vulnerable');
  const urgency = h('urgency');
  if (urgency) d.urgency = argmax(urgency, probs.get('urgency')!).label as Urgency;
  const customer = h('customer');
  // The `customer` head guesses for text of unknown origin (the public sets: Reddit, film subtitles);
  // where the caller knows, the guess is not needed. Short first-person lines ("That was the last time
  // I order from you.") read as dialogue to it: under 5-fold CV it read 28 of 741 English corpus
  // messages and 3 of 729 French ones as other text (README, "Learned heads").
  const isCustomer = knownCustomer || (customer !== undefined && probs.get('customer')![customer.labels.indexOf('customer')] >= CUSTOMER_AT);
  const emotion = h('emotion');
  if (emotion) {
    const e = argmax(emotion, probs.get('emotion')!);
    d.emotion = e.label === NONE ? null : e;
    if (knownCustomer) {
      const second = runnerUp(emotion, probs.get('emotion')!, e);
      d.emotion2 = e.label !== NONE && second.label !== NONE && second.p >= SECOND_EMOTION_AT ? second : null;
    }
    d.emotionFree = (emotion.freeAbove !== undefined && e.p >= emotion.freeAbove) || (emotion.freeOnCustomer === true && isCustomer && !sarcastic);
  }
  const sentiment = h('sentiment');
  if (sentiment) d.sentiment = isCustomer ? sentimentOf(sentiment, probs.get('sentiment')!) : null;
  if (emotion && knownCustomer && d.emotionFree) yieldToSentiment(d, emotion, probs.get('emotion')!);
  return d;
}

/**
 * Where the sentiment head decided and the emotion head's choice breaks the guidelines' checked rule
 * beside it (checked-rule.ts: a negative message leading with a positive emotion or none, a positive
 * one with anger, frustration or disgust), the less sure of the two yields. Where the sentiment's
 * (prior-adjusted) probability is the higher, the emotion becomes the head's likeliest one the
 * sentiment allows, with no second; otherwise the sentiment yields later
 * (sentiment-emotions.ts). Only on a known customer's message where the emotion head decides alone,
 * as the sentiment's yielding is. No constant: two probabilities compared. Under 5-fold CV on the
 * corpus (the folds' stored probabilities; the sentiment always yielding before), 22 of 1,470
 * messages change, the sentiment right on 15 after and 7 before: sentiment macro-F1 fr / en 0.852 /
 * 0.820 → 0.852 / 0.833 (95 % paired bootstrap of the gain [−0.010, 0.008] / [0.002, 0.024]), top
 * emotion 0.653 / 0.649 → 0.649 / 0.652 (README, "Learned heads"). "J'ai désinstallé l'appli.",
 * whose emotion head leans on the core's joy (0.52) while its sentiment head reads negative (0.77),
 * reads negative with frustration instead of positive.
 */
function yieldToSentiment(d: HeadDecision, emotion: HeadData, p: readonly number[]): void {
  const s = d.sentiment;
  const first = d.emotion?.label ?? null;
  if (!s || mayLeadWith(s.label, first)) return;
  const firstP = d.emotion?.p ?? p[emotion.labels.indexOf(NONE)] ?? 0;
  if (s.p <= firstP) return;
  let best = -1;
  for (let j = 0; j < p.length; j++) if (allowedBeside(s.label, emotion.labels[j]) && (best < 0 || p[j] > p[best])) best = j;
  if (best < 0) return;
  d.emotion = { label: emotion.labels[best], p: p[best], col: emotion.offset + best };
  // The runner-up is the likeliest label after the one that yielded: the new emotion where it is
  // allowed, else not allowed either. So no second emotion.
  if (d.emotion2 !== undefined) d.emotion2 = null;
}

/** The sentiment head's decision on a customer's message (HeadData.prior, freeAbove), or null. */
function sentimentOf(h: HeadData, p: readonly number[]): (Chosen & { score: number }) | null {
  const q = h.prior ? p.map((v, j) => v / h.prior![j]) : [...p];
  const sum = q.reduce((a, b) => a + b, 0);
  for (let j = 0; j < q.length; j++) q[j] /= sum;
  const c = argmax(h, q);
  if (h.freeAbove === undefined || c.p < h.freeAbove) return null;
  const pos = q[h.labels.indexOf('positive')] ?? 0;
  const neg = q[h.labels.indexOf('negative')] ?? 0;
  const raw = Math.round((pos - neg) * 1000) / 1000;
  // On the label's side of zero, as every stored score is (core/sentiment-score.ts, applied after this):
  // here a reading on the wrong side becomes ±0.05, where scoreOnLabelSide would give ±0.5, and a
  // neutral one stays within ±0.19, so scoreOnLabelSide keeps every score this returns.
  const score = c.label === 'positive' ? Math.max(0.05, raw) : c.label === 'negative' ? Math.min(-0.05, raw) : Math.max(-0.19, Math.min(0.19, raw));
  return { ...c, score };
}

/**
 * Messages up to this many characters (the old 140-character tweet) get the rules' themes joined to
 * the head's; longer ones keep the head's alone. See withRuleThemes.
 */
export const RULE_JOIN_MAX_CHARS = 140;

/**
 * The themes of a message of `chars` characters: the head's, then, on a terse message (at most
 * RULE_JOIN_MAX_CHARS), the rules' that the head did not name (of the labels `joined`,
 * HeadData.ruleJoin, when given), at most three.
 * The rules name a theme on a lexicon match, which holds on terse messages where the head has few
 * words to read: without them airline pain-point recall, a public floor of 0.65, was 0.49 (0.70 with
 * them). On longer messages the head reads enough and the rules' matches mostly add themes the
 * guidelines do not give ("phone", "call" as waiting): joined on every message, themes macro-F1 under
 * cross-validation on the corpus fell from 0.651 / 0.649 (fr / en, head alone) to 0.619 / 0.581; joined
 * on terse messages only, 0.648 / 0.625, with pain-point recall 0.676 (README, "Learned heads").
 */
export function withRuleThemes<T extends { label: string }>(head: readonly T[], rules: readonly T[], joined: readonly string[] | undefined, chars: number): T[] {
  const out = [...head];
  if (chars > RULE_JOIN_MAX_CHARS) return out;
  for (const r of rules) if (out.length < 3 && !out.some((t) => t.label === r.label) && (!joined || joined.includes(r.label))) out.push(r);
  return out;
}
