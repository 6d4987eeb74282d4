/**
 * CX maturity self-assessment: the questionnaire (one fieldset per dimension, one radio group per
 * question on the 1–5 practice scale, texts from the API in the UI language), then the result (a bar per
 * dimension, the stage on the maturity curve, the change since the previous assessment, the three next
 * actions) and the history of past results.
 */
import { getJson, query } from '../api.js';
import { empty, pageHeader, section, signed } from '../components.js';
import { h, replace } from '../dom.js';
import { date, getLang, num, plural, quote, t, time } from '../i18n.js';
import { sparkline } from '../charts.js';

/** The maturity curve of Petouhoff & Bates, lowest first (codes of the API). */
const STAGES = ['transactional', 'interaction', 'engagement', 'empathy'];

/**
 * Optional workspace figures the next actions cite (POST body `evidence`). `percent`: typed as a
 * percentage, sent as a 0–1 share.
 */
const EVIDENCE = [
  { key: 'listeningReadersLastMonth', min: 0, max: null, step: 1 },
  { key: 'alertsClosedOnTimeShare', min: 0, max: 100, step: 1, percent: true },
  { key: 'drillParticipation', min: 0, max: 100, step: 1, percent: true },
  { key: 'nps', min: -100, max: 100, step: 1 },
];

export async function render() {
  const lang = getLang();
  const [bank, history] = await Promise.all([getJson(`/api/assessments/questions${query({ lang })}`), getJson('/api/assessments')]);
  const resultArea = h('div', { class: 'maturity-result' });
  const historyArea = h('div', { class: 'maturity-history-area' }, historySection(history.assessments));
  const form = questionnaire(bank, lang, async (result) => {
    replace(resultArea, resultSection(result));
    const heading = resultArea.querySelector('h2');
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    resultArea.scrollIntoView({ block: 'start' });
    const latest = await getJson('/api/assessments');
    replace(historyArea, historySection(latest.assessments));
  });
  return h(
    'div',
    { class: 'page page-maturity' },
    pageHeader(t('maturity_title'), t('maturity_lead', { n: num(bank.questions.length) })),
    form,
    resultArea,
    historyArea,
  );
}

/** Id of a question's fieldset; its options are `${groupId(id)}-${value}`. */
const groupId = (id) => `mq-${id}`;

