/**
 * The bodies the delivery worker sends, built once when the alert is written (the outbox stores them
 * as they will go out): a generic JSON event, a Slack incoming-webhook message ({text, blocks}), a
 * Microsoft Teams MessageCard, and an e-mail {subject, text}.
 */
import { inertChat } from '../../core/inert-text.ts';
import type { Lang } from '../../core/label-names.ts';
import type { AlertText } from './alert-text.ts';

/** The `alert` object of the generic JSON event (see .dev/contract.md §1). */
export interface AlertEnvelope {
  id: string;
  kind: 'rule' | 'spike';
  rule: { id: string; name: string };
  ruleVersion: number;
  createdAt: string;
  title: string;
  text: string;
  message: { id: string; text: string; channel: string; language: string | null; sentAt: string } | null;
  customer: { id: string; ref: string | null; name: string | null; segment: string | null; value: number | null } | null;
  analysis: {
    emotion: string | null; need: string | null; reason: string | null; themes: string[]; stage: string | null;
    churn: boolean; urgency: string; vulnerable: boolean;
  } | null;
  reasons: { condition: string; value: string; evidence: string | null }[];
  spike: { kind: string; label: string; count: number; baseline: number; ratio: number; window: string; from: string; to: string } | null;
  link: string | null;
}

/** Slack limits: header text 150 characters, section text 3000. */
const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** The generic JSON event: {"event": "alert", "alert": {...}}. */
export function jsonPayload(alert: AlertEnvelope): Record<string, unknown> {
  return { event: 'alert', alert };
}

/** A Slack incoming-webhook message: plain `text` (notifications, fallback) and Block Kit blocks. */
export function slackPayload(t: AlertText, lang: Lang): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(t.title, 150), emoji: true } },
    // The lines quote the customer: `<!channel>` or a link in their words must not act in Slack.
    { type: 'section', text: { type: 'mrkdwn', text: cut(inertChat(t.lines.join('\n')), 3000) } },
  ];
  if (t.link) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${t.link}|${lang === 'fr' ? 'Ouvrir dans Écoute' : 'Open in Écoute'}>` }] });
  return { text: cut(inertChat(`${t.title}\n${t.lines.join('\n')}`), 3000), blocks };
}

/** A Microsoft Teams connector MessageCard (Teams incoming webhooks and Power Automate accept it). */
export function teamsPayload(t: AlertText, lang: Lang): Record<string, unknown> {
  const card: Record<string, unknown> = {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: cut(inertChat(t.title), 150),
    themeColor: 'C0392B',
    title: inertChat(t.title),
    // Teams renders the text as markdown: a blank line between lines keeps them apart.
    text: inertChat(t.lines.join('\n\n')),
  };
  if (t.link) card.potentialAction = [{ '@type': 'OpenUri', name: lang === 'fr' ? 'Ouvrir dans Écoute' : 'Open in Écoute', targets: [{ os: 'default', uri: t.link }] }];
  return card;
}

/** An e-mail: subject and plain-text body, with the rule named at the foot. */
export function emailPayload(t: AlertText, rule: { name: string; version: number }, lang: Lang): { subject: string; text: string } {
  const foot = lang === 'fr'
    ? `— Écoute, règle « ${rule.name} » (version ${rule.version}).`
    : `— Écoute, rule "${rule.name}" (version ${rule.version}).`;
  const link = t.link ? [`${lang === 'fr' ? 'Ouvrir dans Écoute' : 'Open in Écoute'}: ${t.link}`, ''] : [];
  return { subject: `[Écoute] ${t.title}`, text: [...t.lines, '', ...link, foot, ''].join('\n') };
}
