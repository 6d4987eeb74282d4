/** Journey: stage × emotion heatmap, then per stage the dominant emotion, top reasons and gap to target. */
import { getJson } from '../api.js';
import { emotionChip, empty, pageHeader, section } from '../components.js';
import { h } from '../dom.js';
import { filterBar, filterQuery, isFiltered, noMatch, readFilter } from '../filter-bar.js';
import { label, num, pct, plural, t } from '../i18n.js';

const NEGATIVE = new Set(['anger', 'frustration', 'anxiety', 'confusion', 'disappointment', 'sadness', 'disgust']);

export async function render(ctx) {
  const filter = readFilter(ctx.params);
  const [j, bar] = await Promise.all([getJson(`/api/journey${filterQuery(filter)}`), filterBar(ctx, 'journey')]);
  const header = pageHeader(t('journey_title'), t('journey_lead'));
  if (isFiltered(filter) && !j.unstaged && j.stages.every((s) => s.messages === 0)) {
    return h('div', { class: 'page page-journey' }, header, bar, noMatch(ctx, 'journey'));
  }
  const stages = j.stages.filter((s) => s.messages > 0 || s.desiredEmotion);
  return h(
    'div',
    { class: 'page page-journey' },
    header,
    bar,
    stages.length ? heatmap(j, stages) : empty(),
    stages.length ? h('div', { class: 'stage-cards' }, stages.map(stageCard)) : null,
    j.unstaged ? h('p', { class: 'muted' }, plural('unstaged', j.unstaged)) : null,
  );
}

function heatmap(j, stages) {
  const emotions = j.emotions;
  const max = Math.max(0.0001, ...stages.flatMap((s) => emotions.map((e) => s.shares[e] ?? 0)));
  const head = h('tr', {}, h('th', { scope: 'col' }, t('stage')), emotions.map((e) => h('th', { scope: 'col', class: 'rot' }, h('span', {}, label('emotions', e)))));
  const rows = stages.map((s) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, label('stages', s.stage), h('span', { class: 'muted small stage-count' }, plural('results', s.messages))),
      emotions.map((e) => {
        const share = s.shares[e] ?? 0;
        const level = Math.min(5, Math.ceil((share / max) * 5));
        const text = t('heatmap_cell', { stage: label('stages', s.stage), emotion: label('emotions', e), share: pct(share) });
        return h(
          'td',
          { class: `heat ${NEGATIVE.has(e) ? 'neg' : 'pos'} l${level}` },
          h('a', { href: `#/listen?stage=${s.stage}&emotion=${e}`, title: text, 'aria-label': text }, share > 0 ? pct(share) : ''),
        );
      }),
    ),
  );
  return section(t('emotions_by_stage'), h('div', { class: 'table-wrap' }, h('table', { class: 'heatmap' }, h('thead', {}, head), h('tbody', {}, rows))));
}

function stageCard(s) {
  const statusText = t(`status_${s.status}`);
  return h(
    'article',
    { class: `card stage-card stage-${s.status}` },
    h('h3', {}, label('stages', s.stage), h('span', { class: 'muted small' }, ` · ${num(s.messages)} ${t('messages').toLowerCase()}`)),
    h('dl', {},
      h('dt', {}, t('dominant')), h('dd', {}, emotionChip(s.dominantEmotion, s.dominantEmotion ? pct(s.shares[s.dominantEmotion]) : '')),
      h('dt', {}, t('negative_share')), h('dd', {}, pct(s.negativeShare)),
      h('dt', {}, t('desired')), h('dd', {}, s.desiredEmotion ? emotionChip(s.desiredEmotion, s.desiredShare !== null ? pct(s.desiredShare) : '') : '—'),
      h('dt', {}, t('gap')), h('dd', {}, h('span', { class: `status status-${s.status}` }, statusText), s.gap !== null && s.gap > 0 ? ` ${num(s.gap * 100)} pts` : ''),
    ),
    s.topReasons.length
      ? [h('h4', {}, t('top_reasons')), h('ol', { class: 'reasons' }, s.topReasons.slice(0, 5).map((r) => h('li', {}, `${r.reason} `, h('span', { class: 'muted' }, `(${num(r.count)})`))))]
      : null,
  );
}
