/** Rendering of one analysed message: text with evidence marks, then its labels. */
import { getJson } from './api.js';
import { chip, emotionChip } from './components.js';
import { h, highlight } from './dom.js';
import { date, label, labelCodes, quote, t } from './i18n.js';

/** The spans to mark: the reason (outer) and, inside or around it, emotion and need evidence. */
export function spansOf(analysis) {
  if (!analysis) return [];
  return [
    ...(analysis.reason ? [{ text: analysis.reason, cls: 'mark-reason', title: t('reason'), outer: true }] : []),
    ...analysis.emotions.map((e) => ({ text: e.evidence, cls: 'mark-emotion', title: label('emotions', e.label) })),
    ...analysis.needs.map((n) => ({ text: n.evidence, cls: 'mark-need', title: label('needs', n.label) })),
  ];
}

/** The message text with marks (all text escaped: nodes only). */
export function markedText(m) {
  return h('p', { class: 'msg-text', lang: m.language || null }, highlight(m.text, spansOf(m.analysis)));
}

/** A chip's tooltip: what it is, and the words of the message that show it. */
function why(kind, evidence) {
  return evidence ? `${t(kind)}${t('colon')}${quote(evidence)}` : t(kind);
}

/** Chips for the analysis: emotions, needs, stage, themes, signals, and whether people corrected it. */
export function analysisTags(a, corrections) {
  if (!a) return null;
  return h(
    'div',
    { class: 'tags' },
    a.emotions.map((e) => emotionChip(e.label)),
    a.needs.map((n) => chip(label('needs', n.label), 'need', why('need', n.evidence))),
    // Analyses stored before stages had evidence have none: the tooltip then names the kind only.
    a.stage ? chip(label('stages', a.stage.label), 'stage', why('stage', a.stage.evidence)) : null,
    a.themes.map((th) => chip(label('themes', th.label), 'theme', why('theme', th.evidence))),
    a.signals.churnIntent ? chip(t('churn'), 'alert') : null,
    a.signals.urgency === 'high' ? chip(t('urgency_high'), 'alert') : null,
    correctedChip(corrections),
  );
}

/** The reason line, shown when the reason is not a span of the text (so it cannot be marked). */
export function reasonLine(m) {
  const a = m.analysis;
  if (!a?.reason) return null;
  if (m.text.toLocaleLowerCase().includes(a.reason.toLocaleLowerCase().trim())) return null;
  return h('p', { class: 'reason-line' }, h('strong', {}, `${t('reason')}${t('colon')}`), h('mark', { class: 'mark-reason' }, a.reason));
}

/** The meta line: channel, date, customer link. */
export function metaLine(m) {
  const who = m.customerName || m.customerRef;
  return h(
    'p',
    { class: 'msg-meta' },
    label('channels', m.channel),
    ' · ',
    h('time', { datetime: m.at }, date(m.at, true)),
    m.team ? ` · ${m.team}` : null,
    m.brand ? ` · ${m.brand}` : null,
    who && m.customerId ? [' · ', h('a', { href: `#/customer/${encodeURIComponent(m.customerId)}` }, who)] : null,
  );
}

/** The findings a person can correct, with the label kind of their values (null: yes/no). */
const CORRECTABLE = [
  { field: 'emotions', kind: 'emotions', many: true },
  { field: 'needs', kind: 'needs', many: true },
  { field: 'themes', kind: 'themes', many: true },
  { field: 'stage', kind: 'stages', none: true },
  { field: 'churn', kind: null },
  { field: 'urgency', kind: 'urgencies' },
  { field: 'vulnerable', kind: null },
  { field: 'sentiment', kind: 'sentiments' },
];

/** The value of a field as the analysis now has it (the shape PUT …/corrections takes). */
function currentValue(a, field) {
  switch (field) {
    case 'emotions': case 'needs': case 'themes': return a[field].map((f) => f.label);
    case 'stage': return a.stage?.label ?? null;
    case 'churn': return a.signals.churnIntent;
    case 'vulnerable': return a.signals.vulnerable;
    case 'urgency': return a.signals.urgency;
    default: return a.sentiment.label;
  }
}

/** The analysis with one correction applied, as the server shows it (src/core/apply-corrections.ts). */
function withCorrection(a, field, value) {
  const findings = (labels) => labels.map((label) => ({ label, score: 1, evidence: null }));
  switch (field) {
    case 'emotions': case 'needs': case 'themes': return { ...a, [field]: findings(value) };
    case 'stage': return { ...a, stage: value ? { label: value, score: 1, evidence: null } : null };
    case 'churn': return { ...a, signals: { ...a.signals, churnIntent: value } };
    case 'vulnerable': return { ...a, signals: { ...a.signals, vulnerable: value } };
    case 'urgency': return { ...a, signals: { ...a.signals, urgency: value } };
    default: return { ...a, sentiment: { ...a.sentiment, label: value } };
  }
}

