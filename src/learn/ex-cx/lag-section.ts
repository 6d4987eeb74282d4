import type { Lang } from '../../core/lang.ts';
import { interval, num } from '../../insights/render/format.ts';
import type { ReportSection } from '../../insights/render/report-document.ts';
import type { ExCxLagReport, LagCorrelation } from './ex-cx-lags.ts';
import type { CxMeasure, ExMeasure } from './panel.ts';

/** Names of the measures, as the report and the dashboard show them. */
export const MEASURE_NAMES: Record<Lang, Record<ExMeasure | CxMeasure, string>> = {
  fr: { enps: 'eNPS', engagement: 'Engagement (1–5)', nps: 'NPS', csat: 'CSAT', negativeShare: 'Part d’émotions négatives', replyEmpathy: 'Empathie des réponses', recontactRate: 'Recontact sous 7 jours' },
  en: { enps: 'eNPS', engagement: 'Engagement (1–5)', nps: 'NPS', csat: 'CSAT', negativeShare: 'Negative emotion share', replyEmpathy: 'Reply empathy', recontactRate: 'Recontact within 7 days' },
};

const STRINGS = {
  fr: {
    title: 'Lien EX → CX dans le temps (décalages de 0 à 6 mois)',
    size: (r: ExCxLagReport) => `${r.teams} équipes, ${r.exPeriods} mois d’enquêtes collaborateurs, ${r.cxPeriods} mois de données clients. Cellule : r [IC 95 %] (n couples ; r intra-équipe) ; r² = part de variance expliquée.`,
    pair: 'Collaborateur → client', lag: (k: number) => `+${k} mois`, anchors: 'Repères publiés (autres organisations, à titre de comparaison)', figure: 'Chiffre', source: 'Source', kind: 'Nature',
    kinds: { 'meta-analysis': 'méta-analyse', study: 'étude', claim: 'affirmation' },
    readBy: { coach: 'Empathie des réponses : lue par le coach de réponse (modèle appris).', lexicon: 'Empathie des réponses : lue par le lexique du coach (modèle du coach absent) ; tout « je comprends » compte.' },
  },
  en: {
    title: 'EX → CX over time (lags of 0 to 6 months)',
    size: (r: ExCxLagReport) => `${r.teams} teams, ${r.exPeriods} months of employee surveys, ${r.cxPeriods} months of customer data. Cell: r [95% CI] (n pairs; within-team r); r² = share of variance explained.`,
    pair: 'Employee → customer', lag: (k: number) => `+${k} mo`, anchors: 'Published anchors (other organisations, for comparison)', figure: 'Figure', source: 'Source', kind: 'Kind',
    kinds: { 'meta-analysis': 'meta-analysis', study: 'study', claim: 'claim' },
    readBy: { coach: 'Reply empathy: read by the reply coach (learned model).', lexicon: 'Reply empathy: read by the coach’s lexicon (coach model absent); any “I understand” counts.' },
  },
};

/** One cell of the lag table: "0,42 [0,05 ; 0,70] (n=15 ; intra 0,10)", or "— (n=2)". */
export function lagCell(c: LagCorrelation, lang: Lang): string {
  if (c.r === null) return `— (n=${c.n})`;
  const within = c.withinR === null ? '' : `${lang === 'fr' ? ' ; intra' : '; within'} ${num(c.withinR, lang, 2)}`;
  return `${num(c.r, lang, 2)} ${interval(c.ci, lang, 2)} (n=${c.n}${within})`;
}

/**
 * The lagged EX → CX section of the insights report: the plain warning first when the panel is too
 * small, the size of the panel, one row per measure pair with a column per lag, then the anchors.
 */
export function exCxLagSection(report: ExCxLagReport, lang: Lang): ReportSection {
  const s = STRINGS[lang];
  const names = MEASURE_NAMES[lang];
  const paragraphs: string[] = [];
  if (report.warning) paragraphs.push(`⚠ ${report.warning[lang]}`);
  paragraphs.push(s.size(report), report.note[lang], s.readBy[report.replyEmpathySource]);
  const lags = Array.from({ length: report.maxLag + 1 }, (_, k) => k);
  const pairs = new Map<string, LagCorrelation[]>();
  for (const c of report.correlations) {
    const key = `${c.ex}\u0000${c.cx}`;
    const list = pairs.get(key);
    if (list) list.push(c);
    else pairs.set(key, [c]);
  }
  const rows = [...pairs.values()]
    .filter((list) => list.some((c) => c.n > 0))
    .map((list) => [`${names[list[0].ex]} → ${names[list[0].cx]}`, ...lags.map((k) => {
      const c = list.find((x) => x.lag === k);
      return c ? lagCell(c, lang) : '—';
    })]);
  return {
    id: 'ex-cx-lags',
    title: s.title,
    paragraphs,
    tables: [
      ...(rows.length > 0 ? [{ headers: [s.pair, ...lags.map(s.lag)], rows }] : []),
      { caption: s.anchors, headers: [s.figure, s.kind, s.source], rows: report.anchors.map((a) => [a.figure[lang], s.kinds[a.kind], a.url ? `${a.source} — ${a.url}` : a.source]) },
    ],
    quotes: [],
  };
}
