import { formatTime } from '../../act/rules/alert-text.ts';
import type { RuleAlert } from '../../core/alert.ts';
import { UsageError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseTextOrJson } from '../parse-flags.ts';

const USAGE = `Usage: ecoute alerts [list] [--rule ID] [--unacknowledged] [--limit N] [--format text|json]
       ecoute alerts ack ID

Alerts raised by alert rules (see \`ecoute rules\`), newest first, in the workspace's language.
  list               the alerts (the default)
  ack ID             mark an alert as seen
  --rule ID          only the alerts of one rule
  --unacknowledged   only alerts not marked as seen
  --limit N          at most N alerts (default 50, at most 1000)`;

/** One alert: its header line, then its text indented. */
export function alertLines(a: RuleAlert): string {
  const seen = a.acknowledged ? '  (seen)' : '';
  const rule = a.ruleId ? `  ${a.ruleId} v${a.ruleVersion}` : '';
  return `${a.id}  ${formatTime(a.createdAt)}  ${a.kind}${rule}${seen}\n${a.message.split('\n').map((l) => `  ${l}`).join('\n')}\n`;
}

/** `ecoute alerts`: what the rules raised, and acknowledging it. */
export const alertsCommand: Command = {
  name: 'alerts',
  summary: 'List the alerts raised by alert rules, or acknowledge one',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseFlags(args, {
      allowPositionals: true,
      options: { rule: { type: 'string' }, unacknowledged: { type: 'boolean' }, limit: { type: 'string' }, format: { type: 'string' } },
    }, USAGE);
    const [action = 'list', id, ...rest] = positionals;
    if (action !== 'list' && action !== 'ack') throw new UsageError(`Say what to do: "list" or "ack ID".\n${USAGE}`);
    if (action === 'ack' && (id === undefined || rest.length > 0)) throw new UsageError(`alerts ack takes one alert id (see \`ecoute alerts list\`).\n${USAGE}`);
    if (action === 'list' && id !== undefined) throw new UsageError(`alerts list takes no argument.\n${USAGE}`);
    const format = parseTextOrJson(values.format, USAGE);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${values.limit}".`);
    const store = await ctx.openStore();
    try {
      const ws = ctx.config.workspace;
      if (action === 'ack') {
        const alert = await store.acknowledgeAlert(ws, id!);
        ctx.stdout.write(format === 'json' ? `${JSON.stringify(alert, null, 2)}\n` : `Alert ${alert.id} marked as seen.\n`);
        return 0;
      }
      const alerts = await store.listAlerts(ws, { ruleId: values.rule, unacknowledged: values.unacknowledged, limit });
      if (format === 'json') ctx.stdout.write(`${JSON.stringify(alerts, null, 2)}\n`);
      else if (alerts.length === 0) ctx.stdout.write(`No alerts in workspace "${ws}".\n`);
      else ctx.stdout.write(alerts.map(alertLines).join('\n'));
      return 0;
    } finally {
      await store.close();
    }
  },
};
