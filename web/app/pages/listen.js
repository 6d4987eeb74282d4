/** Listening station: filtered stream of verbatims with evidence marks, paged by cursor ("load more"). */
import { getJson, query } from '../api.js';
import { empty, pageHeader } from '../components.js';
import { h } from '../dom.js';
import { label, labelCodes, num, t } from '../i18n.js';
import { analysisTags, markedText, metaLine, reasonLine } from '../message.js';

const FILTERS = [
  { name: 'stage', kind: 'stages' },
  { name: 'theme', kind: 'themes' },
  { name: 'emotion', kind: 'emotions' },
  { name: 'need', kind: 'needs' },
  { name: 'channel', kind: 'channels' },
  { name: 'language', codes: ['fr', 'en'], names: { fr: 'Français', en: 'English' } },
];
const PAGE = 20;

export async function render({ params }) {
  const active = {};
  for (const f of [...FILTERS.map((f) => f.name), 'q']) if (params.get(f)) active[f] = params.get(f);
  const first = await getJson(`/api/messages${query({ ...active, limit: PAGE })}`);
  const list = h('ol', { class: 'stream', 'aria-label': t('listen_title') });
  const count = h('p', { class: 'muted', role: 'status' }, t('results', { n: `${num(first.total)}${first.totalCapped ? '+' : ''}` }));
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
    pageHeader(t('listen_title'), t('listen_lead')),
    filterForm(active),
    legend(),
    count,
    first.items.length ? list : empty(),
    more,
  );
}

function filterForm(active) {
  const controls = FILTERS.map((f) => {
    const codes = f.codes ?? labelCodes(f.kind);
    const id = `f-${f.name}`;
    return h('div', { class: 'field' },
      h('label', { for: id }, t(f.name === 'language' ? 'language' : f.name === 'theme' ? 'theme' : f.name)),
      h('select', { id, name: f.name },
        h('option', { value: '' }, t('all')),
        codes.map((c) => h('option', { value: c, selected: active[f.name] === c }, f.names ? f.names[c] : label(f.kind, c)))));
  });
  const search = h('div', { class: 'field field-q' }, h('label', { for: 'f-q' }, t('search')), h('input', { id: 'f-q', name: 'q', type: 'search', value: active.q ?? '', maxlength: 200 }));
  const form = h('form', { class: 'filters card', role: 'search', 'aria-label': t('filters') },
    controls, search,
    h('div', { class: 'field actions' },
      h('button', { type: 'submit', class: 'button primary' }, t('apply')),
      h('a', { href: '#/listen', class: 'button' }, t('reset'))));
  const apply = () => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [k, v] of data) if (v) params.set(k, String(v));
    const qs = params.toString();
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

function legend() {
  return h('p', { class: 'legend', 'aria-label': t('legend') },
    `${t('legend')}${t('colon')}`,
    h('mark', { class: 'mark-emotion' }, t('legend_emotion')), ' ',
    h('mark', { class: 'mark-need' }, t('legend_need')), ' ',
    h('mark', { class: 'mark-reason' }, t('legend_reason')));
}

function item(m) {
  return h('li', { class: 'msg card' }, metaLine(m), markedText(m), reasonLine(m), analysisTags(m.analysis));
}
