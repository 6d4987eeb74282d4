/**
 * Competitors: every brand side by side (ratings, CSAT, NPS, sentiment, top themes and emotions). Our own
 * brand comes first, highlighted and labelled, so each competitor card reads as a comparison with it.
 */
import { getJson } from '../api.js';
import { emotionChip, empty, pageHeader } from '../components.js';
import { h } from '../dom.js';
import { filterBar, filterQuery, isFiltered, noMatch, readFilter } from '../filter-bar.js';
import { loc, num, pct, t } from '../i18n.js';

export async function render(ctx) {
  const filter = readFilter(ctx.params);
  const [{ brands }, bar] = await Promise.all([getJson(`/api/competitors${filterQuery(filter)}`), filterBar(ctx, 'competitors')]);
  const header = pageHeader(t('competitors_title'), t('competitors_lead'));
  if (isFiltered(filter) && brands.every((b) => b.messages === 0 && b.csat.responses === 0 && b.nps.responses === 0)) {
    return h('div', { class: 'page page-competitors' }, header, bar, noMatch(ctx, 'competitors'));
  }
  // The server already lists the own brand first; sorting again keeps that true whatever the order.
  const ordered = [...brands].sort((a, b) => Number(Boolean(b.own)) - Number(Boolean(a.own)));
  return h(
    'div',
    { class: 'page page-competitors' },
    header,
    bar,
    ordered.some((b) => !b.own) ? h('p', { class: 'help' }, t('competitors_help')) : null,
    ordered.length ? h('div', { class: 'brand-grid' }, ordered.map(card)) : empty(),
  );
}

function sentimentBar(s) {
  const total = s.negative + s.neutral + s.positive || 1;
  const bar = h('div', { class: 'sentiment-bar', role: 'img', 'aria-label': `${t('sentiment')}: −${pct(s.negative / total)} / ${pct(s.neutral / total)} / +${pct(s.positive / total)}` });
  for (const key of ['negative', 'neutral', 'positive']) {
    const seg = h('span', { class: `seg ${key}` });
    seg.style.width = `${(s[key] / total) * 100}%`;
    bar.append(seg);
  }
  return bar;
}

/**
 * The card title. When the workspace names no brand, insights call the own line "Nous"/"Us" in the
 * report's language; the dashboard says "Our brand" in its own language instead.
 */
function brandName(b) {
  if (!b.brand || (b.own && UNNAMED_OWN.has(b.brand))) return t('own_brand');
  return b.brand;
}
const UNNAMED_OWN = new Set(['Nous', 'Us']);

function card(b) {
  return h(
    'article',
    { class: b.own ? 'card brand own' : 'card brand' },
    h('h2', {}, brandName(b), b.own && brandName(b) !== t('own_brand') ? h('span', { class: 'chip own-badge' }, t('own_brand')) : null),
    h('p', { class: 'muted' }, `${num(b.messages)} ${t('messages').toLowerCase()}`),
    h('dl', { class: 'kv' },
      h('dt', {}, t('stars')), h('dd', {}, b.stars.mean === null ? '—' : `${num(b.stars.mean, 2)} ★`, h('span', { class: 'muted small' }, ` (n=${num(b.stars.responses)})`)),
      h('dt', {}, t('csat')), h('dd', {}, b.csat.score === null ? '—' : pct(b.csat.score / 100), h('span', { class: 'muted small' }, ` (n=${num(b.csat.responses)})`)),
      h('dt', {}, t('nps')), h('dd', {}, b.nps.score === null ? '—' : num(b.nps.score), h('span', { class: 'muted small' }, ` (n=${num(b.nps.responses)})`)),
      h('dt', {}, t('negative_share')), h('dd', {}, pct(b.negativeShare)),
    ),
    sentimentBar(b.sentiment),
    h('h3', {}, t('top_themes')),
    h('ol', {}, b.topThemes.slice(0, 5).map((th) => h('li', {}, loc(th.name), h('span', { class: 'muted' }, ` ${pct(th.share)}`)))),
    h('h3', {}, t('top_emotions')),
    h('p', {}, b.topEmotions.slice(0, 4).map((e) => emotionChip(e.label, pct(e.share)))),
  );
}
