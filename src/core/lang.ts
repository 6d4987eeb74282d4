/**
 * The two first-class languages of Écoute: what reports, digests, the coach, the assessment and the
 * UI are written in (French first), and a text given in both.
 */

/** The languages reports, digests and the UI are written in. French first. */
export type Lang = 'fr' | 'en';

/** A label in both first-class languages. */
export interface Localized {
  fr: string;
  en: string;
}
