/**
 * `rules test`: which past messages a rule would have matched (and which of them would have raised an
 * alert once its dedupe window is applied), or, for a spike rule, in which windows it would have
 * fired. Reads only: nothing is written, nothing is sent.
 */
import { messageDedupeKey } from '../../act/rules/build-alert.ts';
import { reasonText } from '../../act/rules/alert-text.ts';
import { detectRuleSpike } from '../../act/rules/detect-rule-spike.ts';
import { matchRule } from '../../act/rules/match-rule.ts';
import { isSpikeRule, parseRuleDefinition, type RuleDefinition, type StoredRule } from '../../core/alert-rule.ts';
import { parseDuration } from '../../core/duration.ts';
import { UsageError } from '../../core/errors.ts';
import type { FactFilter, MessageFact } from '../../core/facts.ts';
import type { Lang } from '../../core/lang.ts';
import type { Store } from '../../store/store.ts';
import { ruleWorkspace, subjectsOf, type RuleRunOptions } from './rule-context.ts';

/** The period and size of a test. */
export interface RuleTestOptions extends RuleRunOptions {
  since?: Date;
  until?: Date;
  /** Matches listed (the most recent ones); default 50, at most 1000. All are counted. */
  limit?: number;
  /** Language of the reasons; default the workspace's. */
  lang?: Lang;
}

/** A past message the rule would have matched. */
export interface RuleTestMatch {
  messageId: string;
  conversationId: string;
  customerId: string | null;
  customer: string | null;
  at: Date;
  channel: string;
  text: string;
  /** Each condition that held, in words. */
  reasons: string[];
  /** False when an earlier match of the same customer was within the dedupe window. */
  wouldAlert: boolean;
}

/** A past window in which a spike rule would have fired. */
export interface RuleTestSpike {
  windowStart: Date;
  windowEnd: Date;
  count: number;
  baseline: number;
  ratio: number;
}

/** What a test found. */
export interface RuleTestResult {
  name: string;
  kind: 'message' | 'spike';
  /** The rule's dedupe window, as written ("24h"). */
  dedupeWindow: string;
  since: Date | null;
  until: Date;
  /** Customer messages read (message rules), or windows checked (spike rules). */
  scanned: number;
  matched: number;
  /** Alerts it would have raised (after deduplication). */
  alerts: number;
  /** The most recent matches, newest first. */
  matches: RuleTestMatch[];
  spikes: RuleTestSpike[];
}

/** Most windows a spike test walks through. */
const MAX_WINDOWS = 1000;

/** The store filter that narrows the scan to messages that can match (one label or stage). */
function narrowing(d: RuleDefinition): Partial<FactFilter> {
  const c = d.conditions;
  if (c.theme?.length === 1) return { theme: c.theme[0] };
  if (c.emotion?.length === 1) return { emotion: c.emotion[0] };
  if (c.need?.length === 1) return { need: c.need[0] };
  if (c.stage?.length === 1) return { stage: c.stage[0] };
  return {};
}

/** Tests a stored rule or a definition (validated: InputError naming the field) on past messages. */
export async function testRule(store: Store, workspaceId: string, rule: StoredRule | unknown, opts: RuleTestOptions = {}): Promise<RuleTestResult> {
  const stored: StoredRule = isStored(rule)
    ? rule
    : (() => {
        const definition = parseRuleDefinition(rule);
        return { id: 'test', workspaceId, version: 0, name: definition.name, definition, active: true, createdAt: new Date(0), createdBy: 'test' };
      })();
  const limit = opts.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`limit must be a whole number from 1 to 1000, not ${limit}.`);
  const ws = await ruleWorkspace(store, workspaceId, opts);
  const until = opts.until ?? ws.build.now;
  if (opts.since && opts.since >= until) throw new UsageError('since must be before until: widen the period.');
  const text = { ...ws.build, lang: opts.lang ?? ws.build.lang };
  const base = { name: stored.name, dedupeWindow: stored.definition.dedupeWindow, until, matches: [] as RuleTestMatch[], spikes: [] as RuleTestSpike[] };

  if (isSpikeRule(stored.definition)) {
    const spike = stored.definition.conditions.spike!;
    const windowMs = parseDuration(spike.window)!;
    const since = opts.since ?? new Date(until.getTime() - 30 * windowMs);
    const steps = Math.min(MAX_WINDOWS, Math.ceil((until.getTime() - since.getTime()) / windowMs));
    const from = new Date(until.getTime() - (steps + spike.baselineWindows) * windowMs);
    let facts: MessageFact[] = await store.messageFacts(workspaceId, { from, to: until, customerOnly: true, [spike.kind]: spike.label });
    const { spike: _s, ...filters } = stored.definition.conditions;
    if (Object.values(filters).some((v) => v !== undefined)) {
      const subjects = await subjectsOf(store, workspaceId, [stored], facts, ws.settingsBrand);
      facts = subjects.filter((s) => matchRule(filters, s).matched).map((s) => s.fact);
    }
    const spikes: RuleTestSpike[] = [];
    for (let k = 0; k < steps; k++) {
      const end = new Date(until.getTime() - k * windowMs);
      const found = detectRuleSpike(spike, facts, end);
      if (found) spikes.push({ windowStart: found.period.windowStart, windowEnd: end, count: found.count, baseline: found.baseline, ratio: found.ratio });
    }
    return { ...base, kind: 'spike', since, scanned: steps, matched: spikes.length, alerts: spikes.length, spikes: spikes.slice(0, limit) };
  }

  const windowMs = parseDuration(stored.definition.dedupeWindow) ?? 0;
  const lastAlert = new Map<string, number>();
  const recent: RuleTestMatch[] = [];
  let scanned = 0, matched = 0, alerts = 0;
  const filter: FactFilter = { from: opts.since, to: until, customerOnly: true, ...narrowing(stored.definition) };
  for await (const page of store.iterateMessageFacts(workspaceId, filter)) {
    scanned += page.length;
    for (const s of await subjectsOf(store, workspaceId, [stored], page, ws.settingsBrand)) {
      const m = matchRule(stored.definition.conditions, s);
      if (!m.matched) continue;
      matched++;
      // Replayed in time order: an alert holds back the same customer's matches within the window.
      const key = messageDedupeKey(stored.id, s.fact);
      const at = s.fact.at.getTime();
      const previous = lastAlert.get(key);
      const wouldAlert = previous === undefined || windowMs === 0 || at - previous >= windowMs;
      if (wouldAlert) {
        alerts++;
        lastAlert.set(key, at);
      }
      recent.push({
        messageId: s.fact.messageId, conversationId: s.fact.conversationId, customerId: s.fact.customerId,
        customer: s.fact.customerName ?? s.fact.customerRef, at: s.fact.at, channel: s.fact.channel, text: s.fact.text,
        reasons: m.reasons.map((r) => reasonText(r, text)), wouldAlert,
      });
      if (recent.length > limit) recent.shift();
    }
  }
  return { ...base, kind: 'message', since: opts.since ?? null, scanned, matched, alerts, matches: recent.reverse() };
}

function isStored(x: unknown): x is StoredRule {
  return typeof x === 'object' && x !== null && 'definition' in x && 'version' in x && 'id' in x;
}
