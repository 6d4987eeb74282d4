/** Overview: what to fix first, scores with intervals, weekly trend, journey strip, top pains, spikes. */
import { getJson } from '../api.js';
import { ciBar, sparkline } from '../charts.js';
import { emotionChip, empty, pageHeader, section, signed, verbatim } from '../components.js';
import { h } from '../dom.js';
import { filterBar, filterQuery, isFiltered, noMatch, readFilter } from '../filter-bar.js';
import { date, label, loc, num, pct, plural, t, week } from '../i18n.js';

export async function render(ctx) {
  const filter = readFilter(ctx.params);
  const [o, bar] = await Promise.all([getJson(`/api/overview${filterQuery(filter)}`), filterBar(ctx, 'overview')]);
  const header = pageHeader(
    t('overview_title'),
    plural('overview_lead', o.messages.customer, { from: date(o.messages.first), to: date(o.messages.last) }),
  );
  if (isFiltered(filter) && o.messages.total === 0 && o.nps.responses + o.csat.responses + o.ces.responses === 0) {
    // No "0 messages from — to —" lead: the notice says it better.
    return h('div', { class: 'page page-overview' }, pageHeader(t('overview_title')), bar, noMatch(ctx, 'overview'));
  }
  return h(
    'div',
    { class: 'page page-overview' },
    header,
    bar,
    fixFirst(o),
    h('div', { class: 'grid-3' }, scoreCard('nps', o.nps.score, o.nps, o.trend.nps, 1), scoreCard('csat', o.csat.score, o.csat, o.trend.csat, 1, 'percent'), scoreCard('ces', o.ces.mean, o.ces, o.trend.ces, 2)),
    h('div', { class: 'grid-2' }, journeyStrip(o), trends(o)),
    h('div', { class: 'grid-2' }, topPains(o), spikes(o)),
  );
}

function fixFirst(o) {
  const items = o.fixFirst.map((d, i) =>
    h(
      'li',
      { class: 'fix-item' },
      h('span', { class: 'rank', 'aria-hidden': 'true' }, String(i + 1)),
      h(
        'div',
        { class: 'fix-body' },
        h('h3', {}, loc(d.name), kindNote(d)),
        h('p', {}, plural('unhappy_line', d.withN, { with: pct(d.rateWith), without: pct(d.rateWithout) })),
        d.emotions.length
          ? h('p', { class: 'fix-felt' }, `${t('fix_felt')} `, ...d.emotions.map((e) => h('span', { class: 'chip' }, `${loc(e.name)} ${pct(e.share)}`)))
          : null,
        h('a', { href: verbatimsLink(d) }, t('see_verbatims')),
      ),
      h(
        'div',
        { class: 'fix-impact' },
        h('span', { class: 'impact-value' }, pct(d.impact, 1)),
        h('span', { class: 'muted' }, t('impact')),
        ciBar(d.difference, d.differenceCi.low, d.differenceCi.high, { label: `${t('difference')} ${pct(d.difference)}` }),
      ),
    ),
  );
  return h(
    'section',
    { class: 'card fix-first', 'aria-labelledby': 'fix-first-title' },
    h('h2', { id: 'fix-first-title' }, t('fix_first')),
    h('p', { class: 'help' }, t('fix_first_help')),
    items.length ? h('ol', { class: 'fix-list' }, items) : empty(t('fix_first_none')),
    h('p', {}, h('a', { href: '#/journey', class: 'more' }, t('see_journey'))),
  );
}

/** "(stage)" or "(discovered theme)" after a cause's name; nothing for a built-in theme. */
function kindNote(d) {
  const note = d.kind === 'stage' ? t('stage').toLowerCase() : d.kind === 'discovered' ? t('fix_discovered') : null;
  return note ? h('span', { class: 'muted' }, ` (${note})`) : null;
}

