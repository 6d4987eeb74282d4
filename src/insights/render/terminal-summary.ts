import type { Insights } from '../types.ts';
import { LABEL_NAMES, type Lang } from '../../core/label-names.ts';
import { amount, clip, interval, pct, quoted } from './format.ts';
import { scoreSentence } from './score-wording.ts';
import { fixFirst, topPains } from '../priorities.ts';

const T = {
  fr: {
    title: 'Écoute — ce que vivent vos clients',
    messages: (m: number, c: number, cu: number) => `${m} messages de ${cu} clients dans ${c} conversations`,
    scores: 'Scores',
    n: (k: number) => (k === 1 ? 'réponse' : 'réponses'),
    cesScale: ', effort de 1 à 7',
    journey: 'Émotion dominante par étape du parcours',
    fix: 'À corriger en premier (impact sur les clients mécontents)',
    felt: 'ressenti :',
    pains: 'Principales douleurs',
    risk: (n: number, v: string) => `${n} clients à risque, valeur à risque ${v}`,
    compliment: 'Un compliment à partager',
    ci: 'IC 95 %',
  },
  en: {
    title: 'Écoute — what your customers go through',
    messages: (m: number, c: number, cu: number) => `${m} messages from ${cu} customers in ${c} conversations`,
    scores: 'Scores',
    n: (k: number) => (k === 1 ? 'response' : 'responses'),
    cesScale: ', effort 1–7',
    journey: 'Dominant emotion per journey stage',
    fix: 'Fix first (impact on unhappy customers)',
    felt: 'felt:',
    pains: 'Top pains',
    risk: (n: number, v: string) => `${n} customers at risk, value at risk ${v}`,
    compliment: 'A compliment worth sharing',
    ci: '95% CI',
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
  out.push(`${t.scores}:`);
  // The same sentence as the report's overview (score-wording.ts), then the interval and the count behind it.
  const detail = (n: number, ci: string, scale = '') => (n === 0 ? '' : `  (${t.ci} ${ci}, ${n} ${t.n(n)}${scale})`);
  out.push(`  ${scoreSentence('nps', ins, lang)}${detail(ins.nps.responses, interval(ins.nps.ci, lang))}`);
  out.push(`  ${scoreSentence('csat', ins, lang)}${detail(ins.csat.responses, interval(ins.csat.ci, lang))}`);
  out.push(`  ${scoreSentence('ces', ins, lang)}${detail(ins.ces.responses, interval(ins.ces.ci, lang, 2), t.cesScale)}`, '');

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
      const felt = d.emotions.length ? ` — ${t.felt} ${d.emotions.map((e) => `${e.name[lang]} ${pct(e.share, lang)}`).join(', ')}` : '';
      out.push(`  ${d.name[lang].padEnd(24)} ${pct(d.rateWith, lang)} vs ${pct(d.rateWithout, lang)}  (n=${d.withN})${felt}`);
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
