/**
 * One case, for its owner: status buttons, owner and root cause, the message that raised it with what
 * to say (the customer's emotion, need and reason), the coach on the owner's draft (POST /api/coach),
 * the customer's whole history, and the notes. Every action re-renders the view from the server.
 */
import { getJson, query } from './api.js';
import { section } from './components.js';
import { h, replace } from './dom.js';
import { date, getLang, label, num, plural, quote, t } from './i18n.js';
import { analysisTags, markedText, metaLine, reasonLine } from './message.js';
import { coachPanel } from './coach-panel.js';

const ACTOR_KEY = 'ecoute.actor';

/** Who acts, as typed once in "your name" (recorded on each event); "dashboard" until then. */
export function actor() {
  try { return localStorage.getItem(ACTOR_KEY) || 'dashboard'; } catch { return 'dashboard'; }
}

const send = (method, path, body) => getJson(path, { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });

/** True when the case is past due and not resolved or closed (the server's rule, for display only). */
export function overdue(c) {
  return c.dueAt !== null && c.status !== 'resolved' && c.status !== 'closed' && new Date(c.dueAt).getTime() < Date.now();
}

export function statusChip(status) {
  return h('span', { class: `chip case-status case-${status}` }, t(`case_status_${status}`));
}

/** The case page; re-rendered in place after each action. */
export async function renderCase(id) {
  const root = h('div', { class: 'page page-case' });
  const problem = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const act = async (fn) => {
    problem.hidden = true;
    try {
      await fn();
      await draw();
    } catch (err) {
      problem.textContent = t('case_error', { message: err.message });
      problem.hidden = false;
    }
  };
  const draw = async () => {
    const [detail, { rootCauses }] = await Promise.all([
      getJson(`/api/cases/${encodeURIComponent(id)}${query({ lang: getLang() })}`),
      getJson('/api/root-causes'),
    ]);
    replace(root, view(detail, rootCauses, problem, act));
  };
  await draw();
  return root;
}

function view(d, rootCauses, problem, act) {
  const c = d.case;
  const patch = (body) => act(() => send('PATCH', `/api/cases/${encodeURIComponent(c.id)}`, { ...body, actor: actor() }));
  return [
    h('p', {}, h('a', { href: '#/cases' }, t('case_back'))),
    h('header', { class: 'page-header' }, h('h1', {}, c.title),
      h('p', { class: 'case-meta' }, statusChip(c.status), ' ', t('case_due'), t('colon'), date(c.dueAt, true),
        overdue(c) ? [' ', h('span', { class: 'chip alert' }, t('case_overdue'))] : null,
        c.reopenCount ? ` · ${t('case_reopened', { n: num(c.reopenCount) })}` : null)),
    problem,
    h('div', { class: 'card case-actions' },
      h('div', { class: 'status-buttons', role: 'group', 'aria-label': t('case_status') },
        d.next.map((s) => h('button', { type: 'button', class: `button${s === 'closed' || s === 'resolved' ? '' : ' primary'}`, 'data-status': s, onclick: () => patch({ status: s }) }, t(`case_move_${s}`)))),
      ownerForm(c, patch),
      rootCauseField(c, d, rootCauses, act, patch),
      actorField()),
    h('div', { class: 'grid-2' },
      section(t('case_raised_by'), d.message
        ? h('div', { class: 'msg' }, metaLine(d.message), markedText(d.message), reasonLine(d.message), analysisTags(d.message.analysis))
        : h('p', { class: 'muted' }, t('case_no_message'))),
      briefSection(d.brief)),
    coachSection(d),
    h('div', { class: 'grid-2' }, notesSection(c, d.events, act), historySection(c, d.history)),
  ];
}

