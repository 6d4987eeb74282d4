import type { Lang } from '../../core/lang.ts';
import { amountFormat } from '../../insights/render/format.ts';
import type { ValueModel } from './compute-value.ts';

const S = {
  fr: {
    title: 'Ce que vaut une amélioration de l’expérience client (par an)', total: 'Total', benchmark: 'Repère externe (Temkin, ramené à un an ; non ajouté au total)',
    assumptions: 'Hypothèses (origine : espace = données de l’espace de travail, défaut = valeur documentée, vous = --set)', origin: { workspace: 'espace', default: 'défaut', user: 'vous' },
  },
  en: {
    title: 'What a customer-experience improvement is worth (per year)', total: 'Total', benchmark: 'Outside benchmark (Temkin, per year; not added to the total)',
    assumptions: 'Assumptions (origin: workspace = the workspace’s data, default = documented value, you = --set)', origin: { workspace: 'workspace', default: 'default', user: 'you' },
  },
};

/** The value model as terminal text: each line with its formula and figures, the total, the benchmark, then every assumption with its source. */
export function valueText(model: ValueModel, lang: Lang): string {
  const s = S[lang];
  const money = amountFormat(lang, model.currency);
  const out = [s.title, ''];
  for (const l of model.lines) {
    out.push(`${l.label[lang]}: ${money(l.amount)}`, `  = ${l.formula}`, `  = ${l.computation}`);
  }
  out.push(`${s.total}: ${money(model.total)}`, '', `${s.benchmark}: ${money(model.benchmark.amount)}`, `  = ${model.benchmark.formula}`, `  = ${model.benchmark.computation}`, '', s.assumptions);
  for (const a of model.assumptions) {
    out.push(`- ${a.key} = ${a.value} [${s.origin[a.origin]}] — ${a.label[lang]}`, `    ${a.source[lang]}`);
  }
  out.push('', ...model.notes.map((n) => `! ${n[lang]}`));
  return `${out.join('\n')}\n`;
}
