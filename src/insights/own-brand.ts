import type { MessageFact, SurveyFact } from '../core/facts.ts';
import { fold } from '../core/fold.ts';

/**
 * Which brand is the workspace's own. Review sites carry competitors' reviews too (Trustpilot pages of
 * rival brands), and counting them would make a competitor's pains look like our own top pains; so
 * every insight but the competitor comparison reads own facts only.
 */
export interface OwnBrand {
  /** Folded name of the own brand (see brandKey), or null when only untagged facts are own. */
  key: string | null;
  /** The own brand as written in settings or in the data; null when unknown. */
  name: string | null;
  /** How it was found: named in settings, inferred from the data, or none (untagged facts only). */
  source: 'settings' | 'inferred' | 'none';
}

/** Brand comparison key: case-, accent- and spacing-insensitive ("Azur  TÉLÉCOM" = "azur telecom"). */
export function brandKey(brand: string): string {
  return fold(brand).trim().replace(/\s+/g, ' ');
}

/**
 * Resolves the own brand. With `settingsBrand`, that one. Without it, facts with no brand are own,
 * and so is a brand if it is the only one seen on non-review channels (a company's own tickets,
 * chats or surveys name only itself, while review exports also list competitors). Otherwise no
 * tagged brand is own: guessing "the brand with most messages" would silently flip with the data.
 */
export function resolveOwnBrand(messages: readonly MessageFact[], surveys: readonly SurveyFact[], settingsBrand?: string): OwnBrand {
  if (settingsBrand && brandKey(settingsBrand) !== '') {
    return { key: brandKey(settingsBrand), name: settingsBrand.trim(), source: 'settings' };
  }
  const seen = new Map<string, string>();
  const note = (brand: string | null, channel: string) => {
    if (channel === 'review' || !brand) return;
    const key = brandKey(brand);
    if (key !== '' && !seen.has(key)) seen.set(key, brand.trim());
  };
  for (const m of messages) note(m.brand, m.channel);
  for (const s of surveys) note(s.brand, s.channel);
  if (seen.size !== 1) return { key: null, name: null, source: 'none' };
  const [[key, name]] = seen;
  return { key, name, source: 'inferred' };
}

/** Whether a fact's brand is the own brand: untagged (null, empty) or equal to it. */
export function isOwnBrand(brand: string | null, own: OwnBrand): boolean {
  return isOwnKey(brand === null ? '' : brandKey(brand), own);
}

/** isOwnBrand for a brand already folded by brandKey ('' for an untagged fact). */
export function isOwnKey(key: string, own: OwnBrand): boolean {
  return key === '' || key === own.key;
}
