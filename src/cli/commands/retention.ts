import { UsageError } from '../../core/errors.ts';
import { applyWorkspaceRetention } from '../../runtime/hygiene/apply-workspace-retention.ts';
import type { Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';
import { removedSummary } from '../removed-summary.ts';

const USAGE = `Usage: ecoute retention apply [--dry-run] [--actor NAME]

Deletes the conversations whose last message is older than the workspace's retention period
(\`ecoute workspace --retention-months N\`; 0 or unset keeps everything), with their messages,
analyses, survey answers and cases, and the customers left with nothing. Audited.
  --dry-run   count what would be deleted, delete nothing
  --actor N   who asked, for the audit log (default: cli)`;

/** `ecoute retention apply`: enforces the workspace's retention period. */
export const retentionCommand: Command = {
  name: 'retention',
  summary: 'Delete conversations older than the workspace retention period (--dry-run to count)',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseFlags(
      args, { options: { 'dry-run': { type: 'boolean' }, actor: { type: 'string' } }, allowPositionals: true }, USAGE,
    );
    if (positionals.length !== 1 || positionals[0] !== 'apply') throw new UsageError(`Say "apply".\n${USAGE}`);
    const store = await ctx.openStore();
    try {
      const result = await applyWorkspaceRetention(store, ctx.config.workspace, { dryRun: values['dry-run'], actor: values.actor });
      if (!result) {
        ctx.stdout.write(`Workspace "${ctx.config.workspace}" keeps everything: no retention period. Set one with \`ecoute workspace --retention-months N\`.\n`);
        return 0;
      }
      const when = `older than ${result.months} months: last message before ${result.cutoff.toISOString().slice(0, 10)}`;
      ctx.stdout.write(result.dryRun
        ? `Dry run, nothing deleted: would remove ${removedSummary(result.removed)} (${when}).\n`
        : `Retention applied: removed ${removedSummary(result.removed)} (${when}).\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
