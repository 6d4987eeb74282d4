/**
 * Close-the-loop cases: the list (filters by status, owner, overdue; a root-cause filter from the URL)
 * with Act's figures, and one case (#/cases/ID, in case-view.js): the message that raised it, what to
 * say, the coach on the owner's draft, the customer's history, notes and status buttons.
 */
import { getJson, query } from '../api.js';
import { empty, pageHeader, section } from '../components.js';
import { h } from '../dom.js';
import { date, num, pct, plural, t } from '../i18n.js';
import { overdue, renderCase, statusChip } from '../case-view.js';

const STATUSES = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'];

export async function render({ arg, params }) {
  if (arg) return renderCase(arg);
  const filter = { status: params.get('status'), owner: params.get('owner'), overdue: params.get('overdue'), rootCause: params.get('rootCause') };
  const [{ cases }, figures] = await Promise.all([getJson(`/api/cases${query(filter)}`), getJson('/api/cases/figures')]);
  return h('div', { class: 'page page-cases' },
    pageHeader(t('cases_title'), t('cases_lead')),
    filterForm(filter),
    h('p', { class: 'muted result-count', role: 'status' }, plural('cases_count', cases.length)),
    cases.length ? caseTable(cases) : empty(t('cases_none')),
    figuresSection(figures));
}

function filterForm(filter) {
  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': t('filters') },
    h('div', { class: 'field' }, h('label', { for: 'c-status' }, t('case_status')),
      h('select', { id: 'c-status', name: 'status' }, h('option', { value: '' }, t('all')),
        STATUSES.map((s) => h('option', { value: s, selected: filter.status === s }, t(`case_status_${s}`))))),
    h('div', { class: 'field' }, h('label', { for: 'c-owner' }, t('case_owner')), h('input', { id: 'c-owner', name: 'owner', value: filter.owner ?? '', maxlength: 200 })),
    h('div', { class: 'field field-check' }, h('label', { for: 'c-overdue' }, h('input', { id: 'c-overdue', name: 'overdue', type: 'checkbox', value: 'true', checked: filter.overdue === 'true' }), ' ', t('case_overdue_only'))),
    filter.rootCause ? h('input', { type: 'hidden', name: 'rootCause', value: filter.rootCause }) : null,
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'button primary' }, t('apply')), h('a', { href: '#/cases', class: 'button' }, t('reset'))));
  const apply = () => {
    const usp = new URLSearchParams();
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

function figuresSection(figures) {
  const head = (first) => h('thead', {}, h('tr', {}, [first, t('nav_cases'), t('case_first_response'), t('case_time_to_close'), t('case_overdue_share'), t('case_reopen_rate'), t('case_recovery')]
    .map((x, i) => h('th', { scope: 'col', class: i ? 'num' : null, title: i === 6 ? t('case_recovery_help') : null }, x))));
  const rows = [
    { name: t('case_overall'), figures: figures.overall, group: '' },
    ...figures.byTeam.map((x) => ({ name: x.team, figures: x.figures, group: t('case_by_team') })),
    ...figures.byRootCause.map((x) => ({ name: x.title, figures: x.figures, group: t('case_by_root'), href: `#/cases?rootCause=${encodeURIComponent(x.rootCauseId)}` })),
  ];
  return section(t('case_figures'),
    h('p', { class: 'help' }, t('case_figures_help', { min: num(figures.minCases) })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'case-figures' }, head(''),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('th', { scope: 'row' }, r.group ? h('span', { class: 'muted' }, `${r.group} · `) : null, r.href ? h('a', { href: r.href }, r.name) : r.name),
        figureCells(r.figures)))))));
}
