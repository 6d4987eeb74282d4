/**
 * Walk in their shoes: one customer's whole history in order, across channels. Agent replies are shown
 * too (right-aligned, with the agent's name and team), so a reader follows the real conversation, not a
 * list of complaints; each customer message says what the customer felt.
 */
import { getJson } from '../api.js';
import { chip, emotionChip, pageHeader } from '../components.js';
import { h } from '../dom.js';
import { date, label, loc, money, num, t } from '../i18n.js';
import { markedText, reasonLine } from '../message.js';

export async function render({ arg }) {
  if (!arg) return h('p', { class: 'notice' }, t('not_found'));
  const d = await getJson(`/api/customers/${encodeURIComponent(arg)}/history`);
  const name = d.customer.name || d.customer.ref || d.customer.id;
  let lastConversation = null;
  const items = [];
  for (const m of d.messages) {
    if (m.conversationId !== lastConversation) {
      items.push(conversationBreak(m));
      lastConversation = m.conversationId;
    }
    items.push(turn(m, name));
  }
  return h(
    'div',
    { class: 'page page-customer' },
    h('p', {}, h('a', { href: '#/risk' }, t('back_to_risk'))),
    pageHeader(t('customer_title', { name }), t('customer_lead')),
    h('section', { class: 'card customer-card' },
      h('p', {},
        d.customer.segment ? chip(d.customer.segment) : null,
        d.customer.value !== null ? chip(`${t('value')} ${money(d.customer.value, d.currency)}`) : null,
        chip(`${num(d.customer.conversations)} ${t('conversations')}`),
        d.customer.channels.map((c) => chip(label('channels', c), 'stage'))),
      d.risk ? h('div', { class: 'risk-box' },
        h('strong', {}, t('risk_score', { score: num(d.risk.score) })),
        h('ul', { class: 'reason-list' }, d.risk.reasons.map((r) => h('li', {}, loc(r.text))))) : null),
    h('p', { class: 'legend' }, h('span', { class: 'swatch role-customer' }), t('legend_customer'), ' ', h('span', { class: 'swatch role-agent' }), t('legend_agent')),
    h('ol', { class: 'timeline' }, items),
  );
}

/** A new conversation: channel, date, and who handled it (team, agent). */
function conversationBreak(m) {
  const handled = [m.team, m.agent].filter(Boolean).join(' · ');
  return h('li', { class: 'conv-break' },
    h('span', { class: 'conv-channel' }, label('channels', m.channel)),
    ` · ${date(m.at)}`,
    handled ? ` · ${t('handled_by', { who: handled })}` : null);
}

/** Who wrote the message, in words: the customer's name, or the agent's name and team. */
function author(m, customerName) {
  if (m.role === 'customer') return [h('strong', {}, customerName), h('span', { class: 'role-tag' }, t('customer_role'))];
  if (m.role === 'agent') {
    return [h('strong', {}, m.agent ?? t('agent')), h('span', { class: 'role-tag' }, m.team ? `${t('agent')} · ${m.team}` : t('agent'))];
  }
  return [h('strong', {}, t('system'))];
}

/** What the customer felt in this message: emotion chips, or "none detected" (said, not left blank). */
function feelings(a) {
  if (!a) return h('p', { class: 'feelings muted' }, t('not_analysed'));
  return h('div', { class: 'feelings' },
    h('span', { class: 'feelings-label' }, `${t('felt')}${t('colon')}`),
    a.emotions.length ? a.emotions.map((e) => emotionChip(e.label)) : h('span', { class: 'muted' }, t('no_emotion')),
    a.needs.length ? [h('span', { class: 'feelings-label' }, `${t('needs_label')}${t('colon')}`), a.needs.map((n) => chip(label('needs', n.label), 'need'))] : null,
    a.signals?.churnIntent ? chip(t('churn'), 'alert') : null,
    a.signals?.urgency === 'high' ? chip(t('urgency_high'), 'alert') : null);
}

function turn(m, customerName) {
  return h('li', { class: `turn role-${m.role}` },
    h('p', { class: 'who' }, author(m, customerName)),
    h('p', { class: 'msg-meta' }, h('time', { datetime: m.at }, date(m.at, true))),
    markedText(m),
    m.role === 'customer' ? [reasonLine(m), feelings(m.analysis)] : null);
}
