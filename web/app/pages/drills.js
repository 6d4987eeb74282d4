/**
 * Empathy drills: this week's real (redacted) customer messages; for each, the participant picks what
 * the customer feels and needs and writes a reply, then sees the analysis' findings with their
 * evidence and the reply coach's scores and suggestions. Below, participation and progress per team
 * and participant. Hiring mode uses the same scenarios and rubric for a candidate label: the rubric and
 * a decision-support banner are shown, attempts are stored under mode "hiring", and they are listed in
 * the order they were made, never ranked. The shared filter bar narrows the participation and
 * progress (period: when the attempt was made; team: the participant's; segment, channel, brand,
 * language: the customer message drilled on); this week's scenarios are not filtered.
 */
import { getJson, query } from '../api.js';
import { chip, empty, pageHeader, section } from '../components.js';
import { h, replace } from '../dom.js';
import { filterBar, isFiltered, noMatch, readFilter } from '../filter-bar.js';
import { date, getLang, label, num, quote, t, week } from '../i18n.js';

const ACTOR_KEY = 'ecoute.actor';
const TEAM_KEY = 'ecoute.team';
const DIMENSIONS = ['emotionalReaction', 'interpretation', 'exploration', 'ownership', 'personalization'];

function remembered(key) {
  try { return localStorage.getItem(key) ?? ''; } catch { return ''; }
}
function remember(key, value) {
  try { localStorage.setItem(key, value); } catch { /* storage disabled: kept for this page only */ }
}

export async function render(ctx) {
  const lang = getLang();
  const filter = readFilter(ctx.params);
  const progressUrl = () => `/api/drills/progress${query({ lang, ...filter })}`;
  const [drill, progress, bar] = await Promise.all([
    getJson(`/api/drills/current${query({ lang })}`),
    getJson(progressUrl()),
    filterBar(ctx, 'drills'),
  ]);
  const progressOf = (p) => (isFiltered(filter) && p.attempts === 0 && p.allAttempts > 0
    // Drills were done, none in the filter: "nothing matches", not "no drill done yet".
    ? noMatch(ctx, 'drills')
    : progressSection(p));
  const state = { hiring: false };
  const who = whoFields(state);
  const hiringArea = h('div', { class: 'drill-hiring-area' });
  const progressArea = h('div', { class: 'drill-progress-area' }, progressOf(progress));
  const toggle = h('input', { type: 'checkbox', id: 'drill-hiring', name: 'hiring' });
  toggle.addEventListener('change', async () => {
    state.hiring = toggle.checked;
    who.update();
    replace(hiringArea, state.hiring ? await hiringSection(drill, lang) : null);
  });
  const refresh = async () => {
    if (state.hiring) replace(hiringArea, await hiringSection(drill, lang));
    else replace(progressArea, progressOf(await getJson(progressUrl())));
  };
  const scenarios = drill.scenarios.length === 0
    ? empty(t('drills_none'))
    : drill.scenarios.map((s, i) => scenarioCard(s, i, drill, lang, state, who, refresh));
  return h(
    'div',
    { class: 'page page-drills' },
    pageHeader(t('drills_title'), t('drills_lead', { week: week(drill.week) })),
    h('p', { class: 'drill-mode' }, h('label', { for: 'drill-hiring' }, toggle, ' ', t('drills_hiring_toggle'))),
    hiringArea,
    who.node,
    scenarios,
    bar,
    h('p', { class: 'help drills-filter-hint' }, t('drills_filter_hint')),
    progressArea,
  );
}

/** The participant's name and team, or the candidate label in hiring mode. */
function whoFields(state) {
  const nameLabel = h('span', {}, t('drills_participant'));
  const name = h('input', { type: 'text', name: 'participant', maxlength: 120, value: remembered(ACTOR_KEY), autocomplete: 'name' });
  const team = h('input', { type: 'text', name: 'team', maxlength: 120, value: remembered(TEAM_KEY) });
  const teamLabel = h('label', { class: 'drill-team' }, h('span', {}, t('drills_team')), team);
  const node = h('div', { class: 'card drill-who' }, h('label', {}, nameLabel, name), teamLabel);
  return {
    node,
    update() {
      replace(nameLabel, t(state.hiring ? 'drills_candidate' : 'drills_participant'));
      name.value = state.hiring ? '' : remembered(ACTOR_KEY);
      name.setAttribute('autocomplete', state.hiring ? 'off' : 'name');
      teamLabel.hidden = state.hiring;
    },
    values() {
      const participant = name.value.trim();
      if (!state.hiring && participant) {
        remember(ACTOR_KEY, participant);
        remember(TEAM_KEY, team.value.trim());
      }
      return { participant, team: state.hiring ? undefined : team.value.trim() || undefined };
    },
  };
}

/** Checkboxes of one label kind ("emotions" or "needs"). */
function choiceGroup(kind, choices, idPrefix) {
  return h('fieldset', { class: `drill-choices drill-${kind}` },
    h('legend', {}, t(kind === 'emotions' ? 'drills_emotions' : 'drills_needs')),
    choices.map((c) => {
      const id = `${idPrefix}-${kind}-${c.label}`;
      return h('label', { for: id, class: 'drill-choice' }, h('input', { type: 'checkbox', id, name: kind, value: c.label }), ' ', c.name);
    }));
}

