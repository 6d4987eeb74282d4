import { fold } from '../core/fold.ts';
import type { AuthorRole, Channel } from '../core/labels.ts';
import { roleFromValue } from './author-role.ts';

/** Words that make a value a survey whatever medium it names ("Enquête e-mail", "NPS SMS"). */
const SURVEY_WORDS = ['survey', 'enquete', 'questionnaire', 'nps', 'csat', 'sondage'];

const CHANNEL_WORDS: [Channel, string[]][] = [
  ['survey', SURVEY_WORDS],
  ['email', ['email', 'e mail', 'mail', 'courriel', 'mel']],
  ['call', ['call', 'phone', 'telephone', 'appel', 'voice', 'voix', 'tel']],
  ['chat', ['chat', 'messenger', 'whatsapp', 'live chat', 'livechat', 'tchat', 'sms', 'messaging', 'messagerie instantanee', 'telegram']],
  ['social', ['social', 'twitter', 'x', 'facebook', 'instagram', 'linkedin', 'tiktok', 'reseaux sociaux']],
  ['review', ['review', 'avis', 'trustpilot', 'app store', 'google play', 'play store', 'google']],
  ['ticket', ['ticket', 'web', 'form', 'formulaire', 'portal', 'portail', 'api', 'helpcenter', 'widget']],
];

/**
 * Maps a free-text channel value (French or English) to a Channel, or null when unknown. A survey word
 * wins over the medium it was sent by: "Enquête e-mail" is a survey answer, not an e-mail.
 */
export function normalizeChannel(value: string): Channel | null {
  const v = fold(value).replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!v) return null;
  for (const [channel, words] of CHANNEL_WORDS) if (words.includes(v)) return channel;
  const tokens = v.split(/[^a-z0-9]+/);
  if (SURVEY_WORDS.some((w) => tokens.includes(w) || (w.length > 3 && v.includes(w)))) return 'survey';
  for (const [channel, words] of CHANNEL_WORDS) if (words.some((w) => w.length > 3 && v.includes(w))) return channel;
  return null;
}

/** Maps an author-type value to a role, or null when unknown (see author-role.ts for the words read). */
export function normalizeRole(value: string): AuthorRole | null {
  return roleFromValue(value);
}

/** Parses a money/number cell ("12 500,50", "12,500.50", "€ 1200"); null when empty or unreadable. */
export function parseAmount(value: string): number | null {
  let s = value.replace(/[\s\u00a0\u202f€$£]|EUR|USD/gi, '');
  if (!s) return null;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(',', '.');
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : null;
}
