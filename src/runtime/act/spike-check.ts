/**
 * The scheduled half of alert rules: rules with a `spike` condition are checked every few minutes
 * (ECOUTE_SPIKE_CHECK, default 15m) by `ecoute serve`. Each check counts the watched theme or emotion
 * over the rule's window and baseline (its other conditions filter the messages counted) and writes a
 * spike alert when it is far above normal; the window's idempotency keys and the dedupe window keep a
 * spike from alerting again at every check.
 */
import { buildSpikeAlert } from '../../act/rules/build-alert.ts';
import { detectRuleSpike, spikePeriod } from '../../act/rules/detect-rule-spike.ts';
import { matchRule } from '../../act/rules/match-rule.ts';
import { isSpikeRule, type RuleConditions, type StoredRule } from '../../core/alert-rule.ts';
import type { AlertDraft } from '../../core/alert.ts';
import type { Config } from '../../core/config.ts';
import { parseDuration } from '../../core/duration.ts';
import { systemClock, type Clock } from '../../core/ports.ts';
import type { Store } from '../../store/store.ts';
import { reportBackgroundFailure, type DbOutageWatch } from '../db-outage-watch.ts';
import { ruleWorkspace, subjectsOf, type RuleRunOptions } from './rule-context.ts';

/** What one check did. */
export interface SpikeCheck {
  /** Spike rules checked. */
  rules: number;
  /** Spikes found (written or held back). */
  spikes: number;
  alerts: number;
  /** Spikes already alerted within their window. */
  skipped: number;
}

/** The rule's conditions other than the spike: they choose which messages are counted. */
function filtersOf(rule: StoredRule): RuleConditions | null {
  const { spike: _spike, ...rest } = rule.definition.conditions;
  return Object.values(rest).some((v) => v !== undefined) ? (rest as RuleConditions) : null;
}

/** Checks every active spike rule of a workspace once, at the clock's time. */
export async function checkSpikes(store: Store, workspaceId: string, opts: RuleRunOptions = {}): Promise<SpikeCheck> {
  const rules = (await store.listRules(workspaceId)).filter((r) => isSpikeRule(r.definition));
  const summary: SpikeCheck = { rules: rules.length, spikes: 0, alerts: 0, skipped: 0 };
  if (rules.length === 0) return summary;
  const ws = await ruleWorkspace(store, workspaceId, opts);
  const now = ws.build.now;
  const drafts: AlertDraft[] = [];
  for (const rule of rules) {
    const spike = rule.definition.conditions.spike!;
    const period = spikePeriod(spike, now);
    // The label filter lets the store read only the messages that carry it (an index range).
    let facts = await store.messageFacts(workspaceId, { from: period.from, to: period.to, customerOnly: true, [spike.kind]: spike.label });
    const filters = filtersOf(rule);
    if (filters) {
      const subjects = await subjectsOf(store, workspaceId, [rule], facts, ws.settingsBrand);
      facts = subjects.filter((s) => matchRule(filters, s).matched).map((s) => s.fact);
    }
    const found = detectRuleSpike(spike, facts, now);
    if (found) drafts.push(buildSpikeAlert(rule, found, ws.build));
  }
  summary.spikes = drafts.length;
  const result = await store.writeAlerts(workspaceId, drafts);
  summary.alerts = result.written.length;
  summary.skipped = result.deduplicated + result.duplicates;
  return summary;
}

/** How `ecoute serve` schedules spike checks. */
export interface SpikeScheduleOptions extends RuleRunOptions {
  intervalMs: number;
  /** Where a failed check is reported (the schedule goes on). */
  onError?: (err: unknown) => void;
  /** Told after each check (spikes found or not). */
  onCheck?: (check: SpikeCheck) => void;
}

/**
 * Checks spike rules now and then every `intervalMs` (never two checks at once). Returns the stop
 * function, which waits for a running check to finish.
 */
export function startSpikeChecks(store: Store, workspaceId: string, opts: SpikeScheduleOptions): () => Promise<void> {
  const clock = opts.clock ?? systemClock;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = (): void => {
    running = checkSpikes(store, workspaceId, { ...opts, clock })
      .then((check) => opts.onCheck?.(check))
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, opts.intervalMs);
      });
  };
  run();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}

/**
 * Starts the spike checks of `ecoute serve` as configured (ECOUTE_SPIKE_CHECK, ECOUTE_PUBLIC_URL),
 * logging spikes and failures to `log` (a database away goes to `outage`, when given, as for
 * deliveries); null when the checks are off.
 */
export function startConfiguredSpikeChecks(
  store: Store, config: Pick<Config, 'spikeCheck' | 'publicUrl' | 'workspace'>, clock: Clock, log: { write(s: string): unknown }, outage?: DbOutageWatch,
): (() => Promise<void>) | null {
  const intervalMs = parseDuration(config.spikeCheck);
  if (config.spikeCheck === 'off' || !intervalMs) return null;
  return startSpikeChecks(store, config.workspace, {
    intervalMs, clock, publicUrl: config.publicUrl ?? null,
    onCheck: (c) => {
      outage?.answered();
      if (c.spikes > 0) log.write(`ecoute: spike check: ${c.spikes} spike(s), ${c.alerts} new alert(s).\n`);
    },
    onError: (err) => reportBackgroundFailure(err, 'spike check', (m) => log.write(`ecoute: spike check failed: ${m}\n`), outage),
  });
}
