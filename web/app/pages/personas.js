/** Personas: one card per data-driven persona with size, goals, frustrations, emotions and quotes. */
import { getJson } from '../api.js';
import { emotionChip, empty, pageHeader, verbatim } from '../components.js';
import { h } from '../dom.js';
import { label, loc, num, pct, t } from '../i18n.js';

export async function render() {
  const { personas } = await getJson('/api/personas');
  return h(
    'div',
    { class: 'page page-personas' },
    pageHeader(t('personas_title'), t('personas_lead')),
    personas.length ? h('div', { class: 'persona-grid' }, personas.map(card)) : empty(),
  );
}

function card(p) {
  return h(
    'article',
    { class: 'card persona' },
    h('h2', {}, loc(p.name)),
    h('p', { class: 'muted' }, t('size', { n: num(p.size), share: pct(p.share) }),
      p.segment ? ` · ${t('persona_segment', { segment: p.segment })}` : '',
      p.channel ? ` · ${t('persona_channel', { channel: label('channels', p.channel).toLocaleLowerCase() })}` : ''),
    h('div', { class: 'persona-emotions' }, p.emotions.slice(0, 3).map((e) => emotionChip(e.emotion, pct(e.share)))),
    h('h3', {}, t('goals')),
    h('ul', { class: 'bars' }, p.goals.slice(0, 4).map((g) => bar(loc(g.label), g.share, 'good'))),
    h('h3', {}, t('frustrations')),
    h('ul', { class: 'bars' }, p.frustrations.slice(0, 4).map((f) => bar(loc(f.name), f.share, 'bad'))),
    p.quotes.length ? [h('h3', {}, t('quotes')), p.quotes.slice(0, 2).map(verbatim)] : null,
  );
}

function bar(name, share, cls) {
  const fill = h('span', { class: `bar-fill ${cls}` });
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
  return h('li', {}, h('span', { class: 'bar-label' }, name), h('span', { class: 'bar', 'aria-hidden': 'true' }, fill), h('span', { class: 'bar-value' }, pct(share)));
}
