/**
 * Scores an analyser on the Écoute gold set (messages.jsonl, labelled per its GUIDELINES.md) and
 * returns a printable table with the project floors. Shell code: reads files, never writes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analysis } from '../../src/core/analysis.ts';
import { fold, tokenize } from '../../src/analyze/text.ts';
import { f1 } from './metrics.ts';

/** One gold message as stored in messages.jsonl. */
export interface GoldMessage {
  id: string;
  lang: string;
  text: string;
  sentiment: 'negative' | 'neutral' | 'positive';
  emotions: string[];
  needs: string[];
  themes: string[];
  stage: string | null;
  churn_intent: boolean;
  urgency: 'low' | 'medium' | 'high';
  vulnerable: boolean;
  reason: string | null;
}

/** Reads messages.jsonl from `dataDir`, naming the file and line on bad JSON. */
export async function loadGold(dataDir: string): Promise<GoldMessage[]> {
  const file = join(dataDir, 'messages.jsonl');
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((l, i) => {
    try {
      return JSON.parse(l) as GoldMessage;
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON; fix or remove the line`);
    }
  });
}


/** Token F1 between two spans on folded word tokens; 1 when both are null. */
export function spanF1(ours: string | null, gold: string | null): number {
  if (ours === null || gold === null) return ours === gold ? 1 : 0;
  const words = (s: string): string[] => tokenize(s).map((t) => fold(t.text)).filter((w) => /\p{L}|\d/u.test(w));
  const a = words(ours);
  const b = words(gold);
  const pool = new Map<string, number>();
  for (const w of b) pool.set(w, (pool.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of a) if ((pool.get(w) ?? 0) > 0) (common++, pool.set(w, pool.get(w)! - 1));
  return common === 0 ? 0 : (2 * common) / (a.length + b.length);
}

const firstOr = (xs: readonly string[], none: string): string => xs[0] ?? none;

/** Per-message comparison rows (for debugging an analyser). */
export function compare(g: GoldMessage, a: Analysis): Record<string, boolean | number> {
  const goldEmotion = g.emotions[0] === 'neutral' ? '(none)' : firstOr(g.emotions, '(none)');
  return {
    sentiment: a.sentiment.label === g.sentiment,
    emotion: firstOr(a.emotions.map((e) => e.label), '(none)') === goldEmotion,
    need: firstOr(a.needs.map((n) => n.label), '(none)') === firstOr(g.needs, '(none)'),
    stage: (a.stage?.label ?? null) === g.stage,
    urgency: a.signals.urgency === g.urgency,
    reason: spanF1(a.reason, g.reason),
  };
}

/** Evaluates `analyzeFn` on the gold messages of `dataDir` and returns the result table. */
export async function evalGold(analyzeFn: (text: string) => Analysis, dataDir: string): Promise<string> {
  const gold = await loadGold(dataDir);
  const sent = { negative: [0, 0, 0], neutral: [0, 0, 0], positive: [0, 0, 0] } as Record<string, number[]>;
  const theme = [0, 0, 0];
  const churn = [0, 0, 0];
  const vuln = [0, 0, 0];
  const acc = { emotion: 0, need: 0, stage: 0, urgency: 0, reason: 0 };
  const bump = (c: number[], ours: boolean, ref: boolean): void => {
    if (ours && ref) c[0]++;
    else if (ours) c[1]++;
    else if (ref) c[2]++;
  };
  for (const g of gold) {
    const a = analyzeFn(g.text);
    for (const s of Object.keys(sent)) bump(sent[s], a.sentiment.label === s, g.sentiment === s);
    const ours = new Set(a.themes.map((t) => t.label));
    for (const t of ours) bump(theme, true, g.themes.includes(t));
    for (const t of g.themes) if (!ours.has(t)) theme[2]++;
    bump(churn, a.signals.churnIntent, g.churn_intent);
    bump(vuln, a.signals.vulnerable, g.vulnerable);
    const c = compare(g, a);
    for (const k of ['emotion', 'need', 'stage', 'urgency'] as const) acc[k] += c[k] ? 1 : 0;
    acc.reason += c.reason as number;
  }
  const n = gold.length;
  const macro = Object.values(sent).reduce((s, c) => s + f1(c[0], c[1], c[2]), 0) / 3;
  const rows: Array<[string, number, number | null]> = [
    ['sentiment macro-F1', macro, 0.75],
    ['emotion top-1 accuracy', acc.emotion / n, 0.55],
    ['need top-1 accuracy', acc.need / n, 0.55],
    ['stage accuracy', acc.stage / n, 0.55],
    ['theme micro-F1', f1(theme[0], theme[1], theme[2]), null],
    ['churn-intent F1', f1(churn[0], churn[1], churn[2]), 0.8],
    ['urgency accuracy', acc.urgency / n, null],
    ['vulnerable F1', f1(vuln[0], vuln[1], vuln[2]), null],
    ['reason overlap (token F1)', acc.reason / n, null],
  ];
  const lines = [`ecoute-gold messages: ${n}`, 'metric                      value  floor  ok'];
  for (const [name, v, floor] of rows) {
    const ok = floor === null ? '' : v >= floor ? 'PASS' : 'FAIL';
    lines.push(`${name.padEnd(27)} ${v.toFixed(3)}  ${floor === null ? '  -  ' : floor.toFixed(2) + ' '}  ${ok}`);
  }
  return lines.join('\n');
}
