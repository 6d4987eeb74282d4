/**
 * The audit log (admins): who erased, undid an import, applied retention, logged in, exported, changed
 * or read a customer's history, newest first, with a CSV download of all of it.
 */
import { getJson } from '../api.js';
import { pageHeader, section } from '../components.js';
import { h } from '../dom.js';
import { date, t } from '../i18n.js';

/** Renders the page (the API refuses non-admins with 403, shown as the page's error). */
export async function render() {
  const { items } = await getJson('/api/audit?limit=200');
  const rows = items.map((e) => h('tr', {},
    h('td', {}, date(e.at, true)),
    h('td', {}, e.actor),
    h('td', {}, e.action),
    h('td', {}, h('code', {}, e.target))));
  return h('div', { class: 'page page-audit' },
    pageHeader(t('audit_title'), t('audit_lead')),
    h('p', {}, h('a', { class: 'button', href: '/api/audit?format=csv', download: 'ecoute-audit.csv', id: 'audit-csv' }, t('audit_csv'))),
    section(t('audit_latest'), items.length === 0 ? h('p', { class: 'notice' }, t('audit_empty'))
      : h('div', { class: 'table-wrap' }, h('table', { class: 'data audit-table' },
        h('thead', {}, h('tr', {}, [t('audit_at'), t('audit_actor'), t('audit_action'), t('audit_target')].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, rows)))));
}
