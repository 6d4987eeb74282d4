/**
 * Alert rules: the workspace's rules (what they watch, what they do), a form to write one, try it on
 * past messages and add it (the server validates: its message names the field and the fix), and the
 * latest alerts with a button to mark each as seen. Spike rules are shown here; they are written with
 * `ecoute rules add` or the API.
 */
import { getJson, query } from '../api.js';
import { pageHeader, section } from '../components.js';
import { h, replace } from '../dom.js';
import { date, label, labelCodes, num, plural, quote, t } from '../i18n.js';

const LISTS = [
  { key: 'emotion', kind: 'emotions' }, { key: 'need', kind: 'needs' }, { key: 'theme', kind: 'themes' },
  { key: 'stage', kind: 'stages' }, { key: 'channel', kind: 'channels' },
];
const NPS_BANDS = ['detractor', 'passive', 'promoter'];
const post = (path, body, method = 'POST') => getJson(path, {
  method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
});

export async function render() {
  const [{ rules }, { alerts }] = await Promise.all([getJson('/api/rules'), getJson(`/api/alerts${query({ limit: 20 })}`)]);
  const list = h('div', { class: 'rules-list' });
  const refresh = async () => replace(list, rulesSection((await getJson('/api/rules')).rules, refresh));
  replace(list, rulesSection(rules, refresh));
  return h('div', { class: 'page page-rules' },
    pageHeader(t('rules_title'), t('rules_lead')),
    list,
    ruleForm(refresh),
    alertsSection(alerts));
}

/** "Émotion : Colère, Frustration · intention de départ" */
function conditionsText(c) {
  const parts = [];
  for (const { key, kind } of LISTS) if (c[key]) parts.push(`${t(`rule_c_${key}`)}${t('colon')}${c[key].map((v) => label(kind, v)).join(', ')}`);
  if (c.churn) parts.push(t('rule_churn'));
  if (c.vulnerable) parts.push(t('rule_vulnerable'));
  if (c.urgency) parts.push(`${t('rule_urgency_min')}${t('colon')}${label('urgencies', c.urgency)}`);
  if (c.npsBand) parts.push(`NPS${t('colon')}${c.npsBand.map((b) => t(`rule_nps_${b}`)).join(', ')}`);
  if (c.csatBand) parts.push(`CSAT${t('colon')}${c.csatBand.join(', ')}`);
  if (c.customerValueAtLeast !== undefined) parts.push(`${t('rule_value_min')}${t('colon')}${num(c.customerValueAtLeast)}`);
  if (c.brand) parts.push(t(`rule_brand_${c.brand}`));
  if (c.language) parts.push(`${t('rule_language')}${t('colon')}${c.language.join(', ')}`);
  if (c.spike) parts.push(t('rule_spike', { label: label(`${c.spike.kind}s`, c.spike.label), factor: num(c.spike.factor, Number.isInteger(c.spike.factor) ? 0 : 1), min: num(c.spike.minCount), window: c.spike.window }));
  return parts.join(' · ');
}

function actionsText(actions) {
  if (actions.length === 0) return t('rule_alert_only');
  return actions.map((a) => (a.type === 'case' ? `${t('rule_action_case')}${a.owner ? ` (${a.owner})` : ''}`
    : a.type === 'email' ? `${t('rule_email')}${t('colon')}${a.to}` : `${t('rule_webhook')} ${a.format}${t('colon')}${new URL(a.url).host}`)).join(' · ');
}

