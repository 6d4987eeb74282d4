/**
 * The log-in page, shown in place of any page whose data answers 401 (the workspace has users), and
 * the "log out" entry of the navigation. The session itself is an HttpOnly cookie the page never sees;
 * the CSRF token it gets back is kept in memory (api.js) and sent with every change.
 */
import { getJson, setCsrfToken } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';

/** The current session ({open, user, role}) or null when nobody is logged in. */
let session = null;

/** Asks the server who is logged in (after a reload the CSRF token comes from here). Never throws. */
export async function loadSession() {
  try {
    session = await getJson('/api/session');
    setCsrfToken(session.csrfToken);
  } catch {
    session = null;
    setCsrfToken(null);
  }
  return session;
}

/**
 * The navigation's account entry: who is logged in, the audit log for admins, and a log-out link; null
 * when the workspace is open (the audit log is then at #/audit).
 */
export function accountItem(current) {
  if (!session || session.open || !session.user) return null;
  const logout = async (e) => {
    e.preventDefault();
    await getJson('/api/session', { method: 'DELETE' }).catch(() => undefined);
    session = null;
    setCsrfToken(null);
    location.hash = '#/overview';
    location.reload();
  };
  return h('li', { class: 'account' },
    h('span', { class: 'muted' }, t('logged_in_as', { email: session.user.email, role: t(`role_${session.role}`) })),
    session.role === 'admin' ? h('a', { href: '#/audit', 'aria-current': current === 'audit' ? 'page' : null, class: current === 'audit' ? 'active' : null }, t('nav_audit')) : null,
    h('a', { href: '#/logout', id: 'logout', onclick: logout }, t('logout')));
}

/** The log-in form; `done()` is called once logged in (the caller renders the page asked for). */
export function render({ done }) {
  const problem = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const email = h('input', { id: 'login-email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('login_submit'));
  const form = h('form', { class: 'card login-form', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, t('login_title')),
    h('p', { class: 'muted' }, t('login_lead')),
    h('div', { class: 'field' }, h('label', { for: 'login-email' }, t('login_email')), email),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('login_password')), password),
    problem,
    h('div', { class: 'field actions' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.hidden = true;
    submit.disabled = true;
    try {
      session = await getJson('/api/session', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: email.value, password: password.value }),
      });
      setCsrfToken(session.csrfToken);
      done();
    } catch (err) {
      replace(problem, err.status === 401 ? t('login_failed') : t('error', { message: err.message }));
      problem.hidden = false;
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  queueMicrotask(() => email.focus());
  return h('section', { class: 'page-login' }, form);
}
