/**
 * `npm run eval`: Écoute's analyser against the visible evaluation splits in the data folder, with
 * peers computed in the same run, floors and published anchors. Nothing here trains or tunes.
 * Prints Markdown tables. Options: ECOUTE_DATA_DIR; EVAL_MAX (rows per set, default 10000, sampled
 * deterministically as every k-th row); EVAL_MODEL_DIR (a model written by `TRAIN_OUT=dir npm run
 * train`, to compare it with the committed one).
 */
import { analyze } from '../src/analyze/analyze.ts';
import { SENTIMENTS } from '../src/core/labels.ts';
import { loadModel } from '../src/runtime/analysis/load-model.ts';
import { dataDir, dataPath } from './data/paths.ts';
import { emotionSets, EKMAN, OURS_TO_EKMAN, REASON_TO_THEMES, sentimentSets } from './eval/datasets.ts';
import { evalCxHeads } from './eval/cx-heads.ts';
import { evalCoach } from './eval/coach.ts';
import { evalRedaction } from './eval/redaction.ts';
import { loadCoachModel } from '../src/runtime/analysis/load-coach-model.ts';
import { accuracy, bootstrapInterval, macroF1, multiLabelMacroF1 } from './eval/metrics.ts';
import { loadPeers } from './eval/peers.ts';

const MAX = Number(process.env.EVAL_MAX ?? 10000);
const sample = <T>(xs: T[]): T[] => (xs.length <= MAX ? xs : xs.filter((_, i) => i % Math.ceil(xs.length / MAX) === 0));
const f = (x: number) => x.toFixed(3);
/** A 95% bootstrap interval, printed beside a figure. */
const ci = ([lo, hi]: [number, number]) => ` (${lo.toFixed(3)}–${hi.toFixed(3)})`;
const out: string[] = [];
const print = (s = '') => { out.push(s); process.stdout.write(s + '\n'); };

const model = await loadModel(process.env.EVAL_MODEL_DIR);
// Every figure is of the product's own output: the full analysis, learned heads included.
const run = (text: string) => analyze(text, { model });
const peers = loadPeers();
const langGold: string[] = [];
const langPred: string[] = [];
const langPer: { name: string; n: number; acc: number }[] = [];
const t0 = Date.now();

