/**
 * `ecoute export --labelled`: every corrected customer message as one line of the Écoute corpus format
 * (../shared/data/ecoute-corpus/README.md: id, lang, channel, text, sentiment, emotions, needs, themes,
 * stage, churn_intent, urgency, vulnerable, reason), so `npm run train -- --extra DIR` can learn from a
 * workspace's corrections. Corrected fields carry the person's value; the others the model's finding
 * (listed in `corrected`, so a reader can tell which labels a person gave).
 */
import { applyCorrections } from '../../core/apply-corrections.ts';
import type { Correction, CorrectionField } from '../../core/correction.ts';
import type { MessageFact } from '../../core/facts.ts';
import type { Store } from '../../store/store.ts';

/** One line of the labelled export (the corpus' fields, plus where it came from and what was corrected). */
export interface LabelledLine {
  id: string;
  lang: string;
  channel: string;
  text: string;
  sentiment: string;
  /** ["neutral"] when the message shows no emotion, as in the corpus. */
  emotions: string[];
  needs: string[];
  themes: string[];
  stage: string | null;
  churn_intent: boolean;
  urgency: string;
  vulnerable: boolean;
  reason: string | null;
  /** The fields a person corrected (the rest are the model's findings). */
  corrected: CorrectionField[];
  /** "ecoute-corrections:WORKSPACE", so lines from several workspaces stay told apart. */
  source: string;
}

/** The labelled line of an analysed message and its corrections; null for a message without analysis. */
export function labelledLine(fact: MessageFact, corrections: readonly Correction[], workspaceId: string): LabelledLine | null {
  if (!fact.analysis || corrections.length === 0) return null;
  const { analysis: a, applied } = applyCorrections(fact.analysis, corrections);
  const emotions = a.emotions.map((e) => e.label);
  return {
    id: `${workspaceId}-${fact.messageId}`,
    lang: fact.language ?? a.language,
    channel: fact.channel,
    text: fact.text,
    sentiment: a.sentiment.label,
    emotions: emotions.length ? emotions : ['neutral'],
    needs: a.needs.map((n) => n.label),
    themes: a.themes.map((t) => t.label),
    stage: a.stage?.label ?? null,
    churn_intent: a.signals.churnIntent,
    urgency: a.signals.urgency,
    vulnerable: a.signals.vulnerable,
    reason: a.reason,
    corrected: applied.map((c) => c.field),
    source: `ecoute-corrections:${workspaceId}`,
  };
}

/** Streams the labelled lines of a workspace's corrected messages, by message id, `pageSize` at a time. */
export async function* labelledRecords(store: Store, workspaceId: string, pageSize = 500): AsyncGenerator<LabelledLine[]> {
  let after: string | null = null;
  for (;;) {
    const ids = await store.correctedMessageIds(workspaceId, after, pageSize);
    if (ids.length === 0) return;
    const [facts, corrections] = await Promise.all([store.factsOfMessages(workspaceId, ids), store.listCorrections(workspaceId, ids)]);
    const byMessage = new Map<string, Correction[]>();
    for (const c of corrections) byMessage.set(c.messageId, [...(byMessage.get(c.messageId) ?? []), c]);
    const lines = facts
      .sort((x, y) => Number(x.messageId) - Number(y.messageId))
      .flatMap((f) => labelledLine(f, byMessage.get(f.messageId) ?? [], workspaceId) ?? []);
    if (lines.length) yield lines;
    if (ids.length < pageSize) return;
    after = ids[ids.length - 1];
  }
}
