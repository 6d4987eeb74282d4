/**
 * Scorecards and value: the customer metrics pay can be tied to, per team (weights, minimum samples,
 * the count behind every figure, warnings, never a rank on too few answers; CSV export), then what a
 * CX improvement is worth, each line with its computation and every assumption with its origin and
 * source (GET /api/scorecards, GET /api/value).
 */
import { getJson, query } from '../api.js';
import { empty, pageHeader, section } from '../components.js';
import { h } from '../dom.js';
import { getLang, loc, money, num, pct, t } from '../i18n.js';

const METRICS = ['nps', 'csat', 'resolution', 'timeToClose', 'empathy', 'retention'];

export async function render() {
  const lang = getLang();
  const [cards, value] = await Promise.all([getJson(`/api/scorecards${query({ by: 'team', lang })}`), getJson('/api/value')]);
  return h('div', { class: 'page page-learn' },
    pageHeader(t('learn_title'), t('learn_lead')),
    scorecards(cards),
    valueModel(value));
}

function figure(f) {
  if (f.value === null) return '—';
  const v = f.unit === '%' ? t('learn_pct', { n: num(f.value, 1) }) : f.unit === 'hours' ? t('learn_hours', { n: num(f.value, 1) }) : num(f.value, 1);
  return `${v} (n = ${num(f.n)})`;
}

function scorecards(r) {
  const table = r.scorecards.length === 0 ? empty(t('learn_no_teams')) : h('table', { class: 'table scorecards' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('team')),
      h('th', { scope: 'col' }, t('learn_rank')),
      h('th', { scope: 'col' }, t('learn_composite')),
      ...METRICS.map((m) => h('th', { scope: 'col', title: loc(r.definitions[m]) }, `${t(`learn_metric_${m}`)} (${t('learn_pct', { n: num(r.weights[m] * 100) })})`)),
      h('th', { scope: 'col' }, t('learn_response_rate')))),
    h('tbody', {}, r.scorecards.map((c) => h('tr', {},
      h('th', { scope: 'row' }, c.drill ? h('a', { href: `#/listen?team=${encodeURIComponent(c.subject)}` }, c.subject) : c.subject),
      h('td', {}, c.rank === null ? h('span', { class: 'muted', title: c.unranked ? loc(c.unranked) : '' }, t('learn_unranked')) : num(c.rank)),
      h('td', {}, c.composite === null ? '—' : num(c.composite, 1)),
      ...METRICS.map((m) => h('td', { class: c.metrics[m].enough ? null : 'muted' }, figure(c.metrics[m]))),
      h('td', {}, c.responseRate === null ? '—' : pct(c.responseRate))))));
  const warnings = r.scorecards.flatMap((c) => c.warnings.map((w) => h('li', {}, `${c.subject} — ${loc(w)}`)));
  return section(t('learn_scorecards'),
    h('p', { class: 'help' }, t('learn_scorecards_help', { min: num(r.minSample) })),
    table,
    warnings.length ? h('ul', { class: 'learn-warnings' }, warnings) : null,
    ...r.notes.map((n) => h('p', { class: 'notice' }, loc(n))),
    h('p', {}, h('a', { href: `/api/scorecards${query({ by: 'team', format: 'csv', lang: getLang() })}`, download: 'scorecards.csv' }, t('learn_csv'))));
}

function valueModel(v) {
  const amount = (x) => money(x, v.currency);
  return section(t('learn_value'),
    h('p', { class: 'help' }, t('learn_value_help')),
    h('table', { class: 'table value-lines' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('learn_line')), h('th', { scope: 'col' }, t('learn_per_year')), h('th', { scope: 'col' }, t('learn_computation')))),
      h('tbody', {},
        v.lines.map((l) => h('tr', {}, h('th', { scope: 'row' }, loc(l.label)), h('td', {}, amount(l.amount)), h('td', {}, h('code', {}, l.computation)))),
        h('tr', { class: 'total' }, h('th', { scope: 'row' }, t('learn_total')), h('td', {}, amount(v.total)), h('td', {})),
        h('tr', { class: 'muted' }, h('th', { scope: 'row' }, t('learn_benchmark')), h('td', {}, amount(v.benchmark.amount)), h('td', {}, h('code', {}, v.benchmark.computation))))),
    h('h3', {}, t('learn_assumptions')),
    h('table', { class: 'table assumptions' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('learn_assumption')), h('th', { scope: 'col' }, t('learn_value_col')), h('th', { scope: 'col' }, t('learn_origin')), h('th', { scope: 'col' }, t('learn_source')))),
      h('tbody', {}, v.assumptions.map((a) => h('tr', {},
        h('th', { scope: 'row' }, h('code', {}, a.key), ' ', loc(a.label)),
        h('td', {}, a.unit === 'money' ? amount(a.value) : a.unit === 'share' ? pct(a.value, 1) : num(a.value, 2)),
        h('td', {}, t(`learn_origin_${a.origin}`)),
        h('td', { class: 'source' }, loc(a.source)))))),
    ...v.notes.map((n) => h('p', { class: 'notice' }, loc(n))),
    h('p', { class: 'help' }, t('learn_value_edit')));
}
