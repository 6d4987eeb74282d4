import type { Insights, ScoreGroup, DriverReport, Change } from '../types.ts';
import { NEGATIVE_EMOTIONS, type Emotion } from '../../core/labels.ts';
import { nameOf, type Lang } from '../../core/label-names.ts';
import { amount, clip, day, interval, num, pct, pctUnits, quoted, signed } from './format.ts';
import { stringsFor, type ReportStrings } from './report-strings.ts';
import { scoreSentence } from './score-wording.ts';

/** A table cell; `heat` (0..1) asks the HTML renderer to shade it, in a warm (negative) or cool (positive) hue. */
export type ReportCell = string | { text: string; heat: number; tone: 'negative' | 'positive' };

/** The text of a cell, whether plain or a heatmap cell. */
export function cellText(c: ReportCell): string {
  return typeof c === 'string' ? c : c.text;
}

/** A table of a report section. */
export interface ReportTable {
  caption?: string;
  headers: string[];
  rows: ReportCell[][];
  heatmap?: boolean;
}

/** A customer quote of a report section. */
export interface ReportQuote {
  text: string;
  by: string;
}

/** One section of the report: title, paragraphs, tables, quotes. */
export interface ReportSection {
  id: string;
  title: string;
  paragraphs: string[];
  tables: ReportTable[];
  quotes: ReportQuote[];
}

/** The report as language-resolved text blocks; the Markdown and HTML renderers only lay it out. */
export interface ReportDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  sections: ReportSection[];
}

const NEGATIVE = new Set<Emotion>(NEGATIVE_EMOTIONS);

const section = (id: string, title: string): ReportSection => ({ id, title, paragraphs: [], tables: [], quotes: [] });

function byLine(v: { customerName: string | null; customerRef: string | null; channel: string; at: string }, lang: Lang): string {
  const who = v.customerName ?? v.customerRef ?? (lang === 'fr' ? 'Client anonyme' : 'Anonymous customer');
  return `${who}, ${nameOf('channels', v.channel, lang).toLowerCase()}, ${day(v.at, lang)}`;
}

function groupTable(groups: ScoreGroup[], head: string, lang: Lang, s: ReportStrings, keyName?: (k: string) => string): ReportTable {
  return {
    caption: head,
    headers: [head, s.nps, s.csat, s.ces, s.customerMessages, s.negativeShare],
    rows: groups.slice(0, 15).map((g) => [
      keyName ? keyName(g.key) : g.key,
      `${num(g.nps.score, lang)} (${s.nAbbr}=${g.nps.responses})`,
      `${pctUnits(g.csat.score, lang)} (${s.nAbbr}=${g.csat.responses})`,
      `${num(g.ces.mean, lang, 2)} (${s.nAbbr}=${g.ces.responses})`,
      num(g.messages, lang, 0),
      pct(g.negativeShare, lang),
    ]),
  };
}

function driverTable(r: DriverReport, title: string, lang: Lang, s: ReportStrings): ReportTable {
  return {
    caption: `${title} — ${num(r.n, lang, 0)} ${s.surveyed}, ${s.baseRate} ${pct(r.baseRate, lang)}`,
    headers: [s.factor, s.rateWith, s.rateWithout, s.difference, s.ci95, s.oddsRatio, s.impact],
    rows: r.drivers.slice(0, 8).map((d) => [
      `${d.name[lang]} (${d.kind === 'theme' ? s.theme_kind : s.emotion_kind}, ${s.nAbbr}=${d.withN})`,
      pct(d.rateWith, lang),
      pct(d.rateWithout, lang),
      `${signed(d.difference * 100, lang)} pts`,
      interval({ low: d.differenceCi.low * 100, high: d.differenceCi.high * 100 }, lang),
      `${num(d.oddsRatio, lang, 2)} ${interval(d.oddsRatioCi, lang, 2)}`,
      `${signed(d.impact * 100, lang)} pts`,
    ]),
  };
}

/** French separates list items with " ; ", English with "; ". */
const listSep = (lang: Lang) => (lang === 'fr' ? ' ; ' : '; ');

/** French puts a space before a colon, English does not. */
const colon = (lang: Lang) => (lang === 'fr' ? ' : ' : ': ');

const moveText = (c: Change, lang: Lang, digits = 1) => (c.delta === null ? '—' : signed(c.delta, lang, digits));

