import { UsageError } from '../../core/errors.ts';
import { scorecardCsv, scorecardTable } from '../../learn/scorecards/scorecard-render.ts';
import { parseMinSample, parseSubject, parseWeights } from '../../learn/scorecards/scorecard-config.ts';
import { loadCoachModel } from '../../runtime/analysis/load-coach-model.ts';
import { loadReplyEmpathy } from '../../runtime/act/reply-empathy-verdicts.ts';
import { openOutput } from '../../runtime/export/write-output.ts';
import { loadScorecards } from '../../runtime/learn/load-scorecards.ts';
import { checkRange, parseDateFlag } from '../date-flags.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseLang } from '../parse-flags.ts';

const USAGE = `Usage: ecoute scorecard [--by team|agent] [--since DATE] [--until DATE] [--weights nps=0.4,csat=0.3,...]
                        [--min N] [--format table|csv|json] [--out FILE] [--lang fr|en]

Scorecards for incentives: per team (default) or agent over a period, the customer metrics pay is
tied to (nps, csat, resolution, timeToClose, empathy, retention), each with the count it rests on,
combined by explicit weights. A metric under the minimum sample never counts, and a team or agent
whose weighted metrics do not all reach it is not ranked. Response rates and selection-bias warnings
are shown beside the figures.
  --by S         team (default) or agent (only survey answers that name the agent count for an agent)
  --since DATE   first day included (YYYY-MM-DD); --from is the same
  --until DATE   last day included (YYYY-MM-DD); --to is the same
  --weights W    metric=weight pairs, comma-separated; metrics left out weigh 0; normalised to sum 1
                 (default nps=0.25,csat=0.25,resolution=0.2,empathy=0.1,timeToClose=0.1,retention=0.1)
  --min N        minimum observations behind a figure before it counts (default 30)
  --format F     table (default), csv (spreadsheet-safe) or json
  --out FILE     write to FILE instead of standard output
  --lang L       fr or en for warnings and headings (default: the workspace language)
Empathy is the reply coach's verdict on each agent reply (models/coach.json); without that file, the
coach's cue lexicon, and the output says which.`;

const FORMATS = ['table', 'csv', 'json'] as const;

/** A date flag, its errors naming the flag the user typed. */
function dateFlag(name: '--since' | '--until', value: string | undefined): Date | undefined {
  try {
    return parseDateFlag(name === '--since' ? '--from' : '--to', value);
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(err.message.replace(/^--(from|to)/, name));
    throw err;
  }
}

/** `ecoute scorecard`: team or agent scorecards with weights, minimum samples and bias warnings. */
export const scorecardCommand: Command = {
  name: 'scorecard',
  summary: 'Scorecards for incentives per team or agent: weighted customer metrics, minimum samples, bias warnings (table, csv)',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseFlags(args, {
      options: {
        by: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
        weights: { type: 'string' }, min: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' },
      },
    }, USAGE);
    const format = values.format ?? 'table';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be table, csv or json, not "${format}".\n${USAGE}`);
    const config = { by: parseSubject(values.by), weights: parseWeights(values.weights), minSample: parseMinSample(values.min) };
    const since = dateFlag('--since', values.since ?? values.from);
    const until = dateFlag('--until', values.until ?? values.to);
    checkRange(since, until);
    const lang = parseLang(values.lang);
    const store = await ctx.openStore();
    try {
      const language = lang ?? (await store.ensureWorkspace(ctx.config.workspace)).settings.language;
      // The coach over the whole history (batches by month, so templates are found canned); the lexicon without its model file.
      const replies = await loadReplyEmpathy(store, ctx.config.workspace, () => loadCoachModel());
      const report = await loadScorecards(store, ctx.config.workspace, config, since, until, replies.verdicts);
      const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? scorecardCsv(report, language) : scorecardTable(report, language);
      const out = await openOutput(values.out, ctx.stdout);
      await out.write(text);
      await out.close();
      if (values.out) ctx.stderr.write(`Scorecards written to ${values.out} (${report.scorecards.length} ${config.by}s).\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
