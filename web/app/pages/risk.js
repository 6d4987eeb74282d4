/** Customers at risk: value at risk and a table of customers with score, reasons and value. */
import { getJson } from '../api.js';
import { empty, pageHeader } from '../components.js';
import { h } from '../dom.js';
import { filterBar, filterQuery, isFiltered, noMatch, readFilter } from '../filter-bar.js';
import { date, loc, money, num, plural, t } from '../i18n.js';

export async function render(ctx) {
  const filter = readFilter(ctx.params);
  const [r, bar] = await Promise.all([getJson(`/api/risk${filterQuery(filter)}`), filterBar(ctx, 'risk')]);
  const header = pageHeader(t('risk_title'), t('risk_lead', { threshold: num(r.threshold) }));
  if (isFiltered(filter) && r.customersTotal === 0) return h('div', { class: 'page page-risk' }, header, bar, noMatch(ctx, 'risk'));
  return h(
    'div',
    { class: 'page page-risk' },
    header,
    bar,
    h('div', { class: 'grid-3' },
      h('section', { class: 'card score-card' }, h('h2', {}, t('value_at_risk')), h('p', { class: 'score-value' }, money(r.valueAtRisk, r.currency))),
      h('section', { class: 'card score-card' }, h('h2', {}, t('customers_at_risk')), h('p', { class: 'score-value' }, num(r.count)), h('p', { class: 'muted' }, plural('out_of_customers', r.customersTotal))),
    ),
    r.customers.length ? table(r.customers, r.currency) : empty(),
  );
}

function table(customers, currency) {
  const rows = customers.map((c) => {
    const href = `#/customer/${encodeURIComponent(c.customerId)}`;
    return h(
      'tr',
      { class: 'clickable', dataset: { href } },
      h('th', { scope: 'row' }, h('a', { href, title: t('open_history') }, c.name || c.customerRef || c.customerId)),
      h('td', {}, c.segment ?? '—'),
      h('td', { class: 'num' }, h('span', { class: `risk-score ${c.score >= 80 ? 'high' : 'medium'}` }, num(c.score))),
      h('td', {}, h('ul', { class: 'reason-list' }, c.reasons.map((r) => h('li', {}, loc(r.text))))),
      h('td', { class: 'num' }, money(c.value, currency)),
      h('td', {}, date(c.lastContact)),
    );
  });
  const tbody = h('tbody', {}, rows);
  // The whole row is clickable for the mouse; keyboard users use the link in the first cell.
  tbody.addEventListener('click', (e) => {
    if (e.target.closest('a')) return;
    const tr = e.target.closest('tr[data-href]');
    if (tr) location.hash = tr.dataset.href;
  });
  return h('section', { class: 'card' }, h('div', { class: 'table-wrap' }, h('table', { class: 'data risk-table' },
    h('thead', {}, h('tr', {}, [t('customer'), t('segment'), t('score'), t('reasons'), t('value'), t('last_contact')].map((c, i) => h('th', { scope: 'col', title: i === 2 ? t('score_help') : null }, c)))),
    tbody)));
}