print(`# Écoute analyser evaluation (model ${model.version})`);
print();
print('## Sentiment macro-F1 (negative / neutral / positive)');
print();
print('Écoute in brackets: 95% bootstrap interval over the items (400 resamples, seeded).');
print();
print(`| dataset | n | Écoute | ${peers.map((p) => p.name).join(' | ')} | floor | anchor |`);
print(`|---|---|---|${peers.map(() => '---').join('|')}|---|---|`);
const FLOORS: Record<string, string> = {
  'Airline tweets (en)': '≥ 0.62', 'FR insurance reviews': '≥ 0.52', 'FR restaurant reviews': '≥ 0.55', 'UMSAB tweets (fr)': '≥ 0.48', 'UMSAB tweets (en)': '—',
};
const ANCHORS: Record<string, string> = { 'Airline tweets (en)': 'RoBERTa fine-tuned in-domain 0.82' };
let painHit = 0;
let painN = 0;
// Pain-point recall per airline negativereason (pipeline: our own sentiment feeds the CX layer).
const painPer = new Map<string, [number, number]>();
for (const set of sentimentSets()) {
  const items = sample(set.items);
  const results = items.map((x) => run(x.text));
  const gold = items.map((x) => x.gold);
  const ours = macroF1(gold, results.map((r) => r.sentiment.label), SENTIMENTS);
  const peerScores: string[] = [];
  let beatsAll = true;
  for (const p of peers) {
    const preds: (string | null)[] = [];
    for (const x of items) preds.push(await p.classify(x.text, set.lang));
    if (preds.some((q) => q === null)) { peerScores.push('n/a'); continue; }
    const s = macroF1(gold, preds as string[], SENTIMENTS);
    if (s >= ours) beatsAll = false;
    peerScores.push(f(s));
  }
  const oursCi = ci(bootstrapInterval(items.length, (ix) => macroF1(ix.map((i) => gold[i]), ix.map((i) => results[i].sentiment.label), SENTIMENTS)));
  print(`| ${set.name} | ${items.length}${items.length < set.items.length ? ` of ${set.items.length}` : ''} | **${f(ours)}**${oursCi}${beatsAll ? '' : ' (behind a peer)'} | ${peerScores.join(' | ')} | ${FLOORS[set.name] ?? '—'} | ${ANCHORS[set.name] ?? '—'} |`);
  const detected = results.map((r) => r.language);
  const acc = accuracy(items.map((x) => x.lang), detected);
  langPer.push({ name: set.name, n: items.length, acc });
  langGold.push(...items.map((x) => x.lang));
  langPred.push(...detected);
  if (set.name.startsWith('Airline')) {
    items.forEach((x, i) => {
      const themes = REASON_TO_THEMES[x.reason ?? ''];
      if (!themes) return;
      painN++;
      const hit = results[i].themes.some((t) => themes.includes(t.label));
      if (hit) painHit++;
      const c = painPer.get(x.reason!) ?? [0, 0];
      painPer.set(x.reason!, [c[0] + (hit ? 1 : 0), c[1] + 1]);
    });
  }
}
print();
print('## Emotions: macro-F1 after the GoEmotions Ekman grouping');
print();
print('Per-class binary F1 over anger, disgust, fear, joy, sadness, surprise and neutral (empty emotions = neutral), averaged over classes present in the gold set. In brackets: 95% bootstrap interval over the items (400 resamples, seeded), i.e. how far the figure may move on another sample of the same size.');
print();
print('| dataset | n | Écoute | floor | anchor | per class |');
print('|---|---|---|---|---|---|');
const EMO_FLOORS: Record<string, string> = { 'GoEmotions dev (en)': '≥ 0.50', 'XED en held-out 10%': '≥ 0.38', 'XED fr held-out 10%': '≥ 0.38' };
for (const set of emotionSets()) {
  const items = sample(set.items);
  const preds = items.map((x) => {
    const a = run(x.text);
    langGold.push(x.lang);
    langPred.push(a.language);
    const s = new Set(a.emotions.map((e) => OURS_TO_EKMAN[e.label]));
    return s.size ? s : new Set(['neutral']);
  });
  const golds = items.map((x) => x.gold);
  const { f1, per } = multiLabelMacroF1(golds, preds, EKMAN);
  const interval = ci(bootstrapInterval(items.length, (ix) => multiLabelMacroF1(ix.map((i) => golds[i]), ix.map((i) => preds[i]), EKMAN).f1));
  print(`| ${set.name} | ${items.length}${items.length < set.items.length ? ` of ${set.items.length}` : ''} | **${f(f1)}**${interval} | ${EMO_FLOORS[set.name]} | ${set.name.startsWith('GoEmotions') ? 'BERT (paper, test) 0.64' : '—'} | ${Object.entries(per).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')} |`);
}
print();
print('## Airline pain points and language');
print();
print('| measure | n | Écoute | floor |');
print('|---|---|---|---|');
print(`| pain-point recall (negativereason → theme) | ${painN} | **${f(painHit / Math.max(1, painN))}** | ≥ 0.65 |`);
for (const [reason, [h, n]] of [...painPer].sort((a, b) => b[1][1] - a[1][1])) {
  print(`| pain-point recall: ${reason} → ${REASON_TO_THEMES[reason].join('/')} | ${n} | ${f(h / n)} | |`);
}
print(`| language accuracy, all sets above, lang not passed | ${langGold.length} | **${f(accuracy(langGold, langPred))}** | ≥ 0.98 |`);
for (const l of langPer) print(`| language accuracy: ${l.name} | ${l.n} | ${f(l.acc)} | |`);
print();

print('## Customer-message heads (Écoute corpus and gold set)');
print();
print(evalCxHeads(model, dataPath('ecoute-corpus'), dataPath('ecoute-gold')));
print();
print(await evalCoach(await loadCoachModel(process.env.EVAL_MODEL_DIR), dataDir()));
print();
print(evalRedaction());
print();
print(`_Evaluated in ${((Date.now() - t0) / 1000).toFixed(1)} s; sets above ${MAX} rows sampled as every k-th row._`);
