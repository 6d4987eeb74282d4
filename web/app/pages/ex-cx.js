/**
 * Employees & customers (EX–CX link): per team, employee eNPS and engagement next to the CSAT and NPS of
 * the customers that team served, then the correlations across teams, always with n and method, and a
 * plain warning when n is small (teams are few, so r is a hint, never a proof). Then the same link over
 * time: EX of a month against CX 0 to 6 months later, each r with its 95 % interval and n, the
 * too-few warning first, and published anchors with their sources beside. The shared filter bar
 * narrows it like every data page (the team both sides, the rest the customer side), and a note says
 * who judged reply empathy: the reply coach, or its lexicon when the model file is absent.
 */
import { getJson } from '../api.js';
import { empty, pageHeader, section } from '../components.js';
import { h } from '../dom.js';
import { filterBar, filterQuery, isFiltered, noMatch, readFilter } from '../filter-bar.js';
import { getLang, loc, num, pct, t } from '../i18n.js';

/** Under this many teams a correlation is shown as indicative only. */
const SMALL_N = 10;

export async function render(ctx) {
  const filter = readFilter(ctx.params);
  const [d, bar] = await Promise.all([getJson(`/api/ex-cx${filterQuery(filter)}`), filterBar(ctx, 'ex-cx')]);
  const header = pageHeader(t('excx_title'), t('excx_lead'));
  // A link needs both sides: no employee answer, or no customer message or answer, left by the filter.
  if (isFiltered(filter) && (d.matched.employees === 0 || d.matched.messages + d.matched.surveys === 0)) {
    return h('div', { class: 'page page-ex-cx' }, header, bar, noMatch(ctx, 'ex-cx'));
  }
  return h(
    'div',
    { class: 'page page-ex-cx' },
    header,
    bar,
    d.teams.length ? [teamTable(d.teams), correlations(d.correlations, d.teams.length, d.minTeams)] : empty(t('excx_empty')),
    d.lags && d.teams.length ? [lagTable(d.lags), anchors(d.lags.anchors)] : null,
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

/** A measure's name: the shared score names, or the EX–CX page's own. */
function measure(code) {
  return ['enps', 'engagement', 'nps', 'csat'].includes(code) ? t(code) : t(`measure_${code}`);
}

/** One row per EX → CX pair, one column per lag: r [low, high] (n), r² in the tooltip. */
function lagTable(lags) {
  const cols = Array.from({ length: lags.maxLag + 1 }, (_, k) => k);
  const pairs = new Map();
  for (const c of lags.correlations) {
    const key = `${c.ex}:${c.cx}`;
    if (!pairs.has(key)) pairs.set(key, []);
    pairs.get(key).push(c);
  }
  const rows = [...pairs.values()].filter((list) => list.some((c) => c.n > 0)).map((list) => h('tr', {},
    h('th', { scope: 'row' }, `${measure(list[0].ex)} → ${measure(list[0].cx)}`),
    cols.map((k) => {
      const c = list.find((x) => x.lag === k);
      if (!c || c.r === null) return h('td', { class: 'num muted not-computed' }, `— (n = ${num(c ? c.n : 0)})`);
      const ci = c.ci ? ` [${num(c.ci.low, 2)}${getLang() === 'fr' ? ' ; ' : ', '}${num(c.ci.high, 2)}]` : '';
      return h('td', { class: `num${c.tooFew ? ' muted too-few' : ''}`, title: t('excx_lag_r2', { r2: num(c.r2, 2) }) },
        h(c.excludesZero ? 'strong' : 'span', {}, num(c.r, 2)), h('span', { class: 'small' }, ci), h('span', { class: 'muted small' }, ` (n = ${num(c.n)})`),
        c.withinR === null ? null : h('span', { class: 'muted small within' }, ` · ${t('excx_lag_within', { r: num(c.withinR, 2) })}`));
    }),
  ));
  return section(
    t('excx_lags'),
    lags.warning ? h('p', { class: 'caveat excx-warning', role: 'note' }, `⚠ ${loc(lags.warning)}`) : null,
    h('p', { class: 'help' }, t('excx_lags_help', { teams: num(lags.teams), ex: num(lags.exPeriods), cx: num(lags.cxPeriods) })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data lag-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('excx_lag_pair')),
        cols.map((k) => h('th', { scope: 'col', class: 'num' }, t('excx_lag_col', { k }))))),
      h('tbody', {}, rows))),
    h('p', { class: 'help' }, loc(lags.note)),
    h('p', { class: 'help empathy-source', 'data-source': lags.replyEmpathySource }, t(`empathy_source_${lags.replyEmpathySource}`)),
  );
}

/** Published figures beside ours, each with its kind (a claim is labelled as one) and source. */
function anchors(list) {
  const kind = { 'meta-analysis': 'anchor_kind_meta', study: 'anchor_kind_study', claim: 'anchor_kind_claim' };
  return section(
    t('excx_anchors'),
    h('p', { class: 'help' }, t('excx_anchors_help')),
    h('ul', { class: 'anchors' }, list.map((a) => h('li', { class: `anchor anchor-${a.kind}` },
      h('strong', {}, t(kind[a.kind])), ' — ', loc(a.figure), ' ',
      h('span', { class: 'muted small' }, a.url ? h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, a.source) : a.source),
    ))),
  );
}
