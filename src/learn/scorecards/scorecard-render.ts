import type { Lang } from '../../core/lang.ts';
import type { ScorecardReport } from './compute-scorecards.ts';
import { SCORECARD_METRICS, type ScorecardMetric } from './scorecard-config.ts';

const NAMES: Record<Lang, Record<ScorecardMetric, string>> = {
  fr: { nps: 'NPS', csat: 'CSAT', resolution: 'Résolution', timeToClose: 'Délai de clôture', empathy: 'Empathie', retention: 'Rétention' },
  en: { nps: 'NPS', csat: 'CSAT', resolution: 'Resolution', timeToClose: 'Time to close', empathy: 'Empathy', retention: 'Retention' },
};

const HEAD = {
  fr: { team: 'Équipe', agent: 'Agent', rank: 'Rang', composite: 'Score pondéré', responseRate: 'Taux de réponse', answers: 'Réponses', warnings: 'Alertes', weights: 'Pondérations', min: 'Échantillon minimum', unranked: 'non classé',
    empathySource: 'Empathie des réponses', byCoach: 'lue par le coach de réponse (modèle appris)', byLexicon: 'lue par le lexique du coach (modèle du coach absent)' },
  en: { team: 'Team', agent: 'Agent', rank: 'Rank', composite: 'Weighted score', responseRate: 'Response rate', answers: 'Answers', warnings: 'Warnings', weights: 'Weights', min: 'Minimum sample', unranked: 'not ranked',
    empathySource: 'Reply empathy', byCoach: 'read by the reply coach (learned model)', byLexicon: 'read by the coach’s lexicon (coach model absent)' },
};

/**
 * One CSV field (RFC 4180). Text starting with = + - @ tab or CR gets a leading apostrophe so a
 * spreadsheet never runs it as a formula (OWASP "CSV injection"): team and agent names come from
 * imported files. Numbers are written as is.
 */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (fields: (string | number | boolean | null)[]): string => `${fields.map(csvField).join(',')}\r\n`;

/**
 * The scorecards as CSV: one row per team or agent, each metric's value, n and score; stable English
 * column codes. empathy_source says who judged the replies (coach, or lexicon without the model file).
 */
export function scorecardCsv(report: ScorecardReport, lang: Lang): string {
  const header = [report.by, 'rank', 'composite', 'survey_answers', 'response_rate',
    ...SCORECARD_METRICS.flatMap((m) => [`${m}_value`, `${m}_n`, `${m}_score`, `${m}_weight`]), 'min_sample', 'empathy_source', 'warnings'];
  let out = line(header);
  for (const c of report.scorecards) {
    out += line([
      c.subject, c.rank, c.composite, c.surveyAnswers, c.responseRate,
      ...SCORECARD_METRICS.flatMap((m) => [c.metrics[m].value, c.metrics[m].n, c.metrics[m].score, Math.round(c.metrics[m].weight * 1000) / 1000]),
      report.minSample,
      report.replyEmpathySource,
      [c.unranked?.[lang], ...c.warnings.map((w) => w[lang])].filter(Boolean).join(' | '),
    ]);
  }
  return out;
}

/** The scorecards as a plain-text table for the terminal, with the weights and the warnings under it. */
export function scorecardTable(report: ScorecardReport, lang: Lang): string {
  const h = HEAD[lang];
  const names = NAMES[lang];
  const fmt = (x: number | null, unit = '') => (x === null ? '—' : `${lang === 'fr' ? String(x).replace('.', ',') : x}${unit}`);
  const header = [report.by === 'team' ? h.team : h.agent, h.rank, h.composite, ...SCORECARD_METRICS.map((m) => names[m]), h.responseRate];
  const rows = report.scorecards.map((c) => [
    c.subject,
    c.rank === null ? h.unranked : String(c.rank),
    fmt(c.composite),
    ...SCORECARD_METRICS.map((m) => {
      const f = c.metrics[m];
      const unit = f.unit === '%' ? '%' : f.unit === 'hours' ? ' h' : '';
      return `${fmt(f.value, unit)} (n=${f.n})${f.enough ? '' : '*'}`;
    }),
    c.responseRate === null ? '—' : `${Math.round(c.responseRate * 100)}%`,
  ]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...rows.map((r) => r[i].length)));
  const fmtRow = (r: string[]) => r.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  const lines = [fmtRow(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmtRow), ''];
  lines.push(`${h.weights}: ${SCORECARD_METRICS.filter((m) => report.weights[m] > 0).map((m) => `${names[m]} ${Math.round(report.weights[m] * 100)}%`).join(', ')}`);
  lines.push(`${h.min}: ${report.minSample}${lang === 'fr' ? ' (* : en dessous, ne compte pas)' : ' (*: below it, does not count)'}`);
  lines.push(`${h.empathySource}: ${h[report.replyEmpathySource === 'coach' ? 'byCoach' : 'byLexicon']}`);
  for (const note of report.notes) lines.push(`! ${note[lang]}`);
  for (const c of report.scorecards) {
    for (const w of [c.unranked, ...c.warnings]) if (w) lines.push(`- ${c.subject}: ${w[lang]}`);
  }
  return `${lines.join('\n')}\n`;
}
