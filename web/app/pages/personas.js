/** Personas: one card per data-driven persona with size, goals, frustrations, emotions and quotes. */
import { getJson } from '../api.js';
import { emotionChip, empty, pageHeader, verbatim } from '../components.js';
import { h } from '../dom.js';
import { filterBar, filterQuery, isFiltered, noMatch, readFilter } from '../filter-bar.js';
import { label, loc, pct, plural, t } from '../i18n.js';

export async function render(ctx) {
  const filter = readFilter(ctx.params);
  const [{ personas }, bar] = await Promise.all([getJson(`/api/personas${filterQuery(filter)}`), filterBar(ctx, 'personas')]);
  const header = pageHeader(t('personas_title'), t('personas_lead'));
  if (isFiltered(filter) && personas.length === 0) return h('div', { class: 'page page-personas' }, header, bar, noMatch(ctx, 'personas'));
  return h(
    'div',
    { class: 'page page-personas' },
    header,
    bar,
    personas.length ? h('div', { class: 'persona-grid' }, personas.map(card)) : empty(),
  );
}

function card(p) {
  return h(
    'article',
    { class: 'card persona' },
    h('h2', {}, loc(p.name)),
    h('p', { class: 'muted' }, plural('size', p.size, { share: pct(p.share) }),
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
