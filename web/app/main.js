/**
 * Dashboard entry: hash router (#/page/arg?query), navigation, language switch. One module per page;
 * each exports `render(ctx)` returning a Node (or a Promise of one).
 */
import { takeStaleAsOf } from './api.js';
import { h, replace } from './dom.js';
import { carriedQuery, withCarriedFilter } from './filter-bar.js';
import { getLang, loadLabels, setLang, t } from './i18n.js';
import * as overview from './pages/overview.js';
import * as journey from './pages/journey.js';
import * as themes from './pages/themes.js';
import * as personas from './pages/personas.js';
import * as risk from './pages/risk.js';
import * as competitors from './pages/competitors.js';
import * as exCx from './pages/ex-cx.js';
import * as listen from './pages/listen.js';
import * as customer from './pages/customer.js';
import * as maturity from './pages/maturity.js';
import * as cases from './pages/cases.js';
import * as rules from './pages/rules.js';
import * as deliveries from './pages/deliveries.js';
import * as data from './pages/data.js';
import * as drills from './pages/drills.js';
import * as learn from './pages/learn.js';
import * as login from './pages/login.js';
import * as audit from './pages/audit.js';
import { loadWorkspaces, renderWorkspaces } from './workspace-switcher.js';

const PAGES = [
  { id: 'overview', page: overview, nav: true },
  { id: 'journey', page: journey, nav: true },
  { id: 'themes', page: themes, nav: true },
  { id: 'personas', page: personas, nav: true },
  { id: 'risk', page: risk, nav: true },
  { id: 'competitors', page: competitors, nav: true },
  { id: 'ex-cx', page: exCx, nav: true },
  { id: 'listen', page: listen, nav: true },
  { id: 'cases', page: cases, nav: true },
  { id: 'rules', page: rules, nav: true },
  { id: 'deliveries', page: deliveries, nav: true },
  { id: 'drills', page: drills, nav: true },
  { id: 'learn', page: learn, nav: true },
  { id: 'maturity', page: maturity, nav: true },
  { id: 'data', page: data, nav: true },
  { id: 'customer', page: customer, nav: false },
  { id: 'audit', page: audit, nav: false },
];

/** Parses "#/listen?stage=delivery" into {id, arg, params}. */
export function parseHash(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const [path, qs = ''] = raw.split('?');
  const [id = 'overview', ...rest] = path.split('/');
  return { id: id || 'overview', arg: rest.length ? decodeURIComponent(rest.join('/')) : null, params: new URLSearchParams(qs) };
}

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let renderSeq = 0;

function renderNav(current, params) {
  // The filter bar's choices travel with the navigation: switching page keeps the question asked.
  const carried = carriedQuery(params);
  const items = PAGES.filter((p) => p.nav).map((p) =>
    h('li', {}, h('a', { href: `#/${p.id}${carried}`, 'aria-current': p.id === current ? 'page' : null, class: p.id === current ? 'active' : null }, t(`nav_${p.id}`))),
  );
  replace(nav, h('ul', {}, items, login.accountItem(current)));
}

function renderStatic() {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  document.getElementById('lang-select').value = getLang();
}

async function route() {
  const seq = ++renderSeq;
  const { id, arg, params } = parseHash(location.hash);
  const entry = PAGES.find((p) => p.id === id);
  renderNav(entry?.nav || id === 'audit' ? id : id === 'customer' ? 'risk' : null, params);
  renderStatic();
  if (!entry) {
    replace(main, h('p', { class: 'notice' }, t('not_found')));
    return;
  }
  document.title = `${t(`nav_${id}`)} · Écoute`;
  replace(main, h('p', { class: 'loading', role: 'status' }, t('loading')));
  try {
    takeStaleAsOf();
    const node = await entry.page.render({ arg, params, navigate: (hash) => (location.hash = hash) });
    if (seq === renderSeq) replace(main, staleNote(takeStaleAsOf()), node);
  } catch (err) {
    // 401: the workspace has users and nobody is logged in; once they are, the page asked for is shown.
    if (seq === renderSeq && err.status === 401) replace(main, login.render({ done: () => login.loadSession().then(() => loadLabels().catch(() => undefined)).then(loadWorkspaces).then(route) }));
    else if (seq === renderSeq) replace(main, h('p', { class: 'notice error', role: 'alert' }, t('error', { message: err.message })));
  }
}

/** During an import the server answers with the last figures computed: say so, and offer the newer ones. */
function staleNote(asOf) {
  if (!asOf) return null;
  const time = new Date(asOf).toLocaleTimeString(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return h('p', { class: 'notice stale-note', role: 'status' }, t('stale_figures', { time }), ' ',
    h('button', { type: 'button', class: 'button', onclick: () => route() }, t('stale_refresh')));
}

async function start() {
  setLang(getLang());
  document.getElementById('lang-select').addEventListener('change', (e) => {
    setLang(e.target.value);
    renderWorkspaces();
    route();
  });
  // First: the workspace the address names (?workspace=) goes with every request, the session's included.
  await loadWorkspaces();
  await login.loadSession();
  await loadLabels().catch(() => undefined);
  window.addEventListener('hashchange', () => {
    route().then(() => main.focus({ preventScroll: true }));
  });
  // A page's own links (a theme to its verbatims, the journey…) keep the filter being looked at.
  main.addEventListener('click', (e) => {
    const a = e.target.closest?.('a[href^="#/"]');
    if (a) a.setAttribute('href', withCarriedFilter(a.getAttribute('href'), parseHash(location.hash).params));
  });
  await route();
}

start();
