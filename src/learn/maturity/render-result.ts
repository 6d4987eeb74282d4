/**
 * An assessment result as data (JSON output, HTTP answer) and as text or Markdown: the stage on the
 * maturity curve, the score and change of each dimension, and the next three actions with their evidence.
 */
import type { Lang } from '../../core/lang.ts';
import type { AssessmentOutcome } from './assess.ts';
import type { AssessmentChange } from './compare.ts';
import type { Recommendation } from './recommend.ts';
import { STAGE_NAMES, STAGES, type MaturityStage } from './score-assessment.ts';
import { DIMENSION_NAMES, DIMENSIONS, type Dimension } from './sources.ts';

/** A stored assessment's result, as the CLI prints it and the API answers it. */
export interface AssessmentView {
  id: number;
  createdAt: string;
  language: Lang;
  stage: MaturityStage;
  stageName: string;
  overall: number;
  dimensions: { dimension: Dimension; name: string; score: number; change: number | null }[];
  change: AssessmentChange;
  recommendations: Recommendation[];
}

/** Joins what the store gave back (id, date) to what `assess` computed. */
export function toAssessmentView(stored: { id: number; createdAt: Date }, o: AssessmentOutcome): AssessmentView {
  const lang = o.language;
  return {
    id: stored.id,
    createdAt: stored.createdAt.toISOString(),
    language: lang,
    stage: o.scores.stage,
    stageName: STAGE_NAMES[o.scores.stage][lang],
    overall: o.scores.overall,
    dimensions: DIMENSIONS.map((d) => ({ dimension: d, name: DIMENSION_NAMES[d][lang], score: o.scores.dimensions[d], change: o.change.dimensions[d] })),
    change: o.change,
    recommendations: o.recommendations,
  };
}

const T = {
  fr: {
    title: 'Maturité de l’expérience client', stage: 'Étape sur la courbe de maturité', overall: 'score global',
    first: 'première évaluation', since: 'depuis le', dimension: 'Dimension', score: 'Score', change: 'Évolution',
    actions: 'Les trois prochaines actions', start: 'Commencer par', answered: 'réponse',
  },
  en: {
    title: 'Customer experience maturity', stage: 'Stage on the maturity curve', overall: 'overall',
    first: 'first assessment', since: 'since', dimension: 'Dimension', score: 'Score', change: 'Change',
    actions: 'Next three actions', start: 'Start with', answered: 'answer',
  },
} as const;

/** "+6", "−3", "0", "—" (nothing to compare with). */
export function formatChange(delta: number | null): string {
  if (delta === null) return '—';
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '0';
}

/** The result as plain text (`md`: Markdown with a table). */
export function renderAssessment(v: AssessmentView, format: 'text' | 'md'): string {
  const t = T[v.language];
  const md = format === 'md';
  // French typography: a space before the colon, and « » quotes.
  const colon = v.language === 'fr' ? ' : ' : ': ';
  const quote = (s: string) => (v.language === 'fr' ? `« ${s} »` : `“${s}”`);
  const since = v.change.previousAt === null ? t.first : `${formatChange(v.change.overall)} ${t.since} ${v.change.previousAt.slice(0, 10)}`;
  const curve = STAGES.map((s) => (s === v.stage ? `[${STAGE_NAMES[s][v.language]}]` : STAGE_NAMES[s][v.language])).join(' → ');
  const lines = [
    md ? `# ${t.title} — ${v.createdAt.slice(0, 10)}` : `${t.title} — ${v.createdAt.slice(0, 10)}`, '',
    `${md ? '**' : ''}${t.stage}${colon}${v.stageName}${md ? '**' : ''} (${t.overall} ${v.overall}/100, ${since})`,
    '', curve, '',
  ];
  if (md) {
    lines.push(`| ${t.dimension} | ${t.score} | ${t.change} |`, '|---|---:|---:|');
    for (const d of v.dimensions) lines.push(`| ${d.name} | ${d.score} | ${formatChange(d.change)} |`);
  } else {
    const width = Math.max(t.dimension.length, ...v.dimensions.map((d) => d.name.length));
    lines.push(`${t.dimension.padEnd(width)}  ${t.score.padStart(5)}  ${t.change.padStart(9)}`);
    for (const d of v.dimensions) lines.push(`${d.name.padEnd(width)}  ${String(d.score).padStart(5)}  ${formatChange(d.change).padStart(9)}`);
  }
  lines.push('', md ? `## ${t.actions}` : t.actions.toUpperCase());
  v.recommendations.forEach((r, i) => {
    lines.push(
      '',
      `${i + 1}. ${md ? '**' : ''}${r.dimensionName} (${r.score}/100)${md ? '**' : ''} — ${r.action}`,
      `   ${t.start}${colon}${quote(r.weakestQuestion.text)} (${t.answered} ${r.weakestQuestion.answer}/5)`,
      `   ${r.evidence.text}`,
    );
  });
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** Past results as text or Markdown, newest first. */
export function renderHistory(rows: readonly { id: number; createdAt: Date; stage: string; scores: { overall: number } }[], lang: Lang, format: 'text' | 'md'): string {
  const t = T[lang];
  if (rows.length === 0) return lang === 'fr' ? 'Aucune évaluation enregistrée. Lancez `ecoute assess --questions` pour commencer.\n' : 'No assessment stored yet. Run `ecoute assess --questions` to start.\n';
  const stageName = (s: string) => (STAGES as readonly string[]).includes(s) ? STAGE_NAMES[s as MaturityStage][lang] : s;
  const lines = format === 'md'
    ? [`# ${t.title}`, '', `| # | Date | ${t.stage} | ${t.score} |`, '|---:|---|---|---:|', ...rows.map((r) => `| ${r.id} | ${r.createdAt.toISOString().slice(0, 10)} | ${stageName(r.stage)} | ${r.scores.overall} |`)]
    : rows.map((r) => `#${r.id}  ${r.createdAt.toISOString().slice(0, 16).replace('T', ' ')}  ${stageName(r.stage).padEnd(15)} ${String(r.scores.overall).padStart(3)}/100`);
  return `${lines.join('\n')}\n`;
}
