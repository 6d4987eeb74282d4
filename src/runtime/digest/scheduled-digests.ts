import type { Writable } from 'node:stream';
import type { Config } from '../../core/config.ts';
import type { Clock } from '../../core/ports.ts';
import type { DigestPeriod } from '../../insights/digest.ts';
import type { Store } from '../../store/store.ts';
import { startDigestSchedule, type SetTimer } from './digest-schedule.ts';
import { digestTargetsFor } from './digest-targets.ts';
import { sendDigest } from './prepare-digest.ts';
import { applyWorkspaceRetention } from '../hygiene/apply-workspace-retention.ts';

/**
 * Starts the digests named by DIGEST_SCHEDULE for `ecoute serve`: daily digests of yesterday at
 * 08:00, or weekly digests on Monday 08:00, for every workspace of the database. Each run first applies
 * each workspace's retention period (audited as actor "serve"), then sends each workspace that has
 * recipients (digestTargetsFor) its own digest, computed from its own data. Logs each outcome to `log`;
 * returns the stop function, or null when the schedule is off.
 */
export function startConfiguredDigests(store: Store, config: Config, clock: Clock, log: Writable, setTimer?: SetTimer): (() => void) | null {
  if (config.digestSchedule === 'off') return null;
  const schedule = config.digestSchedule;
  const period: DigestPeriod = schedule === 'daily' ? 'day' : 'week';
  return startDigestSchedule(
    async (at) => {
      // The default workspace always, even before anything was written to it (as before workspaces).
      const ids = new Set([config.workspace, ...(await store.listWorkspaces()).map((w) => w.id)]);
      let sent = 0;
      for (const id of ids) {
        // One workspace failing (its SMTP recipient refused, its data unreadable) never stops the others.
        try {
          if (await digestOfWorkspace(store, config, id, period, at, log)) sent += 1;
        } catch (err) {
          log.write(`ecoute: digest of workspace "${id}" failed: ${(err as Error).message}\n`);
        }
      }
      if (sent === 0) {
        log.write(`ecoute: ${schedule} digest: no workspace has recipients. Set MAIL_TO (with SMTP_URL) or DIGEST_WEBHOOK_URL for "${config.workspace}", `
          + 'or `ecoute workspace --digest-to team@example.com` for a workspace.\n');
      }
    },
    { schedule, clock, setTimer, onError: (err) => log.write(`ecoute: digest failed: ${(err as Error).message}\n`) },
  );
}

/** Retention, then the digest of one workspace when it has recipients; true when a digest was sent (or tried). */
async function digestOfWorkspace(store: Store, config: Config, workspaceId: string, period: DigestPeriod, at: Date, log: Writable): Promise<boolean> {
  const label = workspaceId === config.workspace ? '' : ` (workspace "${workspaceId}")`;
  try {
    const kept = await applyWorkspaceRetention(store, workspaceId, { actor: 'serve' });
    if (kept && kept.removed.conversations > 0) log.write(`ecoute: retention${label}: removed ${kept.removed.conversations} conversations older than ${kept.months} months.\n`);
  } catch (err) {
    log.write(`ecoute: retention${label} failed: ${(err as Error).message}\n`);
  }
  const targets = digestTargetsFor(await store.ensureWorkspace(workspaceId), config);
  if (!targets) return false;
  const result = await sendDigest(store, workspaceId, targets, period, at, { publicUrl: config.publicUrl });
  log.write(`ecoute: ${config.digestSchedule} digest${label}: e-mail ${result.email}, webhook ${result.webhook}.\n`);
  for (const e of result.errors) log.write(`ecoute: digest${label}: ${e}\n`);
  return true;
}