function questionnaire(bank, lang, onResult) {
  const count = h('span', { class: 'answered-count' });
  const problem = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('maturity_submit'));
  const total = bank.questions.length;

  const groups = bank.dimensions.map((d, di) => {
    const questions = bank.questions.filter((q) => q.dimension === d.id);
    return h('fieldset', { class: 'card dimension' },
      h('legend', {}, h('span', { class: 'dimension-index', 'aria-hidden': 'true' }, `${di + 1}`), d.name),
      h('ol', { class: 'questions' }, questions.map(question)));
  });

  const form = h('form', { class: 'maturity-form', novalidate: true, 'aria-labelledby': 'maturity-form-title' },
    h('section', { class: 'card maturity-intro' },
      h('h2', { id: 'maturity-form-title' }, t('maturity_questionnaire')),
      h('p', {}, t('maturity_instructions')),
      h('ol', { class: 'scale-key' }, (bank.questions[0]?.scale ?? []).map((s) => h('li', {}, h('span', { class: 'scale-value' }, num(s.value)), ' ', s.label)))),
    groups,
    evidenceFields(),
    h('div', { class: 'card submit-bar' },
      h('p', { class: 'muted' }, count),
      problem,
      submit),
  );

  const answered = () => new Set([...new FormData(form).keys()].filter((k) => k.startsWith('answer:'))).size;
  const updateCount = () => {
    count.textContent = plural('maturity_answered', answered(), { total: num(total) });
  };
  updateCount();
  form.addEventListener('change', (e) => {
    updateCount();
    const group = e.target.closest?.('fieldset.question');
    if (group) group.removeAttribute('aria-invalid');
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.hidden = true;
    const data = new FormData(form);
    const answers = {};
    for (const q of bank.questions) {
      const v = data.get(`answer:${q.id}`);
      if (v !== null) answers[q.id] = Number(v);
    }
    const missing = bank.questions.filter((q) => !(q.id in answers));
    for (const q of bank.questions) {
      const group = form.querySelector(`#${CSS.escape(groupId(q.id))}`);
      if (missing.includes(q)) group.setAttribute('aria-invalid', 'true');
      else group.removeAttribute('aria-invalid');
    }
    if (missing.length) {
      const first = missing[0];
      replace(problem,
        plural('maturity_missing', missing.length), ' ',
        h('a', { href: `#${groupId(first.id)}`, onclick: (ev) => {
          ev.preventDefault();
          focusQuestion(form, first.id);
        } }, t('maturity_missing_first', { question: quote(first.text) })));
      problem.hidden = false;
      focusQuestion(form, first.id);
      return;
    }
    const evidence = {};
    for (const f of EVIDENCE) {
      const input = form.elements.namedItem(`evidence:${f.key}`);
      if (!input.checkValidity()) {
        replace(problem, t('maturity_evidence_invalid', { field: t(`maturity_evidence_${f.key}`) }));
        problem.hidden = false;
        input.closest('details').open = true;
        input.focus();
        return;
      }
      if (input.value === '') continue;
      const value = Number(input.value);
      evidence[f.key] = f.percent ? value / 100 : value;
    }
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      const body = { answers, lang, ...(Object.keys(evidence).length ? { evidence } : {}) };
      const result = await getJson('/api/assessments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      await onResult(result);
    } catch (err) {
      replace(problem, t('maturity_submit_error', { message: err.message }));
      problem.hidden = false;
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  return form;
}

/** Moves keyboard focus to a question's checked option, else its first one (radio-group convention). */
function focusQuestion(form, id) {
  const group = form.querySelector(`#${CSS.escape(groupId(id))}`);
  const target = group.querySelector('input:checked') ?? group.querySelector('input');
  group.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/** One question: a fieldset whose legend is the question, five labelled radios, its source on demand. */
function question(q) {
  return h('li', { class: 'question-item' },
    h('fieldset', { class: 'question', id: groupId(q.id), dataset: { question: q.id } },
      h('legend', {}, q.text),
      h('div', { class: 'scale' }, q.scale.map((s) => {
        const id = `${groupId(q.id)}-${s.value}`;
        return h('label', { class: 'scale-option', for: id },
          h('input', { type: 'radio', id, name: `answer:${q.id}`, value: s.value }),
          h('span', { class: 'scale-value', 'aria-hidden': 'true' }, num(s.value)),
          h('span', { class: 'scale-label' }, s.label));
      })),
      h('details', { class: 'source' },
        h('summary', {}, t('maturity_source')),
        h('p', {}, q.source))));
}

/** The optional figures the next actions cite, folded away: most teams answer without them. */
function evidenceFields() {
  return h('details', { class: 'card evidence' },
    h('summary', {}, t('maturity_evidence')),
    h('p', { class: 'help' }, t('maturity_evidence_help')),
    h('div', { class: 'evidence-fields' }, EVIDENCE.map((f) => {
      const id = `me-${f.key}`;
      return h('div', { class: 'field' },
        h('label', { for: id }, t(`maturity_evidence_${f.key}`)),
        h('input', { id, name: `evidence:${f.key}`, type: 'number', min: f.min, max: f.max, step: f.step }));
    })));
}

/** The stage name of a maturity-curve code in the UI language (unknown codes as they are). */
function stageName(code) {
  return STAGES.includes(code) ? t(`maturity_stage_${code}`) : String(code);
}

/** "+6", "−3", "0"; "—" when there is nothing to compare with. */
function change(delta) {
  return signed(delta, (v) => num(v));
}

function deltaClass(delta) {
  return delta > 0 ? 'delta up' : delta < 0 ? 'delta down' : 'delta';
}

function resultSection(r) {
  const c = r.change;
  const since = c.previousAt === null
    ? t('maturity_first')
    : plural('maturity_since', Math.abs(c.overall), { delta: change(c.overall), date: date(c.previousAt, true) });
  return section(
    t('maturity_result'),
    h('div', { class: 'stage-summary' },
      h('p', { class: 'stage-line' },
        `${t('maturity_stage')} `,
        h('strong', { class: 'stage-current' }, stageName(r.stage))),
      h('p', { class: 'overall' },
        h('span', { class: 'overall-value' }, t('maturity_overall', { score: num(r.overall) })), ' ',
        h('span', { class: `since ${deltaClass(c.overall)}` }, since)),
      c.stage ? h('p', { class: 'stage-move' }, t('maturity_stage_moved', { from: stageName(c.stage.from), to: stageName(c.stage.to) })) : null),
    curve(r.stage),
    h('h3', {}, t('maturity_by_dimension')),
    h('ul', { class: 'dim-bars' }, r.dimensions.map(dimensionBar)),
    h('h3', {}, t('maturity_next_actions')),
    h('ol', { class: 'next-actions' }, r.recommendations.map(action)),
  );
}

/** The four stages in order, the current one marked (aria-current="step"). */
function curve(current) {
  const at = STAGES.indexOf(current);
  return h('ol', { class: 'maturity-curve', 'aria-label': t('maturity_curve') }, STAGES.map((s, i) =>
    h('li', { class: i === at ? 'current' : i < at ? 'passed' : null, 'aria-current': i === at ? 'step' : null },
      h('span', { class: 'curve-step', 'aria-hidden': 'true' }, num(i + 1)), ' ', stageName(s))));
}

function dimensionBar(d) {
  const fill = h('span', { class: 'bar-fill good' });
  fill.style.width = `${Math.max(0, Math.min(100, d.score))}%`;
  return h('li', { dataset: { dimension: d.dimension } },
    h('span', { class: 'dim-name' }, d.name),
    h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
    h('span', { class: 'dim-score' }, `${num(d.score)}/100`),
    d.change === null ? null : h('span', { class: `dim-change ${deltaClass(d.change)}` },
      change(d.change), h('span', { class: 'visually-hidden' }, ` ${t('maturity_change_help')}`)));
}

function action(rec) {
  return h('li', { class: 'next-action' },
    h('h4', {}, rec.dimensionName, ' ', h('span', { class: 'muted' }, `${num(rec.score)}/100`)),
    h('p', { class: 'action-text' }, rec.action),
    h('p', { class: 'start-with' },
      `${t('maturity_start_with')} `, quote(rec.weakestQuestion.text), ' ',
      h('span', { class: 'muted' }, t('maturity_your_answer', { answer: num(rec.weakestQuestion.answer) }))),
    h('p', { class: 'evidence-line muted' }, rec.evidence.text));
}

/** Past results, newest first, each with its change from the one before; a sparkline of the overall score. */
function historySection(rows) {
  if (!rows.length) return section(t('maturity_history'), empty(t('maturity_history_empty')));
  const overall = [...rows].reverse().map((r) => r.scores.overall);
  return section(
    t('maturity_history'),
    rows.length > 1 ? h('p', { class: 'history-trend' }, sparkline(overall, { label: t('maturity_trend', { n: num(rows.length) }) })) : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data maturity-history' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('maturity_date')),
        h('th', { scope: 'col' }, t('stage')),
        h('th', { scope: 'col', class: 'num' }, t('score')),
        h('th', { scope: 'col', class: 'num' }, t('change')))),
      h('tbody', {}, rows.map((r, i) => {
        const before = rows[i + 1];
        const delta = before ? r.scores.overall - before.scores.overall : null;
        return h('tr', {},
          h('th', { scope: 'row' }, h('time', { datetime: r.createdAt }, h('span', { class: 'history-day' }, date(r.createdAt)), ' ', h('span', { class: 'history-time muted' }, time(r.createdAt)))),
          h('td', {}, stageName(r.stage)),
          h('td', { class: 'num' }, num(r.scores.overall)),
          h('td', { class: `num ${deltaClass(delta)}` }, change(delta)));
      })))),
  );
}