function ownerForm(c, patch) {
  const input = h('input', { id: 'case-owner', name: 'owner', value: c.owner ?? '', maxlength: 200 });
  const form = h('form', { class: 'field inline-field' }, h('label', { for: 'case-owner' }, t('case_owner')),
    h('span', {}, input, ' ', h('button', { type: 'submit', class: 'button' }, t('case_save'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    patch({ owner: input.value.trim() || null });
  });
  return form;
}

/** The root-cause menu: none, the existing ones, and "new" for each theme of the raising message. */
function rootCauseField(c, d, rootCauses, act, patch) {
  const known = new Set(rootCauses.map((r) => r.key));
  const themes = (d.message?.analysis?.themes ?? []).map((x) => x.label).filter((k) => !known.has(k));
  const select = h('select', { id: 'case-root' },
    h('option', { value: '' }, t('case_root_none')),
    rootCauses.map((r) => h('option', { value: r.id, selected: r.id === c.rootCauseId }, t('case_root_cases', { title: r.title, cases: plural('cases_count', r.cases), open: plural('case_root_open', r.openCases) }))),
    themes.map((k) => h('option', { value: `new:${k}` }, t('case_root_new', { name: label('themes', k) }))));
  select.addEventListener('change', () => {
    const v = select.value;
    if (!v.startsWith('new:')) return patch({ rootCauseId: v || null });
    return act(async () => {
      const rc = await send('POST', '/api/root-causes', { key: v.slice(4), title: label('themes', v.slice(4)) });
      await send('PATCH', `/api/cases/${encodeURIComponent(c.id)}`, { rootCauseId: rc.id, actor: actor() });
    });
  });
  return h('div', { class: 'field' }, h('label', { for: 'case-root' }, t('case_root_cause')), select);
}

function actorField() {
  const input = h('input', { id: 'case-actor', value: actor() === 'dashboard' ? '' : actor(), maxlength: 200, 'aria-describedby': 'case-actor-help' });
  input.addEventListener('change', () => {
    try { localStorage.setItem(ACTOR_KEY, input.value.trim()); } catch { /* storage disabled: "dashboard" is recorded */ }
  });
  return h('div', { class: 'field' }, h('label', { for: 'case-actor' }, t('case_your_name')), input, h('span', { id: 'case-actor-help', class: 'help' }, t('case_your_name_help')));
}

function briefSection(b) {
  const fact = (name, value) => (value ? [h('dt', {}, name), h('dd', {}, value)] : null);
  return section(t('case_what_to_say'),
    h('dl', { class: 'brief-facts' },
      fact(t('case_emotion'), b.emotion?.name), fact(t('case_need'), b.need?.name),
      fact(t('case_reason'), b.reason ? quote(b.reason) : null), fact(t('case_urgency'), b.urgency?.name)),
    h('ol', { class: 'brief-steps' }, b.steps.map((s) => h('li', {}, s))));
}

function coachSection(d) {
  return section(t('case_coach'), coachPanel(d.message?.text ?? d.case.title, 'case-draft'));
}

function eventText(e) {
  if (e.kind === 'status') return t('case_event_status', { from: t(`case_status_${e.fromStatus}`), to: t(`case_status_${e.toStatus}`) });
  if (e.kind === 'note') return e.text;
  return t(`case_event_${e.kind}`, { text: e.text ?? '—' });
}

function notesSection(c, events, act) {
  const text = h('textarea', { id: 'case-note', rows: 3, maxlength: 10000 });
  const form = h('form', { class: 'note-form' }, h('label', { for: 'case-note' }, t('case_note_label')), text,
    h('p', {}, h('button', { type: 'submit', class: 'button primary' }, t('case_add_note'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!text.value.trim()) {
      text.setCustomValidity(t('case_note_empty'));
      text.reportValidity();
      return;
    }
    act(() => send('POST', `/api/cases/${encodeURIComponent(c.id)}/notes`, { text: text.value, actor: actor() }));
  });
  text.addEventListener('input', () => text.setCustomValidity(''));
  return section(t('case_notes'),
    h('ol', { class: 'case-events' }, events.map((e) => h('li', { class: `event-${e.kind}` },
      h('span', { class: 'msg-meta' }, h('time', { datetime: e.at }, date(e.at, true)), ' · ', t('case_by', { actor: e.actor })),
      h(e.kind === 'note' ? 'p' : 'span', { class: e.kind === 'note' ? 'note-text' : 'event-text' }, eventText(e))))),
    form);
}

function historySection(c, history) {
  if (!c.customerId) return section(t('case_history'), h('p', { class: 'muted' }, t('case_no_customer')));
  return section(t('case_history'),
    h('p', { class: 'muted' }, plural('case_history_count', history.length), ' · ', h('a', { href: `#/customer/${encodeURIComponent(c.customerId)}` }, t('open_history'))),
    h('ol', { class: 'stream case-history' }, history.slice(-20).map((m) => h('li', { class: `msg role-${m.role}` }, metaLine(m), markedText(m)))));
}