/** The listening station filtered on the cause; a discovered theme (no label to filter on) is searched by its main term. */
function verbatimsLink(d) {
  return d.kind === 'discovered' ? `#/listen?q=${encodeURIComponent(d.terms?.[0] ?? d.name.fr)}` : `#/listen?${d.kind}=${encodeURIComponent(d.label)}`;
}

function scoreCard(kind, value, score, change, digits, unit = '') {
  const ci = score.ci;
  return h(
    'section',
    { class: 'card score-card', 'aria-label': t(kind) },
    h('h2', {}, t(kind)),
    // CSAT is on 0..100: shown with the language's percent sign ("48 %" in French, "48%" in English).
    h('p', { class: 'score-value' }, value === null ? '—' : unit === 'percent' ? pct(value / 100) : num(value, kind === 'ces' ? 2 : 0)),
    h('p', { class: 'muted' }, score.responses ? plural('responses', score.responses) : t('no_responses')),
    ci ? h('p', { class: 'muted' }, t('ci', { low: num(ci.low, digits), high: num(ci.high, digits) })) : null,
    change && change.delta !== null
      ? h('p', { class: `delta ${change.delta >= 0 ? 'up' : 'down'}` }, t('vs_last_week', { delta: signed(change.delta, (v) => num(v, digits)) }))
      : null,
  );
}

function journeyStrip(o) {
  const stages = o.journey.filter((s) => s.messages > 0);
  return section(
    t('journey_strip'),
    stages.length
      ? h(
          'ol',
          { class: 'journey-strip' },
          stages.map((s) =>
            h('li', {}, h('a', { href: `#/listen?stage=${s.stage}` }, h('span', { class: 'stage-name' }, label('stages', s.stage)), emotionChip(s.dominantEmotion), h('span', { class: 'muted' }, `${pct(s.negativeShare)} ${t('negative_share').toLowerCase()}`))),
          ),
        )
      : empty(),
    h('p', {}, h('a', { href: '#/journey', class: 'more' }, t('see_journey'))),
  );
}

function trends(o) {
  const weeks = o.byWeek.slice(-16);
  return section(
    t('weekly_trend'),
    weeks.length
      ? h(
          'div',
          { class: 'trends' },
          trendLine(t('trend_nps'), weeks.map((w) => w.nps.score)),
          trendLine(t('trend_messages'), weeks.map((w) => w.messages)),
          h('p', { class: 'muted' }, `${week(weeks[0].week)} → ${week(weeks[weeks.length - 1].week)}`),
        )
      : empty(),
  );
}

/** A labelled sparkline with the latest value in words, so the line can be read without axes. */
function trendLine(name, values) {
  const last = [...values].reverse().find((v) => v !== null && v !== undefined);
  return h('div', { class: 'trend' },
    h('span', {}, name, h('span', { class: 'muted small trend-last' }, t('latest_week', { value: num(last ?? null) }))),
    sparkline(values, { label: name }));
}

function topPains(o) {
  return section(
    t('top_pains'),
    o.topPains.length
      ? h(
          'ul',
          { class: 'pain-list' },
          o.topPains.map((p) =>
            h(
              'li',
              {},
              h('div', { class: 'pain-head' }, h('a', { href: `#/listen?theme=${encodeURIComponent(p.theme)}` }, loc(p.label)), h('span', { class: 'muted' }, `${num(p.messages)} · ${pct(p.negativeShare)} ${t('negative_share').toLowerCase()}`)),
              verbatim(p.verbatim),
            ),
          ),
        )
      : empty(),
  );
}

function spikes(o) {
  return section(
    t('spikes'),
    o.spikes.length
      ? h(
          'ul',
          { class: 'spike-list' },
          o.spikes.map((s) =>
            h(
              'li',
              { class: `spike ${s.severity}` },
              h('strong', {}, loc(s.name)),
              ' ',
              plural('spike_line', s.count, { week: week(s.week), baseline: num(s.baseline, 1), ratio: num(s.ratio, 1) }),
            ),
          ),
        )
      : empty(t('spikes_none')),
  );
}
