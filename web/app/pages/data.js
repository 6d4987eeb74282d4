/**
 * Data hygiene (admins): every import with "undo" (deletes exactly what it added), erasing a customer
 * everywhere, and the retention period with a dry run and "apply now" — the HTTP side of `ecoute import
 * undo`, `ecoute customer erase` and `ecoute retention apply`. Each destructive button asks once more
 * before it acts; each action is written to the audit log by the server.
 */
import { getJson, query } from '../api.js';
import { pageHeader, section } from '../components.js';
import { h, replace } from '../dom.js';
import { date, num, t } from '../i18n.js';

const KINDS = ['conversations', 'messages', 'analyses', 'surveyAnswers', 'employeeAnswers', 'customers', 'cases', 'alerts'];
const send = (path, method, body) => getJson(path, {
  method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
});

/** "3 conversations, 5 messages…" of the kinds with something removed; "nothing" otherwise. */
function removedText(removed) {
  const parts = KINDS.filter((k) => removed[k] > 0).map((k) => t(`data_removed_${k}`, { n: num(removed[k]) }));
  return parts.length ? parts.join(', ') : t('data_removed_nothing');
}

/** A button that asks to be clicked a second time (its label turns into the confirmation) before acting. */
function confirmButton(labelKey, confirmKey, act) {
  const button = h('button', { type: 'button', class: 'button' }, t(labelKey));
  let armed = false;
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      button.textContent = t(confirmKey);
      button.classList.add('danger');
      return;
    }
    button.disabled = true;
    await act();
  });
  return button;
}

/** Shows an outcome (polite) or the server's refusal (alert) in `box`. */
function outcome(box, text, error = false) {
  replace(box, h('p', { class: error ? 'notice error' : 'notice', role: error ? 'alert' : 'status' }, text));
}

export async function render() {
  const [{ imports }, { months }] = await Promise.all([getJson('/api/imports'), getJson('/api/retention')]);
  const list = h('div', { class: 'imports-list' });
  const said = h('div', { class: 'data-outcome' });
  const refresh = async () => replace(list, importsTable((await getJson('/api/imports')).imports, said, refresh));
  replace(list, importsTable(imports, said, refresh));
  return h('div', { class: 'page page-data' },
    pageHeader(t('data_title'), t('data_lead')),
    section(t('data_imports'), h('p', { class: 'help' }, t('data_imports_help')), said, list),
    eraseForm(),
    retention(months));
}

function importsTable(imports, said, refresh) {
  if (imports.length === 0) return h('p', { class: 'notice' }, t('data_no_imports'));
  const head = [t('data_import_id'), t('data_imported_at'), t('data_source'), t('data_file'), 'SHA-256', t('data_records'), t('data_added'), ''];
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data imports-table' },
    h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, imports.map((i) => h('tr', { dataset: { import: i.id } },
      h('td', {}, i.id), h('td', {}, date(i.importedAt, true)), h('td', {}, i.sourceName), h('td', {}, i.fileName),
      h('td', {}, h('code', {}, i.sha256.slice(0, 12))), h('td', { class: 'num' }, num(i.records)),
      h('td', {}, i.recordsAdded === null ? '—' : t('data_added_line', { records: num(i.recordsAdded), messages: num(i.messagesAdded) })),
      h('td', {}, i.recordsAdded === null ? null : confirmButton('data_undo', 'data_undo_confirm', async () => {
        try {
          const r = await send(`/api/imports/${encodeURIComponent(i.id)}`, 'DELETE');
          outcome(said, t('data_undone', { file: r.import.fileName, removed: removedText(r.removed) }));
          await refresh();
        } catch (err) {
          outcome(said, t('data_refused', { message: err.message }), true);
        }
      })))))));
}

function eraseForm() {
  const said = h('div', { class: 'data-outcome' });
  const input = h('input', { id: 'erase-id', name: 'customer', type: 'text', maxlength: 200, autocomplete: 'off' });
  const slot = h('span', {});
  const arm = () => replace(slot, confirmButton('data_erase', 'data_erase_confirm', async () => {
    const id = input.value.trim();
    try {
      if (!id) throw new Error(t('data_erase_empty'));
      const r = await send(`/api/customers/${encodeURIComponent(id)}`, 'DELETE');
      outcome(said, t('data_erased', { id, removed: removedText(r.removed) }));
      input.value = '';
    } catch (err) {
      outcome(said, t('data_refused', { message: err.message }), true);
    }
    arm();
  }));
  arm();
  return section(t('data_erase_title'), h('p', { class: 'help' }, t('data_erase_help')),
    h('div', { class: 'field' }, h('label', { for: 'erase-id' }, t('data_erase_label')), input), h('p', {}, slot), said);
}

function retention(months) {
  const said = h('div', { class: 'data-outcome' });
  const input = h('input', { id: 'retention-months', name: 'months', type: 'number', step: '1', value: String(months) });
  const save = h('button', { type: 'button', class: 'button' }, t('data_retention_save'));
  save.addEventListener('click', async () => {
    try {
      const r = await send('/api/retention', 'PUT', { months: input.value === '' ? null : Number(input.value) });
      outcome(said, r.months === 0 ? t('data_retention_off') : t('data_retention_saved', { months: num(r.months) }));
    } catch (err) {
      outcome(said, t('data_refused', { message: err.message }), true);
    }
  });
  const run = async (dryRun) => {
    try {
      const r = await send(`/api/retention/apply${query({ dryRun: dryRun ? 'true' : undefined })}`, 'POST');
      const vars = { removed: removedText(r.removed), cutoff: date(r.cutoff) };
      outcome(said, t(dryRun ? 'data_retention_would' : 'data_retention_done', vars));
    } catch (err) {
      outcome(said, t('data_refused', { message: err.message }), true);
    }
  };
  const dry = h('button', { type: 'button', class: 'button' }, t('data_retention_dry'));
  dry.addEventListener('click', () => run(true));
  const slot = h('span', {});
  const arm = () => replace(slot, confirmButton('data_retention_apply', 'data_retention_apply_confirm', async () => { await run(false); arm(); }));
  arm();
  return section(t('data_retention_title'), h('p', { class: 'help' }, t('data_retention_help')),
    h('div', { class: 'field' }, h('label', { for: 'retention-months' }, t('data_retention_label')), input),
    h('p', {}, save, ' ', dry, ' ', slot), said);
}