/** Builds the full report in one language from computed insights. */
export function buildReportDocument(ins: Insights, lang: Lang): ReportDocument {
  const s = stringsFor(lang);
  const sections: ReportSection[] = [];

  const ov = section('overview', s.overview);
  ov.paragraphs.push(
    `${num(ins.messages.customer, lang, 0)} ${s.customerMessages.toLowerCase()} · ${num(ins.messages.conversations, lang, 0)} ${s.conversations.toLowerCase()} · ${num(ins.customers.total, lang, 0)} ${s.customers.toLowerCase()} · ${s.negativeShare.toLowerCase()} ${pct(ins.messages.negativeShare, lang)}`,
  );
  // What each score compares, in the words of the terminal summary (score-wording.ts).
  ov.paragraphs.push(...(['nps', 'csat', 'ces'] as const).map((k) => `${scoreSentence(k, ins, lang)}.`));
  ov.tables.push({
    headers: [s.score, s.value, s.ci95, s.responses, s.weekChange],
    rows: [
      [s.nps, num(ins.nps.score, lang), interval(ins.nps.ci, lang), num(ins.nps.responses, lang, 0), moveText(ins.scores.trend.nps, lang)],
      [s.csat, pctUnits(ins.csat.score, lang), interval(ins.csat.ci, lang), num(ins.csat.responses, lang, 0), moveText(ins.scores.trend.csat, lang)],
      [s.ces, num(ins.ces.mean, lang, 2), interval(ins.ces.ci, lang, 2), num(ins.ces.responses, lang, 0), moveText(ins.scores.trend.ces, lang, 2)],
    ],
  });
  ov.tables.push({
    caption: s.byWeek,
    headers: [s.week, s.nps, s.csat, s.ces, s.customerMessages, s.negativeShare],
    rows: ins.scores.byWeek.slice(-12).map((w) => [w.week, num(w.nps.score, lang), pctUnits(w.csat.score, lang), num(w.ces.mean, lang, 2), num(w.messages, lang, 0), pct(w.negativeShare, lang)]),
  });
  for (const [groups, head, kind] of [
    [ins.scores.byChannel, s.byChannel, 'channels'], [ins.scores.bySegment, s.bySegment, null],
    [ins.scores.byTeam, s.byTeam, null], [ins.scores.byBrand, s.byBrand, null],
  ] as const) {
    if (groups.length > 0) ov.tables.push(groupTable(groups, head, lang, s, kind ? (k) => nameOf(kind, k, lang) : undefined));
  }
  sections.push(ov);

  const jm = section('journey', s.journey);
  jm.paragraphs.push(s.journeyNote);
  const emotions = ins.journey.emotions.filter((e) => ins.journey.stages.some((st) => st.counts[e] > 0));
  // Shade relative to the strongest cell so the map shows contrast even when shares are small.
  const maxShare = Math.max(0.01, ...ins.journey.stages.flatMap((st) => emotions.map((e) => st.shares[e])));
  jm.tables.push({
    heatmap: true,
    headers: [s.stage, ...emotions.map((e) => nameOf('emotions', e, lang)), s.customerMessages],
    rows: ins.journey.stages.map((st) => [
      nameOf('stages', st.stage, lang),
      ...emotions.map((e) => ({
        text: st.messages ? pct(st.shares[e], lang) : '—',
        heat: st.shares[e] / maxShare,
        tone: NEGATIVE.has(e) ? ('negative' as const) : ('positive' as const),
      })),
      num(st.messages, lang, 0),
    ]),
  });
  jm.tables.push({
    headers: [s.stage, s.dominant, s.desired, s.gap, s.topReasons],
    rows: ins.journey.stages.map((st) => [
      nameOf('stages', st.stage, lang),
      st.dominantEmotion ? nameOf('emotions', st.dominantEmotion, lang) : '—',
      st.desiredEmotion ? `${nameOf('emotions', st.desiredEmotion, lang)} (${pct(st.desiredShare, lang)})` : '—',
      st.status === 'gap' ? `${pct(st.gap, lang)} — ${s.gapStatus}` : st.status === 'met' ? s.met : st.status === 'no_data' ? s.noData : s.noTarget,
      st.topReasons.map((r) => `${r.reason} (${r.count})`).join(listSep(lang)) || '—',
    ]),
  });
  if (ins.journey.unstaged > 0) jm.paragraphs.push(`${num(ins.journey.unstaged, lang, 0)} ${s.unstaged}.`);
  sections.push(jm);

  const th = section('themes', s.themes);
  th.tables.push({
    headers: [s.theme, s.customerMessages, s.share, s.negativeShare, s.weekChange, s.verbatim],
    rows: ins.themes.slice(0, 12).map((t) => [
      t.label[lang], num(t.messages, lang, 0), pct(t.share, lang), pct(t.negativeShare, lang), moveText(t.change, lang, 0),
      t.verbatims[0] ? quoted(clip(t.verbatims[0].text, 140), lang) : '—',
    ]),
  });
  sections.push(th);

  const dr = section('drivers', s.drivers);
  dr.paragraphs.push(s.driverNote);
  dr.tables.push(driverTable(ins.drivers.detractors, s.detractors, lang, s), driverTable(ins.drivers.lowCsat, s.lowCsat, lang, s));
  sections.push(dr);

  const dt = section('discovered', s.discovered);
  if (ins.discoveredThemes.length === 0) dt.paragraphs.push(s.none);
  else dt.tables.push({
    headers: [s.theme, s.language, s.customerMessages, s.phrases, s.example],
    rows: ins.discoveredThemes.map((d) => [
      d.label, d.language, num(d.messages, lang, 0), d.phrases.slice(0, 4).map((p) => `${p.phrase} (${p.count})`).join(', '),
      d.examples[0] ? quoted(clip(d.examples[0].text, 140), lang) : '—',
    ]),
  });
  sections.push(dt);

  const pe = section('personas', s.personas);
  if (ins.personas.length === 0) pe.paragraphs.push(s.none);
  for (const p of ins.personas) {
    pe.paragraphs.push(
      `**${p.name[lang]}** — ${num(p.size, lang, 0)} ${s.customers.toLowerCase()} (${pct(p.share, lang)})` +
      `${p.segment ? ` · ${s.segment} ${p.segment}` : ''}${p.channel ? ` · ${nameOf('channels', p.channel, lang)}` : ''}. ` +
      `${s.goals}${colon(lang)}${p.goals.map((g) => `${g.label[lang]} ${pct(g.share, lang)}`).join(', ') || '—'}. ` +
      `${s.frustrations}${colon(lang)}${p.frustrations.map((f) => `${f.name[lang]} ${pct(f.share, lang)}`).join(', ') || '—'}.`,
    );
    if (p.quotes[0]) pe.quotes.push({ text: clip(p.quotes[0].text), by: `${p.name[lang]} — ${byLine(p.quotes[0], lang)}` });
  }
  sections.push(pe);

  const ar = section('at-risk', s.atRisk);
  ar.paragraphs.push(`${num(ins.atRisk.count, lang, 0)} ${s.atRiskNote} ${ins.atRisk.threshold}/100 · ${s.valueAtRisk}${colon(lang)}${amount(ins.atRisk.valueAtRisk, lang, ins.atRisk.currency)}`);
  ar.tables.push({
    headers: [s.customer, s.segment, s.customerValue, s.riskScore, s.reasons, s.lastContact],
    rows: ins.atRisk.customers.slice(0, 15).map((c) => [
      c.name ?? c.customerRef ?? c.customerId, c.segment ?? '—', amount(c.value, lang, ins.atRisk.currency), String(c.score),
      c.reasons.map((r) => r.text[lang]).join(listSep(lang)), day(c.lastContact, lang),
    ]),
  });
  sections.push(ar);

  if (ins.competitors.length > 0) {
    const co = section('competitors', s.competitors);
    co.tables.push({
      headers: [s.brand, s.customerMessages, s.stars, s.csat, s.nps, s.positive, s.negative, s.topThemes, s.topEmotions],
      rows: ins.competitors.map((b) => [
        b.brand, num(b.messages, lang, 0), `${num(b.stars.mean, lang, 2)} (${s.nAbbr}=${b.stars.responses})`, pctUnits(b.csat.score, lang),
        num(b.nps.score, lang), pct(b.sentiment.positive, lang), pct(b.sentiment.negative, lang),
        b.topThemes.slice(0, 3).map((t) => t.name[lang]).join(', ') || '—', b.topEmotions.slice(0, 3).map((e) => e.name[lang]).join(', ') || '—',
      ]),
    });
    sections.push(co);
  }

  const sp = section('spikes', s.spikes);
  if (ins.spikes.length === 0) sp.paragraphs.push(s.none);
  else sp.tables.push({
    headers: [s.week, s.factor, s.count, s.baseline, 'p', s.severity, s.example],
    rows: ins.spikes.slice(0, 10).map((x) => [
      x.week, `${x.name[lang]} (${x.kind === 'theme' ? s.theme_kind : s.emotion_kind})`, num(x.count, lang, 0), num(x.baseline, lang, 1),
      x.pValue.toExponential(1), x.severity === 'high' ? s.high : s.medium, x.example ? quoted(clip(x.example.text, 120), lang) : '—',
    ]),
  });
  sections.push(sp);

  if (ins.exCx.teams.length > 0) {
    const ex = section('ex-cx', s.exCx);
    ex.paragraphs.push(s.exCxNote);
    ex.tables.push({
      headers: [s.team, s.enps, s.engagement, s.csat, s.nps, s.responses],
      rows: ins.exCx.teams.map((t) => [t.team, `${num(t.enps, lang)} (${s.nAbbr}=${t.enpsResponses})`, num(t.engagement, lang, 2), pctUnits(t.csat, lang), num(t.nps, lang), num(t.surveys, lang, 0)]),
    });
    ex.tables.push({
      headers: [s.correlation, 'r', s.nAbbr],
      rows: ins.exCx.correlations.map((c) => [`${s[c.x]} ↔ ${s[c.y]} (${c.method === 'pearson' ? 'Pearson' : 'Spearman'})`, num(c.r, lang, 2), String(c.n)]),
    });
    sections.push(ex);
  }

  const periodText = ins.period.from || ins.period.to ? `${day(ins.period.from, lang)} – ${day(ins.period.to, lang)}` : s.allData;
  return { lang, title: s.reportTitle, subtitle: `${s.period}${colon(lang)}${periodText} · ${s.generated} ${day(ins.generatedAt, lang)}`, sections };
}

