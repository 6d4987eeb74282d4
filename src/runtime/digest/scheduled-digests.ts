import type { Writable } from 'node:stream';
import type { Config } from '../../core/config.ts';
import type { Clock } from '../../core/ports.ts';
import type { Store } from '../../store/store.ts';
import { startDigestSchedule, type SetTimer } from './digest-schedule.ts';
import { sendDigest } from './prepare-digest.ts';
import { applyWorkspaceRetention } from '../hygiene/apply-workspace-retention.ts';

/**
 * Starts the digests named by DIGEST_SCHEDULE for `ecoute serve`: daily digests of yesterday at
 * 08:00, or weekly digests on Monday 08:00. Each run first applies the workspace's retention period
 * (audited as actor "serve"). Logs each outcome to `log`; returns the stop function,
 * or null when the schedule is off.
 */
export function startConfiguredDigests(store: Store, config: Config, clock: Clock, log: Writable, setTimer?: SetTimer): (() => void) | null {
  if (config.digestSchedule === 'off') return null;
  const schedule = config.digestSchedule;
  const period = schedule === 'daily' ? 'day' : 'week';
  return startDigestSchedule(
    async (at) => {
      try {
        const kept = await applyWorkspaceRetention(store, config.workspace, { actor: 'serve' });
        if (kept && kept.removed.conversations > 0) log.write(`ecoute: retention: removed ${kept.removed.conversations} conversations older than ${kept.months} months.\n`);
      } catch (err) {
        log.write(`ecoute: retention failed: ${(err as Error).message}\n`);
      }
      const result = await sendDigest(store, config, period, at);
      log.write(`ecoute: ${schedule} digest: e-mail ${result.email}, webhook ${result.webhook}.\n`);
      for (const e of result.errors) log.write(`ecoute: digest: ${e}\n`);
    },
    { schedule, clock, setTimer, onError: (err) => log.write(`ecoute: digest failed: ${(err as Error).message}\n`) },
  );
}
