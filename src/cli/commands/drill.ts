/**
 * `ecoute drill [--lang fr|en] [--count N] [--format text|json]`: prints this week's empathy drill
 * (real, redacted customer messages; the same for everyone this week). `ecoute drill progress`:
 * participation and mean scores per team and participant, by week. Attempts are made in the
 * dashboard or through POST /api/drills/attempts.
 */
import { drillProgress } from '../../act/drills/drill-progress.ts';
import { renderDrill, renderDrillProgress } from '../../act/drills/drill-render.ts';
import { UsageError } from '../../core/errors.ts';
import { loadWeeklyDrill } from '../../runtime/drills/weekly-drill.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseLang, parseTextOrJson } from '../parse-flags.ts';

const USAGE = `Usage: ecoute drill [progress] [--lang fr|en] [--count N] [--format text|json]

  ecoute drill            this week's empathy drill: customer messages to read (what do they feel,
                          what do they need?) and answer; the same for everyone all week
  ecoute drill progress   participation and mean reading and reply scores per team and participant

Options:
  --lang L     fr or en (default: the workspace language; also the messages' preferred language)
  --count N    scenarios (1-10, default 3)
  --format F   text (default) or json`;

/** `ecoute drill`: this week's drill, or the drills' progress. */
export const drillCommand: Command = {
  name: 'drill',
  summary: "This week's empathy drill from real customer messages, or the drills' progress per team",
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseFlags(args, { allowPositionals: true, options: {
      lang: { type: 'string' }, count: { type: 'string' }, format: { type: 'string' },
    } }, USAGE);
    const sub = positionals[0] ?? 'show';
    if (positionals.length > 1 || (sub !== 'show' && sub !== 'progress')) throw new UsageError(`Unknown drill command "${positionals.join(' ')}". ${USAGE}`);
    const format = parseTextOrJson(values.format);
    const count = values.count === undefined ? undefined : Number(values.count);
    if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 10)) throw new UsageError(`--count must be a whole number from 1 to 10, not "${values.count}".`);
    let lang = parseLang(values.lang);
    const store = await ctx.openStore();
    try {
      lang ??= (await store.ensureWorkspace(ctx.config.workspace)).settings.language;
      if (sub === 'progress') {
        const progress = drillProgress(await store.listDrillAttempts(ctx.config.workspace, { mode: 'drill' }), lang === 'fr' ? 'Sans équipe' : 'No team');
        ctx.stdout.write(format === 'json' ? `${JSON.stringify(progress, null, 2)}\n` : renderDrillProgress(progress, lang));
        return 0;
      }
      const drill = await loadWeeklyDrill(store, ctx.config.workspace, ctx.clock(), { count, language: lang });
      ctx.stdout.write(format === 'json' ? `${JSON.stringify(drill, null, 2)}\n` : renderDrill(drill.week, drill.scenarios, lang));
      return 0;
    } finally {
      await store.close();
    }
  },
};
