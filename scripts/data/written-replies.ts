/**
 * The peer-support exchanges the project wrote itself (`data/written-replies/*.jsonl`, committed): a
 * seeker's post and one peer's reply, labelled on the three EPITOME dimensions only (emotional
 * reaction, interpretation, exploration; Sharma et al. 2020), written without reading EPITOME (see
 * that folder's README.md). The coach learns those three dimensions from them beside the corpus
 * replies; ownership, personalization, canned and the overall map stay the corpus's. Scripts only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/** One written exchange, labelled on the EPITOME dimensions. */
export interface PeerReply {
  id: string;
  lang: string;
  customer: string;
  reply: string;
  emotional_reaction: number;
  interpretation: number;
  exploration: number;
}

/** The committed folder of written exchanges. */
export const WRITTEN_REPLIES_DIR = join(REPO_ROOT, 'data', 'written-replies');

const LEVEL = (v: unknown): boolean => v === 0 || v === 1 || v === 2;

/** Every written exchange of the folder's *.jsonl files, in name order; [] without the folder. Names the file and line of a bad record. */
export function readWrittenReplies(dir: string = WRITTEN_REPLIES_DIR): PeerReply[] {
  if (!existsSync(dir)) return [];
  const out: PeerReply[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, f), 'utf8').split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const r = JSON.parse(line) as PeerReply;
      if (typeof r.customer !== 'string' || typeof r.reply !== 'string' || !LEVEL(r.emotional_reaction) || !LEVEL(r.interpretation) || !LEVEL(r.exploration)) {
        throw new Error(`${join(dir, f)} line ${i + 1}: needs "customer" and "reply" strings and "emotional_reaction", "interpretation", "exploration" of 0, 1 or 2; fix or remove the line`);
      }
      out.push(r);
    });
  }
  return out;
}
