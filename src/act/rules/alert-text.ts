/**
 * The words of an alert, in French or English: a title, a few lines saying why the rule fired (each
 * condition with the finding that met it and the customer's own words), and a link to the dashboard.
 * Every delivery format (e-mail, Slack, Teams, generic JSON) and the stored alert reuse them.
 */
import { nameOf, type Lang } from '../../core/label-names.ts';
import type { MessageFact } from '../../core/facts.ts';
import type { SpikeFinding } from './detect-rule-spike.ts';
import type { MatchReason } from './match-rule.ts';

/** A title, body lines and the dashboard link (null when no public URL is known). */
export interface AlertText {
  title: string;
  lines: string[];
  link: string | null;
}

/** Where and how alert texts are written. */
export interface TextOptions {
  lang: Lang;
  /** ISO 4217 code of customer values. */
  currency: string;
  /** The dashboard's address as users reach it (no trailing slash), for links; null: no link. */
  publicUrl: string | null;
}

const BAND_NAMES: Record<string, { fr: string; en: string }> = {
  detractor: { fr: 'détracteur', en: 'detractor' },
  passive: { fr: 'passif', en: 'passive' },
  promoter: { fr: 'promoteur', en: 'promoter' },
  dissatisfied: { fr: 'insatisfait', en: 'dissatisfied' },
  neutral: { fr: 'neutre', en: 'neutral' },
  satisfied: { fr: 'satisfait', en: 'satisfied' },
};

const quote = (text: string, lang: Lang) => (lang === 'fr' ? `« ${text} »` : `"${text}"`);

/** Cuts a text to `max` characters on a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "2026-03-01 10:05 UTC". */
export function formatTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function money(value: number, o: TextOptions): string {
  return new Intl.NumberFormat(o.lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: o.currency, maximumFractionDigits: 0 }).format(value);
}

/** One condition that held, in words: "Émotion Colère (« vraiment en colère »)". */
export function reasonText(r: MatchReason, o: TextOptions): string {
  const fr = o.lang === 'fr';
  const ev = r.evidence ? ` (${quote(r.evidence, o.lang)})` : '';
  switch (r.condition) {
    case 'emotion': return `${fr ? 'Émotion' : 'Emotion'} ${nameOf('emotions', r.value, o.lang)}${ev}`;
    case 'need': return `${fr ? 'Besoin' : 'Need'} ${nameOf('needs', r.value, o.lang)}${ev}`;
    case 'theme': return `${fr ? 'Thème' : 'Theme'} ${nameOf('themes', r.value, o.lang)}${ev}`;
    case 'stage': return `${fr ? 'Étape' : 'Stage'} ${nameOf('stages', r.value, o.lang)}${ev}`;
    case 'churn': return fr ? 'intention de départ' : 'churn intent';
    case 'urgency': return fr ? `urgence ${nameOf('urgencies', r.value, o.lang).toLowerCase()}` : `${nameOf('urgencies', r.value, o.lang).toLowerCase()} urgency`;
    case 'vulnerable': return fr ? 'client vulnérable' : 'vulnerable customer';
    case 'npsBand': return `NPS ${BAND_NAMES[r.value]?.[o.lang] ?? r.value}${r.score === undefined ? '' : ` (${r.score})`}`;
    case 'csatBand': return `CSAT ${BAND_NAMES[r.value]?.[o.lang] ?? r.value}${r.score === undefined ? '' : ` (${r.score})`}`;
    case 'customerValueAtLeast': return `${fr ? 'valeur client' : 'customer value'} ${money(Number(r.value), o)}`;
    case 'channel': return `${fr ? 'canal' : 'channel'} ${nameOf('channels', r.value, o.lang)}`;
    case 'brand': return `${fr ? 'marque' : 'brand'} ${r.value}`;
    case 'language': return `${fr ? 'langue' : 'language'} ${r.value}`;
  }
}

/** How the customer is named in an alert: name, else their id in the source system, else anonymous. */
export function customerLabel(fact: MessageFact, lang: Lang): string {
  return fact.customerName ?? fact.customerRef ?? (lang === 'fr' ? 'client anonyme' : 'anonymous customer');
}

/** The dashboard page of the customer (or the listening station for anonymous messages). */
export function messageLink(fact: MessageFact, publicUrl: string | null): string | null {
  if (!publicUrl) return null;
  return fact.customerId ? `${publicUrl}/#/customer/${encodeURIComponent(fact.customerId)}` : `${publicUrl}/#/listen`;
}

/** The text of an alert raised by one message. */
export function messageAlertText(ruleName: string, fact: MessageFact, reasons: readonly MatchReason[], o: TextOptions): AlertText {
  const fr = o.lang === 'fr';
  const who = customerLabel(fact, o.lang);
  const a = fact.analysis;
  const lines = [
    `${fr ? 'Pourquoi' : 'Why'}${fr ? ' : ' : ': '}${reasons.map((r) => reasonText(r, o)).join(', ')}.`,
    `${fr ? 'Message' : 'Message'} (${nameOf('channels', fact.channel, o.lang)}, ${formatTime(fact.at)})${fr ? ' : ' : ': '}${quote(shorten(fact.text, 500), o.lang)}`,
  ];
  const need = a?.needs[0];
  if (need) lines.push(`${fr ? 'Besoin : ' : 'Need: '}${nameOf('needs', need.label, o.lang)}${a?.reason ? ` — ${fr ? 'raison : ' : 'reason: '}${quote(shorten(a.reason, 200), o.lang)}` : ''}`);
  return { title: `${fr ? 'Alerte' : 'Alert'}${fr ? ' : ' : ': '}${ruleName} — ${who}`, lines, link: messageLink(fact, o.publicUrl) };
}

/** The text of a spike alert. */
export function spikeAlertText(ruleName: string, spike: SpikeFinding, window: string, o: TextOptions): AlertText {
  const fr = o.lang === 'fr';
  const label = nameOf(spike.kind === 'theme' ? 'themes' : 'emotions', spike.label, o.lang);
  const num = (x: number) => x.toLocaleString(fr ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  const lines = [
    fr
      ? `${label} : ${spike.count} messages sur les dernières ${window}, ${num(spike.ratio)} fois la normale (${num(spike.baseline)} par ${window} en moyenne avant).`
      : `${label}: ${spike.count} messages in the last ${window}, ${num(spike.ratio)} times the usual (${num(spike.baseline)} per ${window} on average before).`,
    ...spike.examples.map((m) => `- ${quote(shorten(m.text, 200), o.lang)} (${nameOf('channels', m.channel, o.lang)}, ${formatTime(m.at)})`),
  ];
  const param = `${spike.kind}=${encodeURIComponent(spike.label)}`;
  return {
    title: `${fr ? 'Pic' : 'Spike'}${fr ? ' : ' : ': '}${label} — ${ruleName}`,
    lines,
    link: o.publicUrl ? `${o.publicUrl}/#/listen?${param}` : null,
  };
}
