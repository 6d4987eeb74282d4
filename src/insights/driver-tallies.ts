import type { MessageFact, SurveyFact } from '../core/facts.ts';
import { FactorKeys } from './factor-keys.ts';
import { GroupMemo } from './group-memo.ts';

/** One factor's conversations: how many, how many ended badly, and the emotions they hold (key → count). */
export interface FactorTally {
  n: number;
  bad: number;
  emotions: Map<string, number>;
}

/** The counts behind one driver report: surveyed conversations, the bad ones, and each factor's tally. */
export interface DriverTallies {
  n: number;
  bad: number;
  factors: Map<string, FactorTally>;
}

/** A surveyed conversation's part in the tallies: its last answer and its factors. */
export interface DriverRow {
  answer: SurveyFact;
  factors: ReadonlySet<string>;
}

/** Adds (sign 1) or takes back (sign −1) one conversation's part; a factor or emotion counted zero times is dropped. */
function count(t: DriverTallies, fs: ReadonlySet<string>, bad: boolean, sign: 1 | -1): void {
  t.n += sign;
  if (bad) t.bad += sign;
  for (const f of fs) {
    let ft = t.factors.get(f);
    if (!ft) t.factors.set(f, (ft = { n: 0, bad: 0, emotions: new Map() }));
    ft.n += sign;
    if (bad) ft.bad += sign;
    if (ft.n === 0) {
      t.factors.delete(f);
      continue;
    }
    if (f.startsWith('emotion:')) continue;
    for (const e of fs) {
      if (!e.startsWith('emotion:')) continue;
      const c = (ft.emotions.get(e) ?? 0) + sign;
      if (c === 0) ft.emotions.delete(e);
      else ft.emotions.set(e, c);
    }
  }
}

/** The tallies of `rows` (conversation → its last answer and factors), in one pass. */
export function tallyDrivers(rows: ReadonlyMap<string, DriverRow>, isBad: (score: number) => boolean): DriverTallies {
  const t: DriverTallies = { n: 0, bad: 0, factors: new Map() };
  for (const r of rows.values()) count(t, r.factors, isBad(r.answer.score), 1);
  return t;
}

/**
 * What a server keeps between computations of the key drivers (held per workspace by the insights
 * worker, as the other memos): each conversation's factor set while its analysed customer messages are
 * the same fact objects (group-memo.ts), and per driver report the tallies with each conversation's
 * part, so that a computation takes back and adds again only the conversations whose last answer or
 * factors changed. Counts are integers, so the tallies are exactly those of one pass.
 */
export class DriversMemo {
  private readonly sets = new GroupMemo<string, Set<string>>();
  private readonly reports = new Map<string, { rows: Map<string, DriverRow>; tallies: DriverTallies }>();
  /** Conversations added or taken back by the last tally (tests, bench). */
  lastChanged = 0;

  /** conversationFactors' map, each conversation's set kept while its messages are the same. */
  factorSets(groups: ReadonlyMap<string, readonly MessageFact[]>): Map<string, Set<string>> {
    const keys = new FactorKeys();
    const out = new Map<string, Set<string>>();
    this.sets.begin();
    for (const [id, messages] of groups) out.set(id, this.sets.get(id, [messages], () => factorSet(messages, keys)));
    this.sets.end();
    return out;
  }

  /** The tallies of `rows` for report `report`, from the last ones of that report by difference. */
  tally(report: string, rows: Map<string, DriverRow>, isBad: (score: number) => boolean): DriverTallies {
    const kept = this.reports.get(report);
    if (!kept) {
      const tallies = tallyDrivers(rows, isBad);
      this.reports.set(report, { rows, tallies });
      this.lastChanged = rows.size;
      return tallies;
    }
    const unchanged = (a: DriverRow | undefined, b: DriverRow | undefined) => a !== undefined && b !== undefined && a.answer === b.answer && a.factors === b.factors;
    let changed = 0;
    for (const [id, before] of kept.rows) {
      if (unchanged(before, rows.get(id))) continue;
      count(kept.tallies, before.factors, isBad(before.answer.score), -1);
      changed++;
    }
    for (const [id, now] of rows) {
      if (unchanged(now, kept.rows.get(id))) continue;
      count(kept.tallies, now.factors, isBad(now.answer.score), 1);
      changed++;
    }
    kept.rows = rows;
    this.lastChanged = changed;
    return kept.tallies;
  }
}

/** The themes, stage and emotions of one conversation's analysed customer messages, as factor keys. */
export function factorSet(messages: readonly MessageFact[], keys: FactorKeys): Set<string> {
  const s = new Set<string>();
  for (const m of messages) {
    const a = m.analysis;
    if (!a) continue;
    for (const t of a.themes) s.add(keys.theme(t.label));
    if (a.stage) s.add(keys.stage(a.stage.label));
    for (const e of a.emotions) s.add(keys.emotion(e.label));
  }
  return s;
}
