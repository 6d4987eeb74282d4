/**
 * Employees & customers (EX–CX link): per team, employee eNPS and engagement next to the CSAT and NPS of
 * the customers that team served, then the correlations across teams, always with n and method, and a
 * plain warning when n is small (teams are few, so r is a hint, never a proof).
 */
import { getJson } from '../api.js';
import { empty, pageHeader, section } from '../components.js';
import { h } from '../dom.js';
import { num, pct, t } from '../i18n.js';

/** Under this many teams a correlation is shown as indicative only. */
const SMALL_N = 10;

export async function render() {
  const d = await getJson('/api/ex-cx');
  return h(
    'div',
    { class: 'page page-ex-cx' },
    pageHeader(t('excx_title'), t('excx_lead')),
    d.teams.length ? [teamTable(d.teams), correlations(d.correlations, d.teams.length, d.minTeams)] : empty(t('excx_empty')),
  );
}

/** A score with its response count; "—" when there is none. */
function withN(value, n, digits = 0, unit = '') {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, '—');
  return [`${num(value, digits)}${unit}`, h('span', { class: 'muted small' }, ` (n = ${num(n)})`)];
}

function teamTable(teams) {
  const head = [
    [t('team'), null],
    [t('enps'), t('enps_help')],
    [t('engagement'), t('engagement_help')],
    [t('csat'), null],
    [t('nps'), null],
    [t('customer_surveys'), null],
  ];
  return section(
    t('excx_teams'),
    h('p', { class: 'help' }, t('excx_teams_help')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data excx-table' },
      h('thead', {}, h('tr', {}, head.map(([name, title], i) => h('th', { scope: 'col', class: i ? 'num' : null, title }, name)))),
      h('tbody', {}, teams.map((tm) => h('tr', {},
        h('th', { scope: 'row' }, tm.team),
        h('td', { class: 'num' }, withN(tm.enps, tm.enpsResponses)),
        h('td', { class: 'num' }, withN(tm.engagement, tm.engagementResponses, 2)),
        h('td', { class: 'num' }, tm.csat === null ? h('span', { class: 'muted' }, '—') : pct(tm.csat / 100)),
        h('td', { class: 'num' }, tm.nps === null ? h('span', { class: 'muted' }, '—') : num(tm.nps)),
        h('td', { class: 'num' }, num(tm.surveys)),
      ))),
    )),
  );
}

/** Strength in words, after Cohen's (1988) conventional thresholds for r. */
function reading(r) {
  const a = Math.abs(r);
  const strength = a >= 0.5 ? 'strong' : a >= 0.3 ? 'moderate' : a >= 0.1 ? 'weak' : 'none';
  if (strength === 'none') return t('corr_none');
  return t(`corr_${strength}_${r > 0 ? 'pos' : 'neg'}`);
}

/** One row per (x, y) pair: Pearson and Spearman side by side, with n, a reading and the small-n caveat. */
function correlations(list, teamCount, minTeams) {
  const pairs = new Map();
  for (const c of list) {
    const key = `${c.x}:${c.y}`;
    if (!pairs.has(key)) pairs.set(key, { x: c.x, y: c.y, n: c.n });
    pairs.get(key)[c.method] = c.r;
  }
  const rows = [...pairs.values()].map((p) => {
    const computed = p.n >= minTeams && (p.pearson !== null || p.spearman !== null);
    const r = p.pearson ?? p.spearman;
    let note;
    // With enough teams r is null only when a measure is the same for every team (zero variance).
    if (!computed) note = h('span', { class: 'muted' }, p.n < minTeams ? t('corr_not_enough', { n: num(p.n), min: minTeams }) : t('corr_no_variance'));
    else if (p.n < SMALL_N) note = [reading(r), h('br'), h('span', { class: 'caveat' }, t('corr_indicative', { n: num(p.n) }))];
    else note = reading(r);
    return h('tr', { class: computed ? null : 'not-computed' },
      h('th', { scope: 'row' }, `${t(p.x)} ↔ ${t(p.y)}`),
      h('td', { class: 'num' }, computed && p.pearson !== null ? num(p.pearson, 2) : '—'),
      h('td', { class: 'num' }, computed && p.spearman !== null ? num(p.spearman, 2) : '—'),
      h('td', { class: 'num' }, num(p.n)),
      h('td', {}, note),
    );
  });
  return section(
    t('excx_correlations'),
    h('p', { class: 'help' }, t('excx_correlations_help', { teams: num(teamCount) })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data corr-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('correlation')),
        h('th', { scope: 'col', class: 'num', title: t('pearson_help') }, t('pearson')),
        h('th', { scope: 'col', class: 'num', title: t('spearman_help') }, t('spearman')),
        h('th', { scope: 'col', class: 'num', title: t('n_teams_help') }, 'n'),
        h('th', { scope: 'col' }, t('reading')))),
      h('tbody', {}, rows))),
    h('p', { class: 'help' }, t('excx_causation')),
  );
}