function rulesSection(rules, refresh) {
  if (rules.length === 0) return section(t('rules_list'), h('p', { class: 'notice' }, t('rules_none')));
  return section(t('rules_list'), h('div', { class: 'rule-items' }, rules.map((r) => h('article', { class: 'card rule-item', dataset: { rule: r.id } },
    h('h3', {}, r.name, ' ', h('span', { class: 'chip' }, t('rule_version', { n: r.version }))),
    h('p', {}, h('strong', {}, t('rule_when')), ' ', conditionsText(r.definition.conditions)),
    h('p', {}, h('strong', {}, t('rule_then')), ' ', actionsText(r.definition.actions)),
    h('p', { class: 'muted' }, t('rule_dedupe', { window: r.definition.dedupeWindow })),
    h('button', { type: 'button', class: 'button', onclick: async (e) => {
      e.target.disabled = true;
      await post(`/api/rules/${encodeURIComponent(r.id)}`, undefined, 'DELETE');
      await refresh();
    } }, t('rule_remove'))))));
}

const field = (id, text, control) => h('div', { class: 'field' }, h('label', { for: id }, text), control);
const check = (id, name, text, value = 'true') => h('div', { class: 'field field-check' }, h('label', { for: id }, h('input', { id, name, type: 'checkbox', value }), ' ', text));

/** The rule the form describes (only what was filled in). */
function definitionOf(form) {
  const data = new FormData(form);
  const conditions = {};
  for (const { key } of LISTS) {
    const values = data.getAll(key).filter(Boolean);
    if (values.length) conditions[key] = values;
  }
  if (data.get('churn')) conditions.churn = true;
  if (data.get('vulnerable')) conditions.vulnerable = true;
  if (data.get('urgency')) conditions.urgency = data.get('urgency');
  const bands = data.getAll('npsBand');
  if (bands.length) conditions.npsBand = bands;
  if (data.get('value') !== '') conditions.customerValueAtLeast = Number(data.get('value'));
  if (data.get('brand')) conditions.brand = data.get('brand');
  if (data.get('language')) conditions.language = [data.get('language')];
  const actions = [];
  if (data.get('case')) actions.push({ type: 'case', ...(data.get('owner') ? { owner: data.get('owner') } : {}) });
  if (data.get('email')) actions.push({ type: 'email', to: data.get('email') });
  if (data.get('webhook')) actions.push({ type: 'webhook', url: data.get('webhook'), format: data.get('format') });
  return { name: data.get('name'), conditions, actions, dedupeWindow: data.get('dedupe') || '24h' };
}

