import { LABEL_NAMES } from '../insights/i18n.ts';

/** French and English names of every label, from the insights i18n data (served once, no duplication in web/). */
export function labelNames(): unknown {
  return LABEL_NAMES;
}
