/**
 * Labelled messages through the analyser once: the head features each learned head reads and
 * the rules-only verdict (the baseline every figure is compared with). The language is detected,
 * as it is for a customer's message that arrives without one.
 */
import { analyzeCore } from '../../../src/analyze/analyze.ts';
import { compile } from '../../../src/analyze/compiled.ts';
import { analyzeCx } from '../../../src/analyze/cx/analyze-cx.ts';
import { headFeatures } from '../../../src/analyze/heads/head-features.ts';
import type { AnalyzerModel } from '../../../src/analyze/model.ts';
import type { LabelledMessage } from '../../data/labelled-messages.ts';
import type { HeadExample } from './fit-heads.ts';
import { fromAnalysis, type Prediction } from './head-metrics.ts';

/** Head features and rules-only predictions of `msgs` under `model`'s core and rules. */
export function headExamples(model: AnalyzerModel, msgs: readonly LabelledMessage[]): { examples: HeadExample[]; rules: Prediction[] } {
  const cm = compile(model);
  const examples: HeadExample[] = [];
  const rules: Prediction[] = [];
  for (const msg of msgs) {
    // One core analysis and one rules pass serve both: the heads' features and the rules' verdict
    // (what analyze(..., { rulesOnly: true }) returns).
    const core = analyzeCore(msg.text, { model });
    const cx = analyzeCx(core, cm.cx);
    examples.push({ msg, fs: headFeatures({ ...core, rules: cx }), ruleThemes: cx.themes.map((t) => t.label) });
    rules.push(fromAnalysis({ language: core.language, sentiment: core.sentiment, emotions: core.emotions, ...cx }));
  }
  return { examples, rules };
}
