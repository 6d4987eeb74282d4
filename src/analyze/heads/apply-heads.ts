/**
 * Runs the learned heads over one message and turns their decisions into findings with evidence.
 * A finding's evidence is the rules' span when the rules found the same label (it names the cue),
 * else the words that weighed most for the label in the head (grown to a readable phrase), else what
 * the message is about. Pure: the compiled model is passed in.
 */
import type { Analysis, Finding } from '../../core/analysis.ts';
import type { Need, Stage } from '../../core/labels.ts';
import { phraseRange } from '../cx/phrase.ts';
import { firstClause } from '../cx/reason.ts';
import { compileHeads, headLogits, headProbs, rowsOf, topContribution, type CompiledHeads } from './compile-heads.ts';
import { decideHeads, withRuleThemes, type Chosen, type HeadDecision } from './decide-heads.ts';
import { sentimentAndEmotions } from './sentiment-emotions.ts';
import { headEmotions } from './emotion-family.ts';
import { headFeatures, type HeadFeatureSet, type HeadInput } from './head-features.ts';
import { MIN_THRESHOLD, type CxHeadsData, type HeadName } from './head-model.ts';
import type { LayerRows } from '../vocabulary.ts';

/**
 * The parts of an Analysis the heads decide. Sentiment is the sentiment head's on a customer's message
 * where it is sure and the emotions allow it, else the core model's, its label then held to the dominant
 * emotion (sentiment-emotions.ts); emotions are
 * the emotion head's on a customer's message or where it is sure, else inside the core's families
 * (emotion-family.ts).
 */
export type HeadFindings = Pick<Analysis, 'sentiment' | 'emotions' | 'needs' | 'themes' | 'stage' | 'signals' | 'reason'>;

/**
 * Probabilities of every head for one message. A yes/no label with a `minSupport` that no word
 * of the message supports that much gets probability 0 (see HeadData.minSupport).
 */
export function scoreHeads(ch: CompiledHeads, fs: HeadFeatureSet, rows: Int32Array = rowsOf(ch, fs)): Map<HeadName, number[]> {
  const z = headLogits(ch, fs, rows);
  return new Map([...ch.heads.values()].map((h) => {
    const p = headProbs(h, z);
    if (h.mode === 'ovr' && h.minSupport !== undefined) {
      // Below MIN_THRESHOLD a label is never found whatever its support: skip the scan.
      for (let j = 0; j < p.length; j++) if (p[j] >= MIN_THRESHOLD && topContribution(ch, fs, rows, h.offset + j).push < h.minSupport) p[j] = 0;
    }
    return [h.name, p];
  }));
}

const round = (p: number): number => Math.round(p * 1000) / 1000;

/**
 * Applies the heads of `data` to one message whose core analysis and rules are in `x`. `shared`: the
 * heads' rows over the model's shared vocabulary (CompiledModel.headsShared), so the core features,
 * already given ids, are not looked up by name again. `knownCustomer`: see AnalyzeOptions.customer.
 */
export function applyHeads(data: CxHeadsData, x: HeadInput, shared?: LayerRows | null, knownCustomer = false): HeadFindings {
  const ch = compileHeads(data);
  const fs = headFeatures(x);
  const rows = rowsOf(ch, fs, { ids: x.features.shared, rows: shared ?? null });
  const d = decideHeads(ch.heads, scoreHeads(ch, fs, rows), { lang: x.language, sarcastic: x.features.sarcasm, knownCustomer });
  return findings(d, ch, fs, rows, x);
}

function findings(d: HeadDecision, ch: CompiledHeads, fs: HeadFeatureSet, rows: Int32Array, x: HeadInput): HeadFindings {
  const r = x.rules;
  // What the message is about: the last resort of a finding's evidence, computed only when needed.
  const about = (): string | null => r.reason ?? firstClause(x.scan);
  /** Words that weighed most for a column, as a readable verbatim phrase. */
  const weighed = (col: number): string | null => {
    const { span } = topContribution(ch, fs, rows, col);
    if (!span) return null;
    const [a, b] = span[0] === span[1] ? phraseRange(x.tokens, { tokStart: span[0], tokEnd: span[1] }) : span;
    return x.text.slice(x.tokens[a].start, x.tokens[b].end);
  };
  const evidence = (c: Chosen, ruled: readonly Finding[]): string | null =>
    ruled.find((f) => f.label === c.label && f.evidence)?.evidence ?? weighed(c.col) ?? about();
  const needs = d.needs ? d.needs.map((c) => ({ label: c.label as Need, score: round(c.p), evidence: evidence(c, r.needs) })) : r.needs;
  const themes = d.themes ? withRuleThemes(d.themes.map((c) => ({ label: c.label, score: round(c.p), evidence: evidence(c, r.themes) })), r.themes, ch.heads.get('themes')?.ruleJoin, x.text.length) : r.themes;
  let stage = r.stage;
  if (d.stage !== undefined) {
    stage = d.stage === null ? null : {
      label: d.stage.label as Stage,
      score: round(d.stage.p),
      evidence: r.stage?.label === d.stage.label && r.stage.evidence ? r.stage.evidence : weighed(d.stage.col) ?? about(),
    };
  }
  // The head's emotions borrow the core's evidence for their family: the cue
  // of the feeling ("again", "outrageous"), where the head's own heaviest words are often the topic.
  // The main one comes first, so its score is at least the core's strongest: the list stays strongest first.
  const chosen = d.emotion;
  const second = d.emotion2;
  const strongest = x.emotions[0]?.score ?? 0;
  const emotions = headEmotions(x.emotions, chosen?.label ?? null, d.emotionFree === true, (label, kin) => {
    const c = label === chosen?.label ? chosen : second!;
    const score = c === chosen ? Math.max(round(c.p), strongest) : round(c.p);
    return { label, score, evidence: kin?.evidence ?? weighed(c.col) ?? about() };
  }, second);
  const fit = sentimentAndEmotions(d.sentiment, x.sentiment, emotions, d.knownCustomer === true);
  const sentiment: Analysis['sentiment'] = { label: fit.sentiment.label as Analysis['sentiment']['label'], score: fit.sentiment.score };
  return {
    sentiment, emotions: fit.emotions, needs, themes, stage, reason: r.reason,
    signals: {
      churnIntent: d.churn ?? r.signals.churnIntent,
      vulnerable: d.vulnerable ?? r.signals.vulnerable,
      urgency: d.urgency ?? r.signals.urgency,
      repeatContact: r.signals.repeatContact,
    },
  };
}
