/**
 * The header's workspace switcher: the workspaces the caller may use (GET /api/workspaces). A menu when
 * there is a choice; the workspace's name alone when a logged-in user has one; nothing for the local
 * demo's single workspace. Choosing one reloads the page with ?workspace=ID: every API request then
 * names it (api.js sends X-Ecoute-Workspace) and the server remembers it in a cookie, so CSV links
 * follow. A workspace the caller may not enter is refused by the server; the header says so and links
 * back to the caller's own workspaces.
 */
import { getJson, setWorkspace } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';

const PARAM = 'workspace';

/** {current, open, workspaces} from the server, {refused, message} when it refused, null when unknown (logged out). */
let state = null;

/** The workspace the page's address asks for (?workspace=), or null. */
function asked() {
  return new URLSearchParams(location.search).get(PARAM) || null;
}

/** Opens the page in another workspace (null: the server's choice, i.e. the remembered one or the default). */
function go(id) {
  const url = new URL(location.href);
  if (id) url.searchParams.set(PARAM, id);
  else url.searchParams.delete(PARAM);
  location.assign(url.href);
}

/** The switcher's place in the header, before the language menu (made once). */
function host() {
  let el = document.getElementById('workspace-switch');
  if (!el) {
    el = h('div', { id: 'workspace-switch', class: 'workspace-switch', hidden: true });
    const bar = document.querySelector('.topbar');
    bar?.insertBefore(el, bar.querySelector('.lang-switch'));
  }
  return el;
}

/** The workspace's name, with the caller's role there once accounts are on. */
function optionText(w, open) {
  return open ? w.name : `${w.name} (${t(`role_${w.role}`)})`;
}

/** Draws the switcher from the last answer (also after a change of language). */
export function renderWorkspaces() {
  const el = host();
  el.hidden = true;
  replace(el);
  if (!state) return;
  if (state.refused) {
    el.hidden = false;
    const back = h('a', { href: location.pathname + location.hash, id: 'workspace-back', onclick: (e) => { e.preventDefault(); go(null); } }, t('workspace_back'));
    replace(el, h('span', { class: 'workspace-refused', role: 'alert' }, t('workspace_refused', { workspace: state.refused }), ' ', back));
    return;
  }
  const list = state.workspaces;
  if (list.length === 0 || (list.length === 1 && state.open)) return;
  el.hidden = false;
  if (list.length === 1) {
    replace(el, h('span', { class: 'lang-switch', id: 'workspace-current' }, h('span', {}, t('workspace')), h('strong', {}, optionText(list[0], state.open))));
    return;
  }
  const select = h('select', { id: 'workspace-select', onchange: (e) => go(e.target.value) },
    list.map((w) => h('option', { value: w.id, selected: w.current }, optionText(w, state.open))));
  replace(el, h('label', { class: 'lang-switch' }, h('span', {}, t('workspace')), select));
}

/**
 * Reads ?workspace= (named by every request from now on) and the caller's workspaces, then draws the
 * switcher. Never throws: logged out, the switcher waits for the log-in (call it again then).
 */
export async function loadWorkspaces() {
  const id = asked();
  setWorkspace(id);
  try {
    state = await getJson('/api/workspaces');
  } catch (err) {
    state = (err.status === 403 || err.status === 404) && id ? { refused: id, message: err.message } : null;
  }
  renderWorkspaces();
  return state;
}
