import { UsageError } from '../../core/errors.ts';
import type { DigestPeriod } from '../../insights/digest.ts';
import { deliverDigest } from '../../runtime/digest/deliver-digest.ts';
import { digestTargetsFor } from '../../runtime/digest/digest-targets.ts';
import { prepareDigest } from '../../runtime/digest/prepare-digest.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseLang } from '../parse-flags.ts';

const USAGE = `Usage: ecoute digest [--period day|week] [--format md|html|text] [--lang fr|en] [--send]

Builds the digest of yesterday (day) or of the week holding yesterday (week, default) — or, when
nothing came in that period, of the latest complete period that has data, and says so: scores and
their moves, the top three pains with a real customer story each, a compliment worth sharing and the
customers at risk. Prints it, or with --send delivers it where the scheduled digest of this workspace
(ECOUTE_WORKSPACE) goes: its own recipients (\`ecoute workspace --digest-to\`) by e-mail through
SMTP_URL and MAIL_FROM, else MAIL_TO and the Slack/Teams webhook DIGEST_WEBHOOK_URL.
  --period P   day or week (default week)
  --format F   md (default), html or text (the Slack/Teams form)
  --lang L     fr or en (default: the workspace language)
  --send       deliver instead of printing; exit status 1 when a channel fails`;

/** `ecoute digest`: prints or sends the daily/weekly digest. */
export const digestCommand: Command = {
  name: 'digest',
  summary: 'Build (and send) the daily or weekly digest',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseFlags(args, { options: { period: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, send: { type: 'boolean' } } }, USAGE);
    const period = (values.period ?? 'week') as DigestPeriod;
    if (period !== 'day' && period !== 'week') throw new UsageError(`--period must be day or week, not "${values.period}".`);
    const format = values.format ?? 'md';
    if (!['md', 'html', 'text'].includes(format)) throw new UsageError(`--format must be md, html or text, not "${format}".`);
    const lang = parseLang(values.lang);

    const store = await ctx.openStore();
    try {
      const prepared = await prepareDigest(store, ctx.config.workspace, period, ctx.clock(), lang);
      if (!values.send) {
        ctx.stdout.write(format === 'html' ? prepared.message.html : format === 'text' ? prepared.message.text : prepared.markdown);
        return 0;
      }
      // The same recipients as the scheduled digest's: a workspace's own list wins over MAIL_TO.
      const workspace = await store.ensureWorkspace(ctx.config.workspace);
      const result = await deliverDigest(prepared.message, digestTargetsFor(workspace, ctx.config) ?? ctx.config);
      ctx.stdout.write(`Digest ${prepared.digest.label}: e-mail ${result.email}, webhook ${result.webhook}.\n`);
      for (const e of result.errors) ctx.stderr.write(`ecoute digest: ${e}\n`);
      return result.errors.length > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
