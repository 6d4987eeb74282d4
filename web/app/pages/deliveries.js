/**
 * Deliveries: the alert outbox (e-mails and webhook posts) — where each went, how, where it stands,
 * how many tries, when the next one is due, the last error and the alert it carries — filtered by
 * status, with "retry now" on a failed one (POST /api/deliveries/:id/retry) once its receiver is fixed.
 */
import { getJson, query } from '../api.js';
import { chip, pageHeader, section } from '../components.js';
import { h, replace } from '../dom.js';
import { date, num, plural, t } from '../i18n.js';

const STATUSES = ['pending', 'sending', 'delivered', 'failed'];

/** The deliveries of the workspace, filtered by ?status=. */
export async function render({ params, navigate }) {
  const status = STATUSES.includes(params.get('status')) ? params.get('status') : '';
  const table = h('div', { class: 'deliveries-list' });
  const refresh = async () => replace(table, await listing(status, refresh));
  await refresh();
  return h('div', { class: 'page page-deliveries' },
    pageHeader(t('deliveries_title'), t('deliveries_lead')),
    filter(status, navigate),
    table);
}

function filter(status, navigate) {
  const select = h('select', { id: 'd-status', name: 'status' },
    h('option', { value: '' }, t('deliveries_all')),
    STATUSES.map((s) => h('option', { value: s, selected: s === status }, t(`delivery_${s}`))));
  select.addEventListener('change', () => navigate(`#/deliveries${query({ status: select.value })}`));
  return h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'd-status' }, t('deliveries_status')), select));
}

/** The first line of each alert's message, by alert id (the alert a delivery carries). */
async function alertTitles() {
  const { alerts } = await getJson(`/api/alerts${query({ limit: 1000 })}`);
  return new Map(alerts.map((a) => [a.id, a.message.split('\n')[0]]));
}

async function listing(status, refresh) {
  const { deliveries } = await getJson(`/api/deliveries${query({ status, limit: 200 })}`);
  if (deliveries.length === 0) return section(t('deliveries_title'), h('p', { class: 'notice' }, t(status ? 'deliveries_none_status' : 'deliveries_none')));
  const titles = await alertTitles();
  const problem = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const head = [t('delivery_destination'), t('delivery_kind'), t('deliveries_status'), t('delivery_attempts'), t('delivery_next'), t('delivery_error'), t('delivery_alert'), ''];
  return section(t('deliveries_title'),
    h('p', { class: 'muted' }, plural('deliveries_count', deliveries.length)),
    problem,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data deliveries-table' },
      h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, deliveries.map((d) => row(d, titles, problem, refresh))))));
}

function row(d, titles, problem, refresh) {
  // Only a pending delivery has a next try; a delivered or failed one waits for nothing.
  const next = d.status === 'pending' ? date(d.nextAttemptAt, true) : '—';
  const retry = d.status === 'failed'
    ? h('button', { type: 'button', class: 'button', onclick: async (e) => {
      e.target.disabled = true;
      try {
        await getJson(`/api/deliveries/${encodeURIComponent(d.id)}/retry`, { method: 'POST' });
        await refresh();
      } catch (err) {
        problem.textContent = t('delivery_retry_refused', { message: err.message });
        problem.hidden = false;
        e.target.disabled = false;
      }
    } }, t('delivery_retry'))
    : null;
  return h('tr', { dataset: { delivery: d.id, status: d.status } },
    h('td', {}, h('code', {}, d.destination)),
    h('td', {}, `${t(`delivery_channel_${d.channel}`)} · ${d.format}`),
    h('td', {}, chip(t(`delivery_${d.status}`), `status-${d.status}`)),
    h('td', { class: 'num' }, num(d.attempts)),
    h('td', {}, next),
    h('td', { class: 'delivery-error' }, d.lastError ?? '—'),
    h('td', {}, titles.get(d.alertId) ?? d.alertId),
    h('td', {}, retry));
}