/** A value as words: labels by name, yes/no, or "none". */
function valueText(spec, value) {
  if (Array.isArray(value)) return value.length ? value.map((v) => label(spec.kind, v)).join(', ') : t('corr_none');
  if (value === null) return t('corr_none');
  if (typeof value === 'boolean') return t(value ? 'corr_yes' : 'corr_no');
  return label(spec.kind, value);
}

/** "Corrected" chip: which findings people corrected, by whom, and what the model said. */
export function correctedChip(corrections) {
  if (!corrections?.length) return null;
  const lines = corrections.map((c) => {
    const spec = CORRECTABLE.find((s) => s.field === c.field);
    return `${t(`corr_f_${c.field}`)}${t('colon')}${t('corrected_help', { actor: c.actor, was: valueText(spec, c.modelValue) })}`;
  });
  return chip(`✎ ${t('corrected')}`, 'corrected', lines.join('\n'));
}

/** The editor of one field's value: a multiple choice, one choice, or yes/no. */
function valueEditor(spec, current, id) {
  if (spec.kind === null) {
    return h('select', { id, name: 'value' }, [true, false].map((v) => h('option', { value: String(v), selected: current === v }, t(v ? 'corr_yes' : 'corr_no'))));
  }
  const codes = labelCodes(spec.kind);
  if (spec.many) {
    return h('select', { id, name: 'value', multiple: true, size: Math.min(6, codes.length) },
      codes.map((c) => h('option', { value: c, selected: current.includes(c) }, label(spec.kind, c))));
  }
  return h('select', { id, name: 'value' },
    spec.none ? h('option', { value: '', selected: current === null }, t('corr_none')) : null,
    codes.map((c) => h('option', { value: c, selected: current === c }, label(spec.kind, c))));
}

/**
 * "Correct" on an analysed customer message: pick a finding, give its value, save (PUT
 * /api/messages/:id/corrections with `who` as the author). `onSaved` gets the message as now shown.
 */
export function correctionControl(m, who, onSaved) {
  if (!m.analysis || m.role !== 'customer') return null;
  const uid = `c-${m.messageId}`;
  const fieldSelect = h('select', { id: `${uid}-field`, name: 'field' },
    CORRECTABLE.map((s) => h('option', { value: s.field }, t(`corr_f_${s.field}`))));
  const slot = h('div', { class: 'field' });
  const status = h('p', { class: 'notice', role: 'status', hidden: true });
  const spec = () => CORRECTABLE.find((s) => s.field === fieldSelect.value);
  const showEditor = () => {
    slot.replaceChildren(h('label', { for: `${uid}-value` }, t('corr_value')), valueEditor(spec(), currentValue(m.analysis, spec().field), `${uid}-value`));
  };
  fieldSelect.addEventListener('change', showEditor);
  showEditor();
  const save = h('button', { type: 'submit', class: 'button primary' }, t('corr_save'));
  const form = h('form', { class: 'correct-form' },
    h('div', { class: 'field' }, h('label', { for: `${uid}-field` }, t('corr_field')), fieldSelect), slot,
    h('div', { class: 'field actions' }, save), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const s = spec();
    const input = slot.querySelector('select');
    const value = s.kind === null ? input.value === 'true' : s.many ? [...input.selectedOptions].map((o) => o.value) : input.value || null;
    save.disabled = true;
    try {
      const { correction } = await getJson(`/api/messages/${encodeURIComponent(m.messageId)}/corrections`, {
        method: 'PUT', headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ field: s.field, value, actor: who }),
      });
      const others = (m.corrections ?? []).filter((c) => c.field !== s.field);
      const prior = (m.corrections ?? []).find((c) => c.field === s.field);
      const modelValue = prior ? prior.modelValue : currentValue(m.analysis, s.field);
      onSaved({ ...m, analysis: withCorrection(m.analysis, s.field, correction.value), corrections: [...others, { ...correction, modelValue }] });
    } catch (err) {
      save.disabled = false;
      status.hidden = false;
      status.className = 'notice error';
      status.setAttribute('role', 'alert');
      status.textContent = t('corr_failed', { message: err.message });
    }
  });
  return h('details', { class: 'correct' }, h('summary', {}, `✎ ${t('correct')}`), form);
}
