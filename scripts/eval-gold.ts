/**
 * `npx tsx scripts/eval-gold.ts [dataDir]`: scores the analysis on the Écoute gold set.
 * Prints (1) the CX layer with the gold sentiment and emotions plugged in, isolating CX rules from
 * the upstream models, and (2) the full pipeline end to end. dataDir defaults to the data folder's
 * ecoute-gold/ (see scripts/data/paths.ts).
 */
import { analyze } from '../src/analyze/analyze.ts';
import { createCxAnalyzer } from '../src/analyze/cx/analyze-cx.ts';
import { tokenize } from '../src/analyze/text.ts';
import type { Analysis } from '../src/core/analysis.ts';
import { loadModel } from '../src/runtime/load-model.ts';
import { dataPath } from './data/paths.ts';
import { evalGold, loadGold, type GoldMessage } from './eval/gold.ts';

const dataDir = process.argv[2] ?? dataPath('ecoute-gold');

/** An analyser that returns the gold sentiment/emotions and our CX layer on top. */
async function goldPlugged(): Promise<(text: string) => Analysis> {
  const byText = new Map<string, GoldMessage>((await loadGold(dataDir)).map((g) => [g.text, g]));
  const cx = createCxAnalyzer();
  return (text) => {
    const g = byText.get(text);
    if (!g) throw new Error(`eval-gold: no gold record for text "${text.slice(0, 40)}…"`);
    const emotions = g.emotions.filter((e) => e !== 'neutral').map((e, i) => ({ label: e, score: 1 - i * 0.2, evidence: null }));
    const sentiment = { label: g.sentiment, score: g.sentiment === 'negative' ? -0.6 : g.sentiment === 'positive' ? 0.6 : 0 };
    const r = cx({ text, tokens: tokenize(text), language: g.lang, sentiment, emotions });
    return { language: g.lang, sentiment, emotions, ...r } as Analysis;
  };
}

console.log('== CX layer, gold sentiment + emotions plugged in ==');
console.log(await evalGold(await goldPlugged(), dataDir));

const model = await loadModel();
console.log('\n== end to end (analyze() with the shipped model) ==');
console.log(await evalGold((text) => analyze(text, { model }), dataDir));