function scenarioCard(s, i, drill, lang, state, who, refresh) {
  const prefix = `drill-${s.messageId}`;
  const reply = h('textarea', { name: 'reply', rows: 5, id: `${prefix}-reply` });
  const problem = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const feedback = h('div', { class: 'drill-feedback', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('drills_submit'));
  const form = h('form', { class: 'drill-form' },
    choiceGroup('emotions', drill.choices.emotions, prefix),
    choiceGroup('needs', drill.choices.needs, prefix),
    h('label', { for: `${prefix}-reply`, class: 'drill-reply-label' }, t('drills_reply')),
    reply,
    problem,
    h('div', { class: 'submit-bar' }, submit),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.hidden = true;
    const { participant, team } = who.values();
    if (!participant) {
      problem.textContent = t('drills_name_missing');
      problem.hidden = false;
      return;
    }
    const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((x) => x.value);
    submit.disabled = true;
    try {
      const body = { messageId: s.messageId, participant, team, emotions: checked('emotions'), needs: checked('needs'), reply: reply.value, mode: state.hiring ? 'hiring' : 'drill' };
      const res = await getJson(`/api/drills/attempts${query({ lang })}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      replace(feedback, feedbackView(res.feedback));
      await refresh();
    } catch (err) {
      problem.textContent = err.message;
      problem.hidden = false;
    } finally {
      submit.disabled = false;
    }
  });
  return section(t('drills_scenario', { n: i + 1 }),
    h('blockquote', { class: 'drill-message' }, h('p', {}, quote(s.text)), h('footer', {}, label('channels', s.channel))),
    form,
    feedback);
}

function feedbackView(f) {
  const chips = (labels, kind, cls) => labels.map((x) => chip(label(kind, x), cls));
  const row = (title, emotions, needs) => (emotions.length + needs.length === 0 ? null
    : h('p', { class: 'drill-match' }, h('strong', {}, `${title}${t('colon')}`), chips(emotions, 'emotions', 'emo'), chips(needs, 'needs', 'need')));
  const r = f.reading;
  return h('div', { class: 'card drill-result' },
    h('h3', {}, t('drills_feedback')),
    h('p', { class: 'drill-summary' }, f.summary),
    h('p', { class: 'drill-score drill-reading-score' }, t('drills_reading', { score: num(r.score) })),
    row(t('drills_matched'), r.emotions.matched, r.needs.matched),
    row(t('drills_missed'), r.emotions.missed, r.needs.missed),
    row(t('drills_extra'), r.emotions.extra, r.needs.extra),
    r.evidence.length === 0 ? null : h('div', { class: 'drill-evidence' }, h('h4', {}, t('drills_evidence')),
      h('ul', {}, r.evidence.map((e) => h('li', {}, h('strong', {}, e.name), e.evidence ? ` — ${quote(e.evidence)}` : '')))),
    h('p', { class: 'drill-score drill-reply-score' }, t('drills_reply_score', { score: num(f.reply.score) }), f.reply.canned ? chip(t('drills_canned'), 'alert') : null),
    h('ul', { class: 'drill-dimensions' }, DIMENSIONS.map((d) => h('li', {}, `${t(`case_dim_${d}`)}${t('colon')}${f.reply.dimensions[d]}/2`))),
    f.reply.suggestions.length === 0 ? null : h('div', { class: 'drill-suggestions' }, h('h4', {}, t('drills_suggestions')),
      h('ul', {}, f.reply.suggestions.map((s) => h('li', {}, s.text)))),
  );
}

function progressTable(rows) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data drill-table' },
    h('thead', {}, h('tr', {},
      h('th', {}, t('drills_name')), h('th', { class: 'num' }, t('drills_participants')), h('th', { class: 'num' }, t('drills_attempts')),
      h('th', { class: 'num' }, t('drills_mean_reading')), h('th', { class: 'num' }, t('drills_mean_reply')), h('th', {}, t('drills_weeks')))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('td', {}, r.name), h('td', { class: 'num' }, num(r.participants)), h('td', { class: 'num' }, num(r.attempts)),
      h('td', { class: 'num' }, num(r.readingScore)), h('td', { class: 'num' }, num(r.replyScore)),
      h('td', {}, r.weeks.map((w) => `${w.week}: ${num(w.attempts)}`).join(' · ')))))));
}

function progressSection(p) {
  if (p.attempts === 0) return section(t('drills_progress'), empty(t('drills_progress_none')));
  return section(t('drills_progress'),
    h('h3', {}, t('drills_by_team')), h('div', { class: 'drill-teams' }, progressTable(p.teams)),
    h('h3', {}, t('drills_by_participant')), h('div', { class: 'drill-participants' }, progressTable(p.participantsList)));
}

/** The banner, the rubric and the candidates' attempts in the order they were made. */
async function hiringSection(drill, lang) {
  const listed = await getJson(`/api/drills/attempts${query({ mode: 'hiring', lang })}`);
  const attempts = listed.attempts.length === 0 ? empty(t('drills_hiring_none'))
    : h('div', { class: 'table-wrap' }, h('table', { class: 'data drill-hiring-table' },
      h('thead', {}, h('tr', {}, h('th', {}, t('drills_candidate_col')), h('th', {}, t('drills_date')),
        h('th', { class: 'num' }, t('drills_mean_reading')), h('th', { class: 'num' }, t('drills_mean_reply')))),
      h('tbody', {}, listed.attempts.map((a) => h('tr', {}, h('td', {}, a.participant), h('td', {}, date(a.createdAt, true)),
        h('td', { class: 'num' }, num(a.readingScore)), h('td', { class: 'num' }, num(a.replyScore)))))));
  return h('section', { class: 'card drill-hiring', 'aria-labelledby': 'drill-hiring-title' },
    h('h2', { id: 'drill-hiring-title' }, t('drills_hiring_title')),
    h('p', { class: 'notice drill-hiring-banner', role: 'note' }, listed.hiringNotice ?? drill.hiringNotice),
    h('h3', {}, t('drills_rubric')),
    h('ul', { class: 'drill-rubric' }, listed.rubric.map((line) => h('li', {}, line))),
    h('h3', {}, t('drills_hiring_attempts')),
    attempts);
}
