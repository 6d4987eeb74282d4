/** The built-in CX pattern data per language (pure data; compiled by ../compile.ts). */
import type { CxLang } from '../canon.ts';
import { CUES_EN } from './cues-en.ts';
import { CUES_FR } from './cues-fr.ts';
import { THEMES_EN } from './themes-en.ts';
import { THEMES_FR } from './themes-fr.ts';
import type { CxPatterns } from './types.ts';

export type { CxPatterns } from './types.ts';

/** Built-in pattern groups per language; a workspace may pass extra groups to compileCxLexicon(). */
export const CX_PATTERNS: Readonly<Record<CxLang, readonly CxPatterns[]>> = {
  fr: [THEMES_FR, CUES_FR],
  en: [THEMES_EN, CUES_EN],
};
