/**
 * The reply coach on a draft (POST /api/coach): a text box, a button, and the result — empathy score,
 * the five dimensions, a canned warning, and suggestions that quote the customer. Beside a case's
 * raising message (case-view.js) and beside every message of the listening station (listen.js).
 */
import { getJson } from './api.js';
import { h, replace } from './dom.js';
import { getLang, num, t } from './i18n.js';

/** A coach form for a reply to `customerText`; `id` (the text box's) is unique on a page of many messages. */
export function coachPanel(customerText, id) {
  const draft = h('textarea', { id, rows: 5, maxlength: 20000 });
  const out = h('div', { class: 'coach-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'button primary' }, t('case_coach_button'));
  const form = h('form', { class: 'coach-form' }, h('label', { for: id }, t('case_draft')), draft, h('p', {}, button), out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!draft.value.trim()) return replace(out, h('p', { class: 'notice error' }, t('case_coach_empty')));
    button.disabled = true;
    try {
      const r = await getJson('/api/coach', {
        method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ customer: customerText, reply: draft.value, lang: getLang() }),
      });
      replace(out,
        h('p', { class: 'coach-score' }, h('strong', {}, t('case_coach_score', { score: num(r.score) }))),
        r.canned ? h('p', { class: 'chip alert' }, t('case_coach_canned')) : null,
        h('ul', { class: 'coach-dims' }, Object.entries(r.dimensions).map(([dim, level]) => h('li', { class: `level-${level}` }, `${t(`case_dim_${dim}`)}${t('colon')}${t(`case_level_${level}`)}`))),
        h('ul', { class: 'coach-suggestions' }, r.suggestions.map((s) => h('li', {}, s.text))));
    } catch (err) {
      replace(out, h('p', { class: 'notice error' }, t('case_coach_failed', { message: err.message })));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
