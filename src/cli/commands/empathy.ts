import { renderReplyHistory } from '../../act/coach/reply-history-render.ts';
import { UsageError } from '../../core/errors.ts';
import { loadReplyHistory } from '../../runtime/act/reply-history.ts';
import { loadCoachModel } from '../../runtime/analysis/load-coach-model.ts';
import type { Command } from '../command.ts';
import { checkRange, parseDateFlag } from '../date-flags.ts';
import { parseFlags, parseLang, parseTextOrJson } from '../parse-flags.ts';

const USAGE = `Usage: ecoute empathy [--from DATE] [--to DATE] [--min N] [--format text|json] [--lang fr|en]

The reply coach over the workspace's history: every agent reply is scored against the customer
message it answers (the period is one batch, so a template sent to many customers is found canned).
Prints, overall, per team and per agent, the mean coach score (0-100), the share of canned replies
and the reply count (fewer than --min replies, default 5: shown, never ranked); then how empathy goes
with the customer's next NPS/CSAT answer (Spearman, with its interval) and with reopened cases.
  --from, --to   the period (YYYY-MM-DD or ISO timestamp; default: everything)
  --min N        fewest replies for an agent or team to be ranked (default 5)
  --format F     text (default) or json
  --lang L       fr or en (default: the workspace language)`;

/** \`ecoute empathy\`: reply empathy per agent and team, and its link with outcomes. */
export const empathyCommand: Command = {
  name: 'empathy',
  summary: 'Reply empathy over history: coach score and canned share per agent and team, link with next score and reopened cases',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseFlags(args, { options: {
      from: { type: 'string' }, to: { type: 'string' }, min: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' },
    } }, USAGE);
    const from = parseDateFlag('--from', values.from);
    const to = parseDateFlag('--to', values.to);
    checkRange(from, to);
    const format = parseTextOrJson(values.format);
    const minReplies = values.min === undefined ? 5 : Number(values.min);
    if (!Number.isInteger(minReplies) || minReplies < 1) throw new UsageError(`--min must be a whole number of replies, 1 or more, not "${values.min}".`);
    let lang = parseLang(values.lang);
    const model = await loadCoachModel();
    const store = await ctx.openStore();
    try {
      lang ??= (await store.ensureWorkspace(ctx.config.workspace)).settings.language;
      const history = await loadReplyHistory(store, ctx.config.workspace, model, { from, to, minReplies });
      ctx.stdout.write(format === 'json' ? `${JSON.stringify(history, null, 2)}\n` : renderReplyHistory(history, lang));
      return 0;
    } finally {
      await store.close();
    }
  },
};
