/**
 * One sentence per score that says what it compares, worded once for the terminal summary and the
 * report (fr/en): "NPS −21 over the period; week 2026-W46: −47, −28 vs the week before". The period
 * figure and the latest week's are different questions (how are we doing, what just moved), and a
 * bare "−28" next to "−21" let readers guess which was which.
 */
import type { Lang } from '../../core/lang.ts';
import type { Insights } from '../types.ts';
import { num, pctUnits, signed } from './format.ts';

/** The scores a sentence can be about. */
export type ScoreKind = 'nps' | 'csat' | 'ces';

const WORDS = {
  fr: {
    name: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
    period: 'sur la période',
    week: (w: string) => `semaine ${w}`,
    vs: 'vs la semaine précédente',
    noPrevious: 'pas de réponse la semaine précédente',
    noWeek: (w: string) => `aucune réponse la semaine ${w}`,
    noData: 'aucune réponse sur la période',
    colon: ' : ',
    sep: ' ; ',
  },
  en: {
    name: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
    period: 'over the period',
    week: (w: string) => `week ${w}`,
    vs: 'vs the week before',
    noPrevious: 'no answers the week before',
    noWeek: (w: string) => `no answers in week ${w}`,
    noData: 'no answers over the period',
    colon: ': ',
    sep: '; ',
  },
} as const;

/** "NPS −21 over the period; week 2026-W46: −47, −28 vs the week before" (or what is missing, said plainly). */
export function scoreSentence(kind: ScoreKind, ins: Insights, lang: Lang): string {
  const w = WORDS[lang];
  const digits = kind === 'ces' ? 2 : 1;
  const value = (x: number | null | undefined) => (kind === 'csat' ? pctUnits(x, lang, digits) : num(x, lang, digits));
  const delta = (x: number | null) => (kind === 'csat' ? `${signed(x, lang, digits)} pts` : signed(x, lang, digits));
  const overall = kind === 'nps' ? ins.nps.score : kind === 'csat' ? ins.csat.score : ins.ces.mean;
  if (overall === null || overall === undefined) return `${w.name[kind]}${w.colon}${w.noData}`;
  const head = `${w.name[kind]} ${value(overall)} ${w.period}`;
  const week = ins.scores.trend.week;
  if (!week) return head;
  const move = ins.scores.trend[kind];
  if (move.current === null) return `${head}${w.sep}${w.noWeek(week)}`;
  const tail = move.delta === null ? `${value(move.current)} (${w.noPrevious})` : `${value(move.current)}, ${delta(move.delta)} ${w.vs}`;
  return `${head}${w.sep}${w.week(week)}${w.colon}${tail}`;
}
