/**
 * The filter bar of every data page: period, team, segment, channel, brand, language. The filter lives
 * in the URL's hash query (`#/themes?period=30d&team=Billing&language=fr`), so a link shares the view
 * and the navigation keeps it from page to page; the server validates it (GET /api/overview?… etc.).
 */
import { getJson, query } from './api.js';
import { h } from './dom.js';
import { label, plural, t } from './i18n.js';

/** The hash-query keys of the filter, as the API names them. */
export const FILTER_KEYS = ['period', 'from', 'to', 'team', 'segment', 'channel', 'brand', 'language'];
const PRESETS = ['7d', '30d', '90d', 'this_quarter', 'last_quarter'];
/** Menus drawn from the data (GET /api/filter-options): key, options list, whether "all" is feminine in French. */
const MENUS = [
  { name: 'team', list: 'teams', feminine: true },
  { name: 'segment', list: 'segments' },
  { name: 'channel', list: 'channels' },
  { name: 'brand', list: 'brands', feminine: true },
  { name: 'language', list: 'languages', feminine: true },
];

/** The filter in `params` (URLSearchParams of the hash): known keys with a value only. */
export function readFilter(params) {
  const filter = {};
  for (const k of FILTER_KEYS) if (params.get(k)) filter[k] = params.get(k);
  return filter;
}

/** True when the filter narrows something. */
export function isFiltered(filter) {
  return Object.keys(filter).length > 0;
}

/** The API query string of a filter ("?period=30d&team=…", or ""). */
export function filterQuery(filter) {
  return query(filter);
}

/** The filter part of a hash query, to carry to another page ("?period=30d", or ""). */
export function carriedQuery(params) {
  return query(readFilter(params));
}

/** `href` (a "#/page?…" link) with the filter of `params` added, unless the link names a filter of its own. */
export function withCarriedFilter(href, params) {
  const [path, qs = ''] = href.split('?');
  const own = new URLSearchParams(qs);
  const filter = readFilter(params);
  if (!isFiltered(filter) || FILTER_KEYS.some((k) => own.has(k))) return href;
  for (const [k, v] of Object.entries(filter)) own.set(k, v);
  return `${path}?${own.toString()}`;
}

function optionsOf() {
  // Asked at each render: the server answers from its cached insights, and new data brings new teams.
  return getJson('/api/filter-options');
}

/** The hash query as it is now (not as it was at render: a page's own form may just have changed it). */
function currentParams() {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}

/** The hash of `page` with `filter` and the page's own (non-filter) parameters kept. */
function hashWith(page, params, filter) {
  const next = new URLSearchParams();
  for (const [k, v] of params) if (!FILTER_KEYS.includes(k)) next.set(k, v);
  for (const k of FILTER_KEYS) if (filter[k]) next.set(k, filter[k]);
  const qs = next.toString();
  return `#/${page}${qs ? `?${qs}` : ''}`;
}

function optionLabel(name, value) {
  if (name === 'channel') return label('channels', value);
  if (name === 'language') {
    const word = t(`language_${value}`);
    return word === `language_${value}` ? value : word.charAt(0).toLocaleUpperCase() + word.slice(1);
  }
  return value;
}

function select(id, name, current, values, allText, text) {
  // A value from a shared link that the data no longer has stays shown (and selected), not silently dropped.
  const all = current && !values.includes(current) ? [...values, current] : values;
  return h('select', { id, name },
    h('option', { value: '' }, allText),
    all.map((v) => h('option', { value: v, selected: v === current }, text(v))));
}

/**
 * The filter bar of page `page` (the hash route id). Resolves once the options are loaded; every
 * change navigates to the same page with the new filter in the hash.
 */
export async function filterBar({ params, navigate }, page) {
  const filter = readFilter(params);
  const options = await optionsOf().catch(() => ({ teams: [], segments: [], channels: [], brands: [], languages: [] }));
  const custom = Boolean(filter.from || filter.to);
  const go = (change) => {
    const now = currentParams();
    navigate(hashWith(page, now, { ...readFilter(now), ...change }));
  };
  const period = select('f-period', 'period', custom ? 'custom' : filter.period ?? '', [...PRESETS, 'custom'], t('period_all'), (p) => t(`period_${p}`));
  const from = h('input', { id: 'f-from', name: 'from', type: 'date', value: filter.from ?? '' });
  const to = h('input', { id: 'f-to', name: 'to', type: 'date', value: filter.to ?? '' });
  const range = h('div', { class: 'field-range', hidden: !custom },
    h('div', { class: 'field' }, h('label', { for: 'f-from' }, t('date_from')), from),
    h('div', { class: 'field' }, h('label', { for: 'f-to' }, t('date_to')), to));
  const menus = MENUS.map((m) => {
    const id = `f-${m.name}`;
    const el = select(id, m.name, filter[m.name] ?? '', options[m.list] ?? [], t(m.feminine ? 'all_f' : 'all'), (v) => optionLabel(m.name, v));
    el.addEventListener('change', () => go({ [m.name]: el.value }));
    return h('div', { class: 'field' }, h('label', { for: id }, t(m.name === 'channel' ? 'channel' : `filter_${m.name}`)), el);
  });
  period.addEventListener('change', () => {
    if (period.value === 'custom') {
      // A custom range is applied once a date is chosen; until then the bar only shows the two fields.
      range.hidden = false;
      from.focus();
      return;
    }
    go({ period: period.value, from: '', to: '' });
  });
  const applyRange = () => {
    if (from.value || to.value) go({ period: '', from: from.value, to: to.value });
  };
  from.addEventListener('change', applyRange);
  to.addEventListener('change', applyRange);
  const count = Object.keys(filter).filter((k) => k !== 'to' || !filter.from).length;
  const clear = h('button', { type: 'button', class: 'button clear-filters', hidden: count === 0 }, t('clear_filters'));
  clear.addEventListener('click', () => navigate(hashWith(page, currentParams(), {})));
  return h('form', { class: 'filter-bar card', role: 'search', 'aria-label': t('filter_bar') },
    h('div', { class: 'field' }, h('label', { for: 'f-period' }, t('period')), period),
    range,
    menus,
    h('div', { class: 'field actions' },
      count ? h('span', { class: 'muted small filter-count', role: 'status' }, plural('filters_active', count)) : null,
      clear),
  );
}

/**
 * The "nothing matches" state of a filtered page (not the "no data yet" of an empty workspace): says
 * so and offers to clear the filters, keeping the bar so one filter can be changed instead.
 */
export function noMatch({ navigate }, page) {
  const clear = h('button', { type: 'button', class: 'button primary' }, t('clear_filters'));
  clear.addEventListener('click', () => navigate(hashWith(page, currentParams(), {})));
  return h('section', { class: 'card no-match', role: 'status' },
    h('h2', {}, t('no_match')),
    h('p', { class: 'help' }, t('no_match_help')),
    clear);
}
