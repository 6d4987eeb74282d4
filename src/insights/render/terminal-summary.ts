import type { Insights } from '../types.ts';
import { LABEL_NAMES, type Lang } from '../../core/label-names.ts';
import { amount, clip, interval, num, pct, pctUnits, quoted, signed } from './format.ts';
import { fixFirst, topPains } from '../priorities.ts';

const T = {
  fr: {
    title: 'Écoute — ce que vivent vos clients',
    messages: (m: number, c: number, cu: number) => `${m} messages de ${cu} clients dans ${c} conversations`,
    scores: 'Scores',
    n: 'réponses',
    journey: 'Émotion dominante par étape du parcours',
    fix: 'À corriger en premier (impact sur les clients mécontents)',
    pains: 'Principales douleurs',
    risk: (n: number, v: string) => `${n} clients à risque, valeur à risque ${v}`,
    compliment: 'Un compliment à partager',
    week: 'sem. préc.',
  },
  en: {
    title: 'Écoute — what your customers go through',
    messages: (m: number, c: number, cu: number) => `${m} messages from ${cu} customers in ${c} conversations`,
    scores: 'Scores',
    n: 'responses',
    journey: 'Dominant emotion per journey stage',
    fix: 'Fix first (impact on unhappy customers)',
    pains: 'Top pains',
    risk: (n: number, v: string) => `${n} customers at risk, value at risk ${v}`,
    compliment: 'A compliment worth sharing',
    week: 'prev. wk',
  },
} as const;

/**
 * The short plain-text summary `ecoute demo` prints in the terminal: scores with their intervals,
 * the emotion of each journey stage, what to fix first and the top pains (ranked as on the dashboard's
 * overview), and who is at risk. Pure; no colours.
 */
export function renderTerminalSummary(ins: Insights, lang: Lang): string {
  const t = T[lang];
  const names = LABEL_NAMES;
  const out: string[] = [t.title, '='.repeat(t.title.length)];
  out.push(t.messages(ins.messages.total, ins.messages.conversations, ins.customers.total), '');
  const tr = ins.scores.trend;
  out.push(`${t.scores}:`);
  out.push(`  NPS   ${num(ins.nps.score, lang)}  ${interval(ins.nps.ci, lang)}  (${ins.nps.responses} ${t.n}; ${t.week} ${signed(tr.nps.delta, lang)})`);
  out.push(`  CSAT  ${pctUnits(ins.csat.score, lang)}  ${interval(ins.csat.ci, lang)}  (${ins.csat.responses} ${t.n})`);
  out.push(`  CES   ${num(ins.ces.mean, lang, 2)} / 7  ${interval(ins.ces.ci, lang, 2)}  (${ins.ces.responses} ${t.n})`, '');

  const staged = ins.journey.stages.filter((s) => s.messages > 0);
  if (staged.length > 0) {
    out.push(`${t.journey}:`);
    for (const s of staged) {
      const emo = s.dominantEmotion ? names.emotions[s.dominantEmotion][lang] : '—';
      const reason = s.topReasons[0] ? ` — ${quoted(clip(s.topReasons[0].reason, 60), lang)}` : '';
      out.push(`  ${names.stages[s.stage][lang].padEnd(16)} ${emo.padEnd(14)} ${String(s.messages).padStart(5)}${reason}`);
    }
    out.push('');
  }
  const drivers = fixFirst(ins, 3);
  if (drivers.length > 0) {
    out.push(`${t.fix}:`);
    for (const d of drivers) {
      out.push(`  ${d.name[lang].padEnd(24)} ${pct(d.rateWith, lang)} vs ${pct(d.rateWithout, lang)}  (n=${d.withN})`);
    }
    out.push('');
  }
  const pains = topPains(ins, 3);
  if (pains.length > 0) {
    out.push(`${t.pains}:`);
    for (const p of pains) {
      const v = p.verbatims[0];
      out.push(`  ${p.label[lang]} (${p.messages})${v ? `: ${quoted(clip(v.text, 90), lang)}` : ''}`);
    }
    out.push('');
  }
  out.push(t.risk(ins.atRisk.count, amount(ins.atRisk.valueAtRisk, lang, ins.atRisk.currency)));
  const c = ins.compliments[0];
  if (c) out.push('', `${t.compliment}: ${quoted(clip(c.text, 140), lang)}`);
  return `${out.join('\n')}\n`;
}
