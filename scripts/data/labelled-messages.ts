/**
 * Reader of Écoute's labelled customer messages (GUIDELINES.md of ecoute-gold): the trainable corpus
 * (`ecoute-corpus/messages.jsonl`, whatever it holds as it grows) and the visible gold third
 * (`ecoute-gold/messages.jsonl`, a test set: never trained on). Scripts only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One labelled message as stored in messages.jsonl. */
export interface LabelledMessage {
  id: string;
  lang: string;
  channel?: string;
  industry?: string;
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

/** Reads `dir/messages.jsonl`, naming the file and line of a bad record. */
export function readLabelledMessages(dir: string): LabelledMessage[] {
  return readLabelledFile(join(dir, 'messages.jsonl'));
}

/** Reads one JSONL file of labelled messages (the corpus, or an `ecoute export --labelled` file). */
export function readLabelledFile(file: string): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let m: LabelledMessage;
    try {
      m = JSON.parse(line) as LabelledMessage;
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON; fix or remove the line`);
    }
    if (typeof m.text !== 'string' || typeof m.id !== 'string' || !Array.isArray(m.emotions) || !Array.isArray(m.needs) || !Array.isArray(m.themes)) {
      throw new Error(`${file}:${i + 1}: a labelled message needs "id", "text", "emotions", "needs" and "themes"; see ecoute-gold/GUIDELINES.md`);
    }
    out.push(m);
  });
  return out;
}
