/**
 * Close-the-loop cases: the list, with the filter bar shared by every data page (period on the opened
 * date, team, segment, channel, brand, language; the figures follow it too) and its own status, owner
 * and overdue filters (a root-cause filter from the URL), with Act's figures; and one case (#/cases/ID,
 * in case-view.js): the message that raised it, what to say, the coach on the owner's draft, the
 * customer's history, notes and status buttons.
 */
import { getJson, query } from '../api.js';
import { empty, pageHeader, section } from '../components.js';
import { h } from '../dom.js';
import { carriedQuery, filterBar, filterQuery, isFiltered, readFilter } from '../filter-bar.js';
import { date, num, pct, plural, t } from '../i18n.js';
import { overdue, renderCase, statusChip } from '../case-view.js';

const STATUSES = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'];
/** The list's own filters (the shared ones are in the filter bar). */
const OWN = ['status', 'owner', 'overdue', 'rootCause'];

export async function render(ctx) {
  const { arg, params } = ctx;
  if (arg) return renderCase(arg);
  const shared = readFilter(params);
  const own = {};
  for (const k of OWN) if (params.get(k)) own[k] = params.get(k);
  const [{ cases }, figures, bar] = await Promise.all([
    getJson(`/api/cases${query({ ...shared, ...own })}`),
    getJson(`/api/cases/figures${filterQuery(shared)}`),
    filterBar(ctx, 'cases'),
  ]);
  const filtered = isFiltered(shared) || Object.keys(own).length > 0;
  // An empty list is "nothing matches" only when some case exists outside the filters.
  const anyCase = cases.length > 0 || (filtered && (await getJson('/api/cases?limit=1')).cases.length > 0);
  const header = pageHeader(t('cases_title'), t('cases_lead'));
  const hint = h('p', { class: 'help cases-scope-hint' }, t('cases_scope_hint'));
  if (!anyCase) return h('div', { class: 'page page-cases' }, header, bar, hint, filterForm(own, params), empty(t('cases_none_yet')));
  if (cases.length === 0) return h('div', { class: 'page page-cases' }, header, bar, hint, filterForm(own, params), noMatch(ctx));
  return h('div', { class: 'page page-cases' },
    header,
    bar,
    hint,
    filterForm(own, params),
    h('p', { class: 'muted result-count', role: 'status' }, plural('cases_count', cases.length)),
    caseTable(cases),
    figuresSection(figures, isFiltered(shared)));
}

/** "Nothing matches these filters", with a button that clears the shared and the list's own filters. */
function noMatch({ navigate }) {
  const clear = h('button', { type: 'button', class: 'button primary' }, t('clear_filters'));
  clear.addEventListener('click', () => navigate('#/cases'));
  return h('section', { class: 'card no-match', role: 'status' },
    h('h2', {}, t('no_match')),
    h('p', { class: 'help' }, t('cases_no_match_help')),
    clear);
}

function filterForm(filter, params) {
  // The shared filter of the bar stays in the URL when the list's own filters change or are reset.
  const carried = carriedQuery(params);
  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': t('filters') },
    h('div', { class: 'field' }, h('label', { for: 'c-status' }, t('case_status')),
      h('select', { id: 'c-status', name: 'status' }, h('option', { value: '' }, t('all')),
        STATUSES.map((s) => h('option', { value: s, selected: filter.status === s }, t(`case_status_${s}`))))),
    h('div', { class: 'field' }, h('label', { for: 'c-owner' }, t('case_owner')), h('input', { id: 'c-owner', name: 'owner', value: filter.owner ?? '', maxlength: 200 })),
    h('div', { class: 'field field-check' }, h('label', { for: 'c-overdue' }, h('input', { id: 'c-overdue', name: 'overdue', type: 'checkbox', value: 'true', checked: filter.overdue === 'true' }), ' ', t('case_overdue_only'))),
    filter.rootCause ? h('input', { type: 'hidden', name: 'rootCause', value: filter.rootCause }) : null,
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'button primary' }, t('apply')), h('a', { href: `#/cases${carried}`, class: 'button' }, t('reset'))));
  const apply = () => {
    const usp = new URLSearchParams(carried);
    for (const [k, v] of new FormData(form)) if (v) usp.set(k, String(v));
    location.hash = `#/cases${usp.toString() ? `?${usp}` : ''}`;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  for (const el of form.querySelectorAll('select, input[type=checkbox]')) el.addEventListener('change', apply);
  return form;
}

function caseTable(cases) {
  return h('div', { class: 'card table-wrap' }, h('table', { class: 'cases-table' },
    h('thead', {}, h('tr', {}, [t('case_title_col'), t('case_status'), t('case_owner'), t('case_due')].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, cases.map((c) => h('tr', { class: overdue(c) ? 'is-overdue' : null },
      h('th', { scope: 'row' }, h('a', { href: `#/cases/${encodeURIComponent(c.id)}` }, c.title)),
      h('td', {}, statusChip(c.status)),
      h('td', {}, c.owner ?? '—'),
      h('td', {}, date(c.dueAt, true), overdue(c) ? [' ', h('span', { class: 'chip alert' }, t('case_overdue'))] : null))))));
}

/** A median duration as hours (under two days) or days, with its n. */
function duration(d) {
  if (!d) return '—';
  const hours = d.medianMs / 3_600_000;
  const text = hours < 48 ? t('case_hours', { n: num(hours, 1) }) : t('case_days', { n: num(hours / 24, 1) });
  return `${text} (n=${num(d.n)})`;
}

const share = (s) => (s ? `${pct(s.share ?? s.rate)} (n=${num(s.n)})` : '—');

function figureCells(f) {
  return [num(f.cases), duration(f.firstResponse), duration(f.timeToClose), share(f.overdue), share(f.reopen), f.recovery ? num(f.recovery.lift, 2) : '—']
    .map((x) => h('td', { class: 'num' }, x));
}

function figuresSection(figures, scoped) {
  const head = (first) => h('thead', {}, h('tr', {}, [first, t('nav_cases'), t('case_first_response'), t('case_time_to_close'), t('case_overdue_share'), t('case_reopen_rate'), t('case_recovery')]
    .map((x, i) => h('th', { scope: 'col', class: i ? 'num' : null, title: i === 6 ? t('case_recovery_help') : null }, x))));
  const rows = [
    { name: t('case_overall'), figures: figures.overall, group: '' },
    ...figures.byTeam.map((x) => ({ name: x.team, figures: x.figures, group: t('case_by_team') })),
    ...figures.byRootCause.map((x) => ({ name: x.title, figures: x.figures, group: t('case_by_root'), href: `#/cases?rootCause=${encodeURIComponent(x.rootCauseId)}` })),
  ];
  return section(t('case_figures'),
    h('p', { class: 'help' }, t('case_figures_help', { min: num(figures.minCases) })),
    scoped ? h('p', { class: 'help case-figures-scope' }, t('case_figures_scoped')) : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'case-figures' }, head(''),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('th', { scope: 'row' }, r.group ? h('span', { class: 'muted' }, `${r.group} · `) : null, r.href ? h('a', { href: r.href }, r.name) : r.name),
        figureCells(r.figures)))))));
}
