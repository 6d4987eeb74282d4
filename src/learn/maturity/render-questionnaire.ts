/**
 * The questionnaire in one language: as data (GET /api/assessments/questions, `--format json`) and as
 * text a team can read aloud in a workshop, with an answers-file template to fill in.
 */
import type { Lang } from '../../core/lang.ts';
import { PRACTICE_SCALE, QUESTIONS } from './question-bank.ts';
import { DIMENSION_NAMES, DIMENSIONS, type Dimension, type Framework } from './sources.ts';

/** One question, in one language. */
export interface LocalizedQuestion {
  id: string;
  dimension: Dimension;
  dimensionName: string;
  framework: Framework;
  source: string;
  text: string;
  scale: { value: number; label: string }[];
}

/** The whole questionnaire, in one language. */
export interface LocalizedQuestionnaire {
  language: Lang;
  dimensions: { id: Dimension; name: string }[];
  questions: LocalizedQuestion[];
}

/** The questionnaire as data, in `lang`. */
export function localizeQuestionnaire(lang: Lang): LocalizedQuestionnaire {
  return {
    language: lang,
    dimensions: DIMENSIONS.map((d) => ({ id: d, name: DIMENSION_NAMES[d][lang] })),
    questions: QUESTIONS.map((q) => ({
      id: q.id,
      dimension: q.dimension,
      dimensionName: DIMENSION_NAMES[q.dimension][lang],
      framework: q.framework,
      source: q.source,
      text: q.text[lang],
      scale: q.scale.map((s) => ({ value: s.value, label: s.label[lang] })),
    })),
  };
}

const INTRO = {
  fr: (n: number) => `Auto-évaluation de maturité de l’expérience client — ${n} questions\nRépondez à chacune de 1 à 5, pour l’organisation telle qu’elle fonctionne aujourd’hui, pas telle qu’elle voudrait fonctionner :`,
  en: (n: number) => `Customer experience maturity self-assessment — ${n} questions\nAnswer each from 1 to 5, for the organisation as it works today, not as it would like to work:`,
};
const TEMPLATE = {
  fr: 'Copiez ce modèle dans un fichier JSON, remplacez chaque 0 par votre réponse, puis lancez `ecoute assess --answers FICHIER.json` :',
  en: 'Copy this template into a JSON file, replace each 0 with your answer, then run `ecoute assess --answers FILE.json`:',
};
const SOURCE = { fr: 'Source', en: 'Source' };

/** The questionnaire as text (`md`: Markdown headings and lists), ending with an answers-file template. */
export function renderQuestionnaire(lang: Lang, format: 'text' | 'md'): string {
  const q = localizeQuestionnaire(lang);
  const md = format === 'md';
  // French typography puts a space before the colon.
  const colon = lang === 'fr' ? ' : ' : ': ';
  const [title, instruction] = INTRO[lang](q.questions.length).split('\n');
  const lines: string[] = [md ? `# ${title}` : title, '', instruction];
  for (const s of PRACTICE_SCALE) lines.push(`${md ? '- ' : '  '}${s.value} — ${s.label[lang]}`);
  for (const d of q.dimensions) {
    lines.push('', md ? `## ${d.name}` : `${d.name.toUpperCase()}`);
    for (const item of q.questions.filter((x) => x.dimension === d.id)) {
      lines.push(md ? `- **${item.id}** — ${item.text}` : `  [${item.id}] ${item.text}`);
      lines.push(md ? `  *${SOURCE[lang]}${colon}${item.source}*` : `      ${SOURCE[lang]}${colon}${item.source}`);
    }
  }
  const template = JSON.stringify({ answers: Object.fromEntries(q.questions.map((x) => [x.id, 0])) }, null, 2);
  lines.push('', TEMPLATE[lang], '', md ? '```json' : '', template, md ? '```' : '');
  return `${lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n').trimEnd()}\n`;
}
