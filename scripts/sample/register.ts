/**
 * Writing registers: the same composed message rewritten as SMS-style French ("jsuis", "pkoi"),
 * Québec French ("chu", "pis"), Belgian French ("GSM", "savez-vous") or texting English.
 */
import type { Rng } from './prng.ts';
import type { Country, Lang } from './people.ts';

export type Register = 'formal' | 'casual' | 'sms';

const SMS_FR: [RegExp, string][] = [
  [/\bs'il vous plaît\b/gi, 'svp'],
  [/\b[Jj]e ne sais pas\b/g, 'jsp'],
  [/\b[Jj]e suis\b/g, 'jsuis'],
  [/\b[Pp]ourquoi\b/g, 'pkoi'],
  [/\b[Cc]'est\b/g, 'c'],
  [/\bquand même\b/g, 'qd mm'],
  [/\baujourd'hui\b/g, 'ajd'],
  [/\bbeaucoup\b/g, 'bcp'],
  [/\btoujours\b/g, 'tjrs'],
  [/\b[Jj]e n'(\p{L}+) (pas|plus|rien|jamais)\b/gu, "j'$1 $2"],
  [/\bne (\p{L}+) (pas|plus|rien|jamais)\b/gu, '$1 $2'],
  [/\bn'(\p{L}+) (pas|plus|rien|jamais)\b/gu, '$1 $2'],
  [/\b[Vv]ous\b/g, 'vs'],
  [/\bquelque chose\b/g, 'qqch'],
];

const SMS_EN: [RegExp, string][] = [
  [/\byou\b/gi, 'u'],
  [/\byour\b/gi, 'ur'],
  [/\bplease\b/gi, 'pls'],
  [/\b[Tt]hanks\b/g, 'thx'],
  [/\bbecause\b/gi, 'cuz'],
  [/\bI am\b/g, 'im'],
  [/\bdo not\b/g, 'dont'],
  [/\bcannot\b/g, 'cant'],
  [/\bI have\b/g, 'ive'],
  [/\bto be honest\b/g, 'tbh'],
];

const QC: [RegExp, string][] = [
  [/\b[Jj]e suis\b/g, 'chu'],
  [/\bet puis\b/g, 'pis'],
  [/\bmon (téléphone )?portable\b/g, 'mon cell'],
  [/\bpénible\b/g, 'plate'],
  [/\bbeaucoup\b/g, 'pas mal'],
  [/^Bonjour\b/, 'Allô'],
  [/\bweek-end\b/g, 'fin de semaine'],
  [/\be-mail\b/g, 'courriel'],
];

const BE: [RegExp, string][] = [
  [/\b(mon |ma |un |le )?(téléphone )?portable\b/g, '$1GSM'],
  [/\b[Pp]ouvez-vous me dire\b/g, 'Savez-vous me dire'],
  [/\bdîner\b/g, 'souper'],
];

/** Extra interjections per variety, appended now and then. */
export const EXTRAS: Record<'sms_fr' | 'qc' | 'be' | 'sms_en', readonly string[]> = {
  sms_fr: ['c nul', 'sérieux c abusé', 'jpp', 'vs abusez', 'franchement…', 'c relou'],
  qc: ['Ben là, c\'est assez.', 'Ça a pas d\'allure.', 'Pis personne rappelle, évidemment.', 'Chu pu capable.', 'Tabarnak, trois semaines pareil.'],
  be: ['C\'est quand même un peu fort, hein.', 'Ça ne va pas, là.', 'On n\'est pas des cloches, hein.'],
  sms_en: ['this is a joke', 'ridiculous tbh', 'smh', 'so annoyed rn'],
};

function applyAll(text: string, rules: readonly [RegExp, string][]): string {
  return rules.reduce((t, [re, to]) => t.replace(re, to), text);
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/**
 * Rewrites a composed customer message in the customer's variety. `sms` lowercases, contracts and
 * sometimes drops accents and final periods.
 */
export function applyRegister(rng: Rng, text: string, lang: Lang, country: Country, register: Register): string {
  let out = text;
  if (lang === 'fr' && country === 'QC') out = applyAll(out, QC);
  if (lang === 'fr' && country === 'BE') out = applyAll(out, BE);
  if (register !== 'sms') return out;
  out = applyAll(out, lang === 'fr' ? SMS_FR : SMS_EN);
  out = out.charAt(0).toLowerCase() + out.slice(1);
  if (lang === 'fr' && rng.chance(0.5)) out = stripAccents(out);
  if (rng.chance(0.6)) out = out.replace(/\.(\s+)(\p{Lu})?/gu, (_m, s: string, up?: string) => ` ${up ? up.toLowerCase() : ''}`).replace(/\.$/, '');
  if (rng.chance(0.3)) out = out.replace(/\?/g, '??');
  return out;
}

/** An interjection fitting the customer's variety, or '' when none applies. */
export function extraFor(rng: Rng, lang: Lang, country: Country, register: Register): string {
  if (lang === 'fr' && country === 'QC') {
    const pool = EXTRAS.qc.filter((e) => !e.startsWith('Tabarnak') || rng.chance(0.5));
    return rng.pick(pool);
  }
  if (lang === 'fr' && country === 'BE') return rng.pick(EXTRAS.be);
  if (register === 'sms') return rng.pick(lang === 'fr' ? EXTRAS.sms_fr : EXTRAS.sms_en);
  return '';
}
