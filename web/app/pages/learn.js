/**
 * Scorecards and value: the customer metrics pay can be tied to, per team and per agent (weights,
 * minimum samples, the count behind every figure, warnings, never a rank on too few answers; CSV
 * export), then what a CX improvement is worth, each line with its computation and every assumption
 * with its origin and source — editable here: the page recomputes with your figures (GET /api/value?
 * key=value) and keeps them in its address, so the what-if can be shared; nothing is stored. The
 * shared filter bar narrows the scorecards (period, team, and the customer side: segment, channel,
 * brand, language; a hint says what each narrows); the value model stays on all the workspace's data,
 * as a yearly figure, and says so.
 */
import { getJson, query } from '../api.js';
import { empty, pageHeader, section } from '../components.js';
import { h } from '../dom.js';
import { filterBar, isFiltered, noMatch, readFilter } from '../filter-bar.js';
import { getLang, loc, money, num, pct, t } from '../i18n.js';

const METRICS = ['nps', 'csat', 'resolution', 'timeToClose', 'empathy', 'retention'];
const VALUE_KEYS = [
  'customers', 'averageCustomerValue', 'valueAtRisk', 'churnRateAtRisk', 'saveRate', 'contactsPerCustomer', 'repeatContactShare',
  'repeatReduction', 'costPerContact', 'detractorShare', 'npsShift', 'promoterSpendPremium', 'annualRevenue', 'benchmarkGainPerRevenue',
];

export async function render(ctx) {
  const { params, navigate } = ctx;
  const lang = getLang();
  const filter = readFilter(params);
  // The assumptions the reader changed, carried in the page's address (#/learn?saveRate=0.3).
  const overrides = Object.fromEntries(VALUE_KEYS.filter((k) => params.has(k)).map((k) => [k, params.get(k)]));
  const [teams, agents, value, bar] = await Promise.all([
    getJson(`/api/scorecards${query({ by: 'team', lang, ...filter })}`),
    getJson(`/api/scorecards${query({ by: 'agent', lang, ...filter })}`),
    getJson(`/api/value${query(overrides)}`),
    filterBar(ctx, 'learn'),
  ]);
  // A filter that leaves no team and no agent: "nothing matches", not the empty workspace's "no team".
  const nothing = isFiltered(filter) && teams.scorecards.length === 0 && agents.scorecards.length === 0;
  return h('div', { class: 'page page-learn' },
    pageHeader(t('learn_title'), t('learn_lead')),
    bar,
    h('p', { class: 'help learn-filter-hint' }, t('learn_filter_hint')),
    nothing ? noMatch(ctx, 'learn') : [scorecards(teams, 'team', filter), scorecards(agents, 'agent', filter)],
    valueModel(value, overrides, navigate, filter));
}

function figure(f) {
  if (f.value === null) return '—';
  const v = f.unit === '%' ? t('learn_pct', { n: num(f.value, 1) }) : f.unit === 'hours' ? t('learn_hours', { n: num(f.value, 1) }) : num(f.value, 1);
  return `${v} (n = ${num(f.n)})`;
}

/** One scorecard table: by team (subjects link to the listening station) or by agent. */
function scorecards(r, by, filter) {
  const table = r.scorecards.length === 0 ? empty(t(by === 'team' ? 'learn_no_teams' : 'learn_no_agents')) : h('table', { class: `table scorecards by-${by}` },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t(by)),
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
  return section(t(by === 'team' ? 'learn_scorecards' : 'learn_scorecards_agent'),
    h('p', { class: 'help' }, t(by === 'team' ? 'learn_scorecards_help' : 'learn_agents_help', { min: num(r.minSample) })),
    // Who judged the empathy column: the reply coach, or its lexicon when the model file is absent.
    h('p', { class: 'help empathy-source', 'data-source': r.replyEmpathySource }, t(`empathy_source_${r.replyEmpathySource}`)),
    table,
    warnings.length ? h('ul', { class: 'learn-warnings' }, warnings) : null,
    ...r.notes.map((n) => h('p', { class: 'notice' }, loc(n))),
    h('p', {}, h('a', { href: `/api/scorecards${query({ by, format: 'csv', lang: getLang(), ...filter })}`, download: `scorecards-${by}.csv` }, t('learn_csv'))));
}

