/** Walk in their shoes: one customer's whole history in order, across channels, agent replies included. */
import { getJson } from '../api.js';
import { chip, pageHeader } from '../components.js';
import { h } from '../dom.js';
import { label, loc, money, num, t } from '../i18n.js';
import { analysisTags, markedText, metaLine } from '../message.js';

export async function render({ arg }) {
  if (!arg) return h('p', { class: 'notice' }, t('not_found'));
  const d = await getJson(`/api/customers/${encodeURIComponent(arg)}/history`);
  const name = d.customer.name || d.customer.ref || d.customer.id;
  let lastConversation = null;
  const items = [];
  for (const m of d.messages) {
    if (m.conversationId !== lastConversation) {
      items.push(h('li', { class: 'conv-break' }, label('channels', m.channel)));
      lastConversation = m.conversationId;
    }
    items.push(
      h('li', { class: `turn role-${m.role}` },
        h('p', { class: 'who' }, m.role === 'customer' ? t('customer_role') : m.role === 'agent' ? (m.agent ?? t('agent')) : t('system')),
        metaLine({ ...m, customerId: null }),
        markedText(m),
        m.role === 'customer' ? analysisTags(m.analysis) : null),
    );
  }
  return h(
    'div',
    { class: 'page page-customer' },
    h('p', {}, h('a', { href: '#/risk' }, t('back_to_risk'))),
    pageHeader(t('customer_title', { name }), t('customer_lead')),
    h('section', { class: 'card customer-card' },
      h('p', {},
        d.customer.segment ? chip(d.customer.segment) : null,
        d.customer.value !== null ? chip(`${t('value')} ${money(d.customer.value)}`) : null,
        chip(`${num(d.customer.conversations)} ${t('conversations')}`),
        d.customer.channels.map((c) => chip(label('channels', c), 'stage'))),
      d.risk ? h('div', { class: 'risk-box' },
        h('strong', {}, t('risk_score', { score: num(d.risk.score) })),
        h('ul', { class: 'reason-list' }, d.risk.reasons.map((r) => h('li', {}, loc(r.text))))) : null),
    h('ol', { class: 'timeline' }, items),
  );
}
