import type { MessageFact } from '../../core/facts.ts';
import type { InsightsInput } from '../../insights/types.ts';
import type { CustomerChange, FactDelta, SurveyFactRow } from '../../core/fact-delta.ts';
import type { Store } from '../../store/store.ts';

/** How the last refresh was done: for tests and the bench. */
export type RefreshKind = 'full' | 'delta' | 'none';

interface Held {
  /** The data version read before the rows (rows stamped above it are read again next time). */
  version: number;
  /** Message facts in the order store.messageFacts gives them: time, then id. */
  messages: MessageFact[];
  /** Survey facts with their ids, by time then id. */
  surveys: SurveyFactRow[];
  messageId: number;
  surveyId: number;
  /** Set when the last read found a row it could not place: the next refresh loads everything. */
  suspect: boolean;
}

/**
 * One workspace's unfiltered facts, kept in memory and brought up to date from what changed since the
 * last read (store.factDelta) instead of read again whole: at 100,000 messages a full load costs
 * seconds, the rows an import batch adds or an analysis batch rewrites cost milliseconds. Deletions
 * (retention, erasure, an undone import: `removedVersion`) and a count that does not match what is
 * held (a row committed out of id order) fall back to a full load. Employee answers and settings are
 * small and read whole each time.
 *
 * Owned by whoever owns the workspace's view cache (not a module singleton). Refreshes are serialized:
 * concurrent callers wait for the one running and share the data it read.
 */
export class IncrementalFacts {
  private held: Held | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** How the last refresh was done. */
  lastRefresh: RefreshKind = 'none';

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
  ) {}

  /** The workspace's whole insights input as of now (the same as loadInsightsInput without a filter). */
  input(now: Date): Promise<InsightsInput> {
    const next = this.queue.then(() => this.read(now));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(now: Date): Promise<InsightsInput> {
    const markers = await this.store.changeMarkers(this.workspaceId);
    const held = this.held;
    if (held && !held.suspect && markers.dataVersion === held.version) this.lastRefresh = 'none';
    else if (!held || held.suspect || markers.removedVersion > held.version) await this.load(markers.dataVersion);
    else await this.update(held, markers.dataVersion);
    const [workspace, employees] = await Promise.all([
      this.store.ensureWorkspace(this.workspaceId),
      this.store.employeeFacts(this.workspaceId),
    ]);
    const { messages, surveys } = this.held!;
    // Copies: the caller may keep them while later refreshes rewrite what is held.
    return { messages: messages.slice(), surveys: surveys.map((s) => s.fact), employees, settings: workspace.settings, now, period: undefined };
  }

  private async load(version: number): Promise<void> {
    this.held = null;
    const delta = await this.store.factDelta(this.workspaceId, { version, messageId: 0, surveyId: 0 });
    const messages = delta.messages.slice().sort(byTimeThenId);
    const held: Held = {
      version, messages, surveys: delta.surveys,
      messageId: delta.upTo.messages, surveyId: delta.upTo.surveys, suspect: false,
    };
    held.suspect = !countsMatch(held, delta);
    this.held = held;
    this.lastRefresh = 'full';
  }

  private async update(held: Held, version: number): Promise<void> {
    const delta = await this.store.factDelta(this.workspaceId, { version: held.version, messageId: held.messageId, surveyId: held.surveyId });
    const added: MessageFact[] = [];
    for (const m of delta.messages) {
      // Rewritten in place: a message's time never changes, so its place in the order does not either.
      const at = Number(m.messageId) <= held.messageId ? indexOf(held.messages, m) : -1;
      if (at >= 0) held.messages[at] = m;
      else added.push(m);
    }
    if (added.length > 0) held.messages = mergeSorted(held.messages, added.sort(byTimeThenId), byTimeThenId);
    if (delta.surveys.length > 0) held.surveys = mergeSorted(held.surveys, delta.surveys, (a, b) => a.fact.at.getTime() - b.fact.at.getTime() || a.id - b.id);
    if (delta.customers.length > 0) patchCustomers(held, delta.customers);
    held.version = version;
    held.messageId = delta.upTo.messages;
    held.surveyId = delta.upTo.surveys;
    this.lastRefresh = 'delta';
    if (!countsMatch(held, delta)) await this.load(version);
  }
}

function countsMatch(held: Held, delta: FactDelta): boolean {
  return held.messages.length === delta.counts.messages && held.surveys.length === delta.counts.surveys;
}

function byTimeThenId(a: MessageFact, b: MessageFact): number {
  return a.at.getTime() - b.at.getTime() || Number(a.messageId) - Number(b.messageId);
}

/** Where `m` (same id and time) sits in sorted `messages`, by binary search; -1 when absent. */
function indexOf(messages: MessageFact[], m: MessageFact): number {
  let lo = 0;
  let hi = messages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const order = byTimeThenId(messages[mid], m);
    if (order === 0) return mid;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Merges two sorted arrays (O(n + k): an import batch into 100,000 facts costs a pass, not a sort). */
function mergeSorted<T>(held: T[], added: T[], order: (a: T, b: T) => number): T[] {
  const out: T[] = new Array(held.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < held.length && j < added.length) out[k++] = order(held[i], added[j]) <= 0 ? held[i++] : added[j++];
  while (i < held.length) out[k++] = held[i++];
  while (j < added.length) out[k++] = added[j++];
  return out;
}

/**
 * Copies a customer's filled-in name, segment and value onto the facts that carry them. A fact whose
 * customer fields are already those keeps its object: a customer row is rewritten by every import
 * that names the customer, and a new object would make the insights count that fact's day again
 * (insights/day-memo.ts reuses a day's tallies while its fact objects are the same).
 */
function patchCustomers(held: Held, changes: CustomerChange[]): void {
  const byId = new Map(changes.map((c) => [c.customerId, c]));
  held.messages = held.messages.map((m) => {
    const c = m.customerId === null ? undefined : byId.get(m.customerId);
    if (!c || (m.customerRef === c.customerRef && m.customerName === c.customerName && m.segment === c.segment && m.customerValue === c.customerValue)) return m;
    return { ...m, customerRef: c.customerRef, customerName: c.customerName, segment: c.segment, customerValue: c.customerValue };
  });
  held.surveys = held.surveys.map((s) => {
    const c = s.fact.customerId === null ? undefined : byId.get(s.fact.customerId);
    if (!c || (s.fact.customerRef === c.customerRef && s.fact.segment === c.segment)) return s;
    return { id: s.id, fact: { ...s.fact, customerRef: c.customerRef, segment: c.segment } };
  });
}