/** The input of one assumption: shares are typed as percentages, everything else as is. */
function assumptionInput(a, currency) {
  const share = a.unit === 'share';
  const input = h('input', {
    // No min/max: the server checks every figure and says what is wrong (a share above 100 %, a negative).
    type: 'number', step: 'any', id: `v-${a.key}`, name: a.key, 'aria-label': loc(a.label),
    value: String(share ? Math.round(a.value * 100000) / 1000 : a.value), dataset: { original: String(a.value), share: share ? '1' : '' },
  });
  const unit = share ? '%' : a.unit === 'money' ? currency : '';
  return h('span', { class: 'assumption-input' }, input, unit ? h('span', { class: 'muted' }, ` ${unit}`) : null);
}

function valueModel(v, overrides, navigate, filter) {
  const amount = (x) => money(x, v.currency);
  const problem = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const form = h('form', { class: 'value-form' },
    h('table', { class: 'table assumptions' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('learn_assumption')), h('th', { scope: 'col' }, t('learn_value_col')), h('th', { scope: 'col' }, t('learn_origin')), h('th', { scope: 'col' }, t('learn_source')))),
      h('tbody', {}, v.assumptions.map((a) => h('tr', {},
        h('th', { scope: 'row' }, h('code', {}, a.key), ' ', loc(a.label)),
        h('td', {}, assumptionInput(a, v.currency)),
        h('td', {}, t(`learn_origin_${a.origin}`)),
        h('td', { class: 'source' }, loc(a.source)))))),
    problem,
    h('p', {},
      h('button', { type: 'submit', class: 'button' }, t('learn_recompute')), ' ',
      Object.keys(overrides).length ? h('a', { href: `#/learn${query(filter)}`, class: 'more' }, t('learn_reset')) : null));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    // Keep the reader's earlier figures, add the ones changed now (shares typed in % go back to 0..1).
    const next = { ...overrides };
    for (const input of form.querySelectorAll('input[name]')) {
      const raw = input.value.trim();
      const typed = input.dataset.share && raw !== '' && Number.isFinite(Number(raw)) ? String(Number(raw) / 100) : raw;
      if (typed !== input.dataset.original) next[input.name] = typed;
    }
    try {
      await getJson(`/api/value${query(next)}`);
      // The scorecards' filter stays in the address with the what-if.
      navigate(`#/learn${query({ ...next, ...filter })}`);
    } catch (err) {
      problem.textContent = t('learn_value_refused', { message: err.message });
      problem.hidden = false;
    }
  });
  return section(t('learn_value'),
    h('p', { class: 'help' }, t('learn_value_help')),
    isFiltered(filter) ? h('p', { class: 'help learn-value-unfiltered' }, t('learn_value_unfiltered')) : null,
    h('table', { class: 'table value-lines' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('learn_line')), h('th', { scope: 'col' }, t('learn_per_year')), h('th', { scope: 'col' }, t('learn_computation')))),
      h('tbody', {},
        v.lines.map((l) => h('tr', {}, h('th', { scope: 'row' }, loc(l.label)), h('td', {}, amount(l.amount)), h('td', {}, h('code', {}, l.computation)))),
        h('tr', { class: 'total' }, h('th', { scope: 'row' }, t('learn_total')), h('td', {}, amount(v.total)), h('td', {})),
        h('tr', { class: 'muted' }, h('th', { scope: 'row' }, t('learn_benchmark')), h('td', {}, amount(v.benchmark.amount)), h('td', {}, h('code', {}, v.benchmark.computation))))),
    h('h3', {}, t('learn_assumptions')),
    h('p', { class: 'help' }, t('learn_value_edit')),
    form,
    ...v.notes.map((n) => h('p', { class: 'notice' }, loc(n))));
}
