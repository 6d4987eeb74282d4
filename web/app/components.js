/** Building blocks shared by pages: sections, emotion chips, verbatims, headers. */
import { h } from './dom.js';
import { date, label, quote, t } from './i18n.js';

/** Page header with title and one-line lead. */
export function pageHeader(title, lead) {
  return h('header', { class: 'page-header' }, h('h1', {}, title), lead ? h('p', { class: 'lead' }, lead) : null);
}

/** A titled card section. */
export function section(title, ...children) {
  const id = `s-${Math.random().toString(36).slice(2, 8)}`;
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** A coloured chip naming an emotion (colour also carries valence: warm = negative, cool = positive). */
export function emotionChip(emotion, extra) {
  if (!emotion) return h('span', { class: 'chip chip-neutral' }, '—');
  return h('span', { class: `chip emo emo-${emotion}`, title: t('emotion') }, label('emotions', emotion), extra ? ` ${extra}` : null);
}

/** A plain chip; `title` says what kind of label it is (shown on hover, read by screen readers). */
export function chip(text, cls = '', title = null) {
  return h('span', { class: `chip ${cls}`, title }, text);
}

/** A customer quote with its source (channel, date) and a link to the customer when known. */
export function verbatim(v) {
  if (!v) return null;
  const who = v.customerName || v.customerRef;
  return h(
    'blockquote',
    { class: 'verbatim', lang: v.language || null },
    h('p', {}, quote(v.text)),
    h(
      'footer',
      {},
      label('channels', v.channel),
      ' · ',
      date(v.at),
      who && v.customerId ? [' · ', h('a', { href: `#/customer/${encodeURIComponent(v.customerId)}` }, who)] : null,
    ),
  );
}

/** An "empty" notice. */
export function empty(text = t('empty')) {
  return h('p', { class: 'notice' }, text);
}

/** Signed number ("+3.2", "−1"). */
export function signed(value, format) {
  if (value === null || value === undefined) return '—';
  const s = format(Math.abs(value));
  return value > 0 ? `+${s}` : value < 0 ? `−${s}` : s;
}
