/** Rendering of one analysed message: text with evidence marks, then its labels. */
import { chip, emotionChip } from './components.js';
import { h, highlight } from './dom.js';
import { date, label, quote, t } from './i18n.js';

/** The spans to mark: the reason (outer) and, inside or around it, emotion and need evidence. */
export function spansOf(analysis) {
  if (!analysis) return [];
  return [
    ...(analysis.reason ? [{ text: analysis.reason, cls: 'mark-reason', title: t('reason'), outer: true }] : []),
    ...analysis.emotions.map((e) => ({ text: e.evidence, cls: 'mark-emotion', title: label('emotions', e.label) })),
    ...analysis.needs.map((n) => ({ text: n.evidence, cls: 'mark-need', title: label('needs', n.label) })),
  ];
}

/** The message text with marks (all text escaped: nodes only). */
export function markedText(m) {
  return h('p', { class: 'msg-text', lang: m.language || null }, highlight(m.text, spansOf(m.analysis)));
}

/** A chip's tooltip: what it is, and the words of the message that show it. */
function why(kind, evidence) {
  return evidence ? `${t(kind)}${t('colon')}${quote(evidence)}` : t(kind);
}

/** Chips for the analysis: emotions, needs, stage, themes, signals; plus the reason if not in the text. */
export function analysisTags(a) {
  if (!a) return null;
  return h(
    'div',
    { class: 'tags' },
    a.emotions.map((e) => emotionChip(e.label)),
    a.needs.map((n) => chip(label('needs', n.label), 'need', why('need', n.evidence))),
    // Analyses stored before stages had evidence have none: the tooltip then names the kind only.
    a.stage ? chip(label('stages', a.stage.label), 'stage', why('stage', a.stage.evidence)) : null,
    a.themes.map((th) => chip(label('themes', th.label), 'theme', why('theme', th.evidence))),
    a.signals.churnIntent ? chip(t('churn'), 'alert') : null,
    a.signals.urgency === 'high' ? chip(t('urgency_high'), 'alert') : null,
  );
}

/** The reason line, shown when the reason is not a span of the text (so it cannot be marked). */
export function reasonLine(m) {
  const a = m.analysis;
  if (!a?.reason) return null;
  if (m.text.toLocaleLowerCase().includes(a.reason.toLocaleLowerCase().trim())) return null;
  return h('p', { class: 'reason-line' }, h('strong', {}, `${t('reason')}${t('colon')}`), h('mark', { class: 'mark-reason' }, a.reason));
}

/** The meta line: channel, date, customer link. */
export function metaLine(m) {
  const who = m.customerName || m.customerRef;
  return h(
    'p',
    { class: 'msg-meta' },
    label('channels', m.channel),
    ' · ',
    h('time', { datetime: m.at }, date(m.at, true)),
    m.team ? ` · ${m.team}` : null,
    m.brand ? ` · ${m.brand}` : null,
    who && m.customerId ? [' · ', h('a', { href: `#/customer/${encodeURIComponent(m.customerId)}` }, who)] : null,
  );
}