function ruleForm(refresh) {
  const problem = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const outcome = h('div', { class: 'rule-outcome', 'aria-live': 'polite' });
  const select = (name, options, anyLabel) => h('select', { id: `r-${name}`, name }, h('option', { value: '' }, anyLabel ?? t('rule_any')), options.map(([v, text]) => h('option', { value: v }, text)));
  const form = h('form', { class: 'card rule-form', novalidate: true, 'aria-labelledby': 'rule-form-title' },
    h('h2', { id: 'rule-form-title' }, t('rule_new')),
    field('r-name', t('rule_name'), h('input', { id: 'r-name', name: 'name', maxlength: 200, required: true })),
    h('fieldset', { class: 'rule-conditions' }, h('legend', {}, t('rule_conditions')),
      h('div', { class: 'filters' },
        LISTS.map(({ key, kind }) => field(`r-${key}`, t(`rule_c_${key}`), h('select', { id: `r-${key}`, name: key, multiple: true, size: 4 }, labelCodes(kind).map((code) => h('option', { value: code }, label(kind, code)))))),
        field('r-urgency', t('rule_urgency_min'), select('urgency', ['low', 'medium', 'high'].map((u) => [u, label('urgencies', u)]))),
        field('r-value', t('rule_value_min'), h('input', { id: 'r-value', name: 'value', type: 'number', min: 0, step: 1 })),
        field('r-brand', t('rule_brand'), select('brand', [['own', t('rule_brand_own')], ['competitor', t('rule_brand_competitor')]])),
        field('r-language', t('rule_language'), select('language', [['fr', t('language_fr')], ['en', t('language_en')]]))),
      h('div', { class: 'filters' },
        check('r-churn', 'churn', t('rule_churn')), check('r-vulnerable', 'vulnerable', t('rule_vulnerable')),
        NPS_BANDS.map((b) => check(`r-nps-${b}`, 'npsBand', `NPS ${t(`rule_nps_${b}`)}`, b)))),
    h('fieldset', { class: 'rule-actions' }, h('legend', {}, t('rule_actions')),
      h('div', { class: 'filters' },
        check('r-case', 'case', t('rule_action_case')),
        field('r-owner', t('rule_case_owner'), h('input', { id: 'r-owner', name: 'owner', maxlength: 200 })),
        field('r-email', t('rule_email'), h('input', { id: 'r-email', name: 'email', type: 'email' })),
        field('r-webhook', t('rule_webhook'), h('input', { id: 'r-webhook', name: 'webhook', type: 'url', placeholder: 'https://hooks.slack.com/services/…' })),
        field('r-format', t('rule_webhook_format'), h('select', { id: 'r-format', name: 'format' }, ['json', 'slack', 'teams'].map((f) => h('option', { value: f }, f)))))),
    field('r-dedupe', t('rule_dedupe_window'), h('input', { id: 'r-dedupe', name: 'dedupe', value: '24h', 'aria-describedby': 'r-dedupe-help' })),
    h('p', { id: 'r-dedupe-help', class: 'muted' }, t('rule_dedupe_help')),
    problem,
    h('div', { class: 'field actions' },
      h('button', { type: 'button', class: 'button', onclick: () => send('test') }, t('rule_test')),
      h('button', { type: 'submit', class: 'button primary' }, t('rule_add'))),
    outcome);

  async function send(what) {
    problem.hidden = true;
    replace(outcome);
    const definition = definitionOf(form);
    try {
      if (what === 'test') {
        replace(outcome, testResult(await post('/api/rules/test', { rule: definition, limit: 5 })));
      } else {
        const { rule } = await post('/api/rules', definition);
        form.reset();
        replace(outcome, h('p', { class: 'notice' }, t('rule_added', { name: rule.name })));
        await refresh();
      }
    } catch (err) {
      replace(problem, t('rule_error', { message: err.message }));
      problem.hidden = false;
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send('add');
  });
  return form;
}

function testResult(r) {
  const head = h('p', {}, t('rule_test_result', { matched: num(r.matched), scanned: num(r.scanned), alerts: num(r.alerts) }));
  return h('div', { class: 'rule-test' }, head, h('ul', { class: 'rule-matches' }, r.matches.map((m) => h('li', {},
    h('span', { class: 'muted' }, `${date(m.at, true)} · ${label('channels', m.channel)} · ${m.customer ?? '—'}`), ' ',
    m.wouldAlert ? null : h('span', { class: 'chip' }, t('rule_test_held')),
    h('div', {}, quote(m.text)),
    h('div', { class: 'muted' }, m.reasons.join(', '))))));
}

function alertsSection(alerts) {
  if (alerts.length === 0) return section(t('alerts_recent'), h('p', { class: 'notice' }, t('alerts_none')));
  return section(t('alerts_recent'), h('p', { class: 'muted' }, plural('alerts_count', alerts.length)), h('div', { class: 'alert-items' }, alerts.map((a) => {
    const [title, ...lines] = a.message.split('\n');
    const state = a.acknowledged ? h('span', { class: 'chip' }, t('alert_seen'))
      : h('button', { type: 'button', class: 'button', onclick: async (e) => {
        await post(`/api/alerts/${encodeURIComponent(a.id)}/ack`);
        e.target.replaceWith(h('span', { class: 'chip' }, t('alert_seen')));
      } }, t('alert_ack'));
    return h('article', { class: 'card alert-item', dataset: { alert: a.id } },
      h('h3', {}, title), h('p', { class: 'muted' }, date(a.createdAt, true)), lines.map((l) => h('p', {}, l)),
      a.customerId ? h('p', {}, h('a', { href: `#/customer/${encodeURIComponent(a.customerId)}` }, t('alert_open'))) : null,
      state);
  })));
}
