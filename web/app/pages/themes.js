/** Themes & drivers: theme volumes and trends with verbatims, driver effect sizes with CI bars, discovered themes. */
import { getJson } from '../api.js';
import { ciBar, sparkline } from '../charts.js';
import { empty, pageHeader, section, signed, verbatim } from '../components.js';
import { h } from '../dom.js';
import { filterBar, filterQuery, isFiltered, noMatch, readFilter } from '../filter-bar.js';
import { getLang, loc, num, pct, plural, t } from '../i18n.js';

export async function render(ctx) {
  const filter = readFilter(ctx.params);
  const [d, bar] = await Promise.all([getJson(`/api/themes${filterQuery(filter)}`), filterBar(ctx, 'themes')]);
  const header = pageHeader(t('themes_title'), t('themes_lead'));
  if (isFiltered(filter) && d.themes.every((th) => th.messages === 0) && !d.drivers.detractors.n && !d.drivers.lowCsat.n) {
    return h('div', { class: 'page page-themes' }, header, bar, noMatch(ctx, 'themes'));
  }
  return h(
    'div',
    { class: 'page page-themes' },
    header,
    bar,
    drivers(t('drivers_detractors'), d.drivers.detractors),
    drivers(t('drivers_low_csat'), d.drivers.lowCsat),
    themes(d.themes),
    discovered(d.discoveredThemes),
  );
}

function drivers(title, report) {
  const rows = report.drivers.slice(0, 10).map((dr) =>
    h(
      'tr',
      { class: dr.significant ? 'significant' : null },
      h('th', { scope: 'row' }, h('a', { href: `#/listen?${dr.kind}=${encodeURIComponent(dr.label)}` }, loc(dr.name))),
      h('td', { class: 'num' }, pct(dr.impact, 1)),
      h('td', { class: 'num' }, signed(dr.difference * 100, (v) => num(v, 0)), ' pts'),
      h('td', {}, ciBar(dr.difference, dr.differenceCi.low, dr.differenceCi.high, { label: `${loc(dr.name)} ${pct(dr.differenceCi.low)} – ${pct(dr.differenceCi.high)}` })),
      h('td', { class: 'num' }, num(dr.oddsRatio, 1)),
    ),
  );
  return section(
    title,
    h('p', { class: 'help' }, t('driver_help')),
    report.baseRate !== null ? h('p', { class: 'muted' }, plural('base_rate', report.n, { rate: pct(report.baseRate) })) : null,
    rows.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('factor')), h('th', { scope: 'col' }, t('impact')), h('th', { scope: 'col' }, t('difference')), h('th', { scope: 'col' }, t('ci_short')), h('th', { scope: 'col' }, t('odds_ratio')))),
          h('tbody', {}, rows)))
      : empty(t('fix_first_none')),
  );
}

function themes(list) {
  const rows = list.map((th) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('a', { href: `#/listen?theme=${encodeURIComponent(th.theme)}` }, loc(th.label))),
      h('td', { class: 'num' }, num(th.messages)),
      h('td', { class: 'num' }, pct(th.share, 1)),
      h('td', { class: 'num' }, pct(th.negativeShare)),
      h('td', {}, sparkline(th.weekly.slice(-12).map((w) => w.count), { width: 110, height: 26, label: `${loc(th.label)} ${t('trend')}` })),
      h('td', { class: 'num' }, th.change.delta === null ? '—' : signed(th.change.delta, (v) => num(v))),
      h('td', {}, th.verbatims.length ? h('details', {}, h('summary', {}, `${t('verbatims')} (${th.verbatims.length})`), th.verbatims.slice(0, 3).map(verbatim)) : '—'),
    ),
  );
  return section(
    t('theme_volumes'),
    rows.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
          h('thead', {}, h('tr', {}, [t('theme'), t('messages'), t('share'), t('negative_share'), t('trend'), t('change'), t('verbatims')].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)))
      : empty(),
  );
}

function discovered(list) {
  return section(
    t('discovered'),
    h('p', { class: 'help' }, t('discovered_help')),
    list.length
      // Clusters in the reader's language first (stable sort keeps the server's order within a language).
      ? h('div', { class: 'cards' }, [...list].sort((a, b) => Number(b.language === getLang()) - Number(a.language === getLang())).map((d) =>
          h('article', { class: 'mini-card', lang: d.language },
            h('h3', {}, d.label, h('span', { class: 'muted small' }, ` · ${plural('results', d.messages)}`),
              d.language !== getLang() ? h('span', { class: 'chip lang' }, t('in_language', { language: t(`language_${d.language}`) })) : null),
            h('p', { class: 'terms' }, d.terms.slice(0, 8).join(' · ')),
            d.examples.slice(0, 1).map(verbatim))))
      : empty(),
  );
}
