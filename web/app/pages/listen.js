/** Listening station: filtered stream of verbatims with evidence marks, paged by cursor ("load more"). */
import { getJson, query } from '../api.js';
import { chip, empty, pageHeader } from '../components.js';
import { h } from '../dom.js';
import { label, labelCodes, num, plural, t } from '../i18n.js';
import { analysisTags, correctionControl, markedText, metaLine, reasonLine } from '../message.js';
import { actor } from '../case-view.js';
import { coachPanel } from '../coach-panel.js';
import { carriedQuery, filterBar, isFiltered, noMatch, readFilter } from '../filter-bar.js';

/**
 * The station's own label menus; period, team, segment, channel, brand and language are in the filter
 * bar shared with every page. `feminine`: the French noun is feminine, so its "all" option reads "Toutes".
 */
const FILTERS = [
  { name: 'stage', kind: 'stages', feminine: true },
  { name: 'theme', kind: 'themes' },
  { name: 'emotion', kind: 'emotions', feminine: true },
  { name: 'need', kind: 'needs' },
];
const PAGE = 20;

export async function render(ctx) {
  const { params } = ctx;
  const shared = readFilter(params);
  const active = { ...shared };
  for (const f of [...FILTERS.map((f) => f.name), 'q']) if (params.get(f)) active[f] = params.get(f);
  const [first, bar] = await Promise.all([getJson(`/api/messages${query({ ...active, limit: PAGE })}`), filterBar(ctx, 'listen')]);
  const header = pageHeader(t('listen_title'), t('listen_lead'));
  // Only the shared filters get the "nothing matches" page; the station's own menus keep their form.
  if (isFiltered(shared) && first.total === 0 && Object.keys(active).length === Object.keys(shared).length) {
    return h('div', { class: 'page page-listen' }, header, bar, noMatch(ctx, 'listen'));
  }
  const list = h('ol', { class: 'stream', 'aria-label': t('listen_title') });
  // The store stops counting at a cap (1000): past it the total is a floor, shown as "1000+".
  const count = first.totalCapped
    ? h('p', { class: 'muted result-count', role: 'status', title: t('results_capped_help', { n: num(first.total) }) }, t('results_capped', { n: num(first.total) }))
    : h('p', { class: 'muted result-count', role: 'status' }, plural('results', first.total));
  const more = h('button', { type: 'button', class: 'button' }, t('load_more'));
  let next = first.next;
  const appendPage = (items) => list.append(...items.map(item));
  appendPage(first.items);
  more.hidden = !next;
  more.addEventListener('click', async () => {
    more.disabled = true;
    const page = await getJson(`/api/messages${query({ ...active, limit: PAGE, cursor: next })}`);
    appendPage(page.items);
    next = page.next;
    more.hidden = !next;
    more.disabled = false;
  });
  return h(
    'div',
    { class: 'page page-listen' },
    header,
    bar,
    filterForm(active, params),
    legend(),
    count,
    first.items.length ? list : empty(),
    more,
  );
}

function filterForm(active, params) {
  const controls = FILTERS.map((f) => {
    const codes = f.codes ?? labelCodes(f.kind);
    const id = `f-${f.name}`;
    return h('div', { class: 'field' },
      h('label', { for: id }, t(f.name === 'language' ? 'language' : f.name === 'theme' ? 'theme' : f.name)),
      h('select', { id, name: f.name },
        h('option', { value: '' }, t(f.feminine ? 'all_f' : 'all')),
        codes.map((c) => h('option', { value: c, selected: active[f.name] === c }, f.kind ? label(f.kind, c) : capitalize(t(`language_${c}`))))));
  });
  const search = h('div', { class: 'field field-q' }, h('label', { for: 'f-q' }, t('search')), h('input', { id: 'f-q', name: 'q', type: 'search', value: active.q ?? '', maxlength: 200 }));
  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': t('filters') },
    controls, search,
    h('div', { class: 'field actions' },
      h('button', { type: 'submit', class: 'button primary' }, t('apply')),
      h('a', { href: `#/listen${carriedQuery(params)}`, class: 'button' }, t('reset'))));
  const apply = () => {
    const data = new FormData(form);
    // The filter bar's choices stay; the form's own menus and search are replaced.
    const next = new URLSearchParams(readFilter(params));
    for (const [k, v] of data) if (v) next.set(k, String(v));
    const qs = next.toString();
    location.hash = `#/listen${qs ? `?${qs}` : ''}`;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  // Menus apply at once; the search box applies on Enter.
  for (const select of form.querySelectorAll('select')) select.addEventListener('change', apply);
  return form;
}

function capitalize(s) {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

function legend() {
  return h('p', { class: 'legend', 'aria-label': t('legend') },
    `${t('legend')}${t('colon')}`,
    h('mark', { class: 'mark-emotion' }, t('legend_emotion')), ' ',
    h('mark', { class: 'mark-need' }, t('legend_need')), ' ',
    h('mark', { class: 'mark-reason' }, t('legend_reason')),
    // The chips under each message: same colours as on every page, named once here.
    h('span', { class: 'legend-tags' }, `${t('legend_tags')}${t('colon')}`,
      h('span', { class: 'chip emo emo-frustration' }, t('legend_emotion')),
      chip(t('legend_need'), 'need'), chip(t('legend_stage'), 'stage'), chip(t('legend_theme'), 'theme')));
}

function item(m) {
  // A saved correction redraws the card with the corrected findings.
  const li = h('li', { class: 'msg card' }, metaLine(m), markedText(m), reasonLine(m), analysisTags(m.analysis, m.corrections), openCaseButton(m),
    correctionControl(m, actor(), (shown) => li.replaceWith(item(shown))), replyCoach(m));
  return li;
}

/** "Draft a reply": the reply coach beside the message, folded until asked for (customer messages only). */
function replyCoach(m) {
  if (m.role !== 'customer') return null;
  return h('details', { class: 'reply-coach' }, h('summary', {}, t('listen_draft_reply')), coachPanel(m.text, `draft-${m.messageId}`));
}

/** "Open a case" on a message: the case takes its customer, urgency and due time from it (cases.js shows it). */
function openCaseButton(m) {
  const button = h('button', { type: 'button', class: 'button open-case' }, t('case_open_from_message'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = t('case_opening');
    try {
      const c = await getJson('/api/cases', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ messageId: m.messageId, actor: actor() }) });
      location.hash = `#/cases/${encodeURIComponent(c.id)}`;
    } catch (err) {
      button.disabled = false;
      button.textContent = t('case_open_from_message');
      button.after(h('p', { class: 'notice error', role: 'alert' }, t('case_open_failed', { message: err.message })));
    }
  });
  return h('p', { class: 'msg-actions' }, button);
}
