/**
 * Chat, SMS and Québec shorthand ("jsuis", "pcq", "svp", "idk"), written out as a person would
 * spell it in full ("je suis", "parce que", "s'il vous plaît", "I don't know"). One table serves
 * both readers of a message, the model's words (normalize.ts) and the CX matchers (cx/canon.ts):
 * each expands a shorthand token into the tokens of its full spelling and then reads them by its
 * own rules, so "svp" and "s'il vous plaît" (or "ajd" and "aujourd'hui") give each layer the same
 * words by construction, and a form added here is known to both.
 */
import { APOSTROPHES, tokenize, type Token } from './text.ts';

/** French shorthand (folded keys: no accents, lowercase). Not applied to text known to be English. */
export const FR_SHORTHAND: Readonly<Record<string, string>> = {
  jsuis: 'je suis', jsui: 'je suis', chui: 'je suis', chuis: 'je suis', chu: 'je suis', chus: 'je suis', jss: 'je suis',
  jpeux: 'je peux', jveux: 'je veux', jsais: 'je sais', jsp: 'je sais pas', chepa: 'je sais pas', jpp: 'je peux plus',
  jai: "j'ai", g: "j'ai", jen: "j'en", jme: 'je me', jte: 'je te', jle: 'je le', jla: 'je la', jy: "j'y",
  jvais: 'je vais', jvai: 'je vais', jcomprends: 'je comprends', jcomprend: 'je comprends', jpense: 'je pense',
  jpars: 'je pars', jcrois: 'je crois', c: "c'est", cest: "c'est", sa: 'ça', ya: 'il y a', yen: 'il y en',
  ke: 'que', ki: 'qui', koi: 'quoi', kan: 'quand', pkoi: 'pourquoi', pk: 'pourquoi', pq: 'pourquoi',
  pourkoi: 'pourquoi', pcq: 'parce que', pck: 'parce que', psk: 'parce que', tjrs: 'toujours', tjs: 'toujours',
  tjr: 'toujours', bcp: 'beaucoup', bcq: 'beaucoup', tt: 'tout', ts: 'tous', tte: 'toute', pr: 'pour', ds: 'dans',
  dc: 'donc', qd: 'quand', qq: 'quelque', qqn: "quelqu'un", qqch: 'quelque chose', mm: 'même', mn: 'maintenant',
  mtn: 'maintenant', ajd: "aujourd'hui", auj: "aujourd'hui", rdv: 'rendez-vous', stp: "s'il te plaît",
  svp: "s'il vous plaît", slt: 'salut', bjr: 'bonjour', bsr: 'bonsoir', dsl: 'désolé', pb: 'problème',
  pbm: 'problème', pa: 'pas', nimp: "n'importe quoi", nimporte: "n'importe", ptdr: 'mdr', pis: 'puis',
  icitte: 'ici', pantoute: 'pas du tout', ben: 'bien', vs: 'vous',
};

/** English shorthand and contractions written without their apostrophe. Not applied to French text. */
export const EN_SHORTHAND: Readonly<Record<string, string>> = {
  u: 'you', ur: 'your', r: 'are', pls: 'please', plz: 'please', thx: 'thanks', thks: 'thanks', ty: 'thank you',
  im: "I'm", ive: "I've", idk: "I don't know", cuz: 'because', coz: 'because', bc: 'because',
  dont: "don't", didnt: "didn't", doesnt: "doesn't", cant: "can't", wont: "won't", isnt: "isn't",
  wasnt: "wasn't", arent: "aren't", werent: "weren't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't",
  couldnt: "couldn't", shouldnt: "shouldn't", wouldnt: "wouldn't", youre: "you're", theyre: "they're",
  thats: "that's", whats: "what's", hrs: 'hours', hr: 'hour', mins: 'minutes', wk: 'week', wks: 'weeks',
  min: 'minutes', yr: 'year', yrs: 'years', gonna: 'going to', wanna: 'want to', canceled: 'cancelled',
  canceling: 'cancelling',
};

// The tables as maps: an own-property test on a plain object takes a slow path for tokens that look
// like array indices ("2", "24"), which customer messages are full of.
const FR_MAP: ReadonlyMap<string, string> = new Map(Object.entries(FR_SHORTHAND));
const EN_MAP: ReadonlyMap<string, string> = new Map(Object.entries(EN_SHORTHAND));

/** The full spelling of a folded token, or undefined. `lang` "fr" or "en" limits the tables read. */
export function shorthandFor(norm: string, lang: string | null | undefined): string | undefined {
  if (lang !== 'en') {
    const full = FR_MAP.get(norm);
    if (full !== undefined) return full;
  }
  return lang !== 'fr' ? EN_MAP.get(norm) : undefined;
}

const DIGIT = /^\d/;

/** Tokens with every shorthand replaced by the tokens of its full spelling. */
export interface ExpandedTokens {
  tokens: readonly Token[];
  /** Index, in the original tokens, of the token each one comes from (evidence stays verbatim). */
  src: number[];
}

/**
 * Replaces shorthand tokens by their full spelling. A token glued to a following apostrophe is an
 * elision ("c'est", "j'ai"), and one glued to a preceding number a unit or a name ("4G", "5g"):
 * neither is shorthand, both stay. The spelled-out tokens keep their own
 * offsets (shifted to the shorthand's position) so the readers' glue checks ("s" + "'" + "il")
 * work; a shorthand typed in capitals is spelled out in capitals (emphasis is kept).
 */
export function expandShorthand(tokens: readonly Token[], lang: string | null | undefined): ExpandedTokens {
  // Most messages have no shorthand: hand their tokens back as they are (hot path, run per layer).
  const first = tokens.findIndex((t) => shorthandFor(t.norm, lang) !== undefined);
  if (first < 0) return { tokens, src: tokens.map((_, i) => i) };
  const out: Token[] = tokens.slice(0, first);
  const src: number[] = out.map((_, i) => i);
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const full = shorthandFor(t.norm, lang);
    const elision = next !== undefined && next.start === t.end && APOSTROPHES.has(next.text);
    const unit = prev !== undefined && prev.end === t.start && DIGIT.test(prev.norm);
    if (full === undefined || elision || unit) {
      out.push(t);
      src.push(i);
      continue;
    }
    const caps = t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
    for (const p of tokenize(caps ? full.toUpperCase() : full)) {
      out.push({ text: p.text, norm: p.norm, start: t.start + p.start, end: t.start + p.end });
      src.push(i);
    }
  }
  return { tokens: out, src };
}
