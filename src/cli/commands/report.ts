import { UsageError } from '../../core/errors.ts';
import { computeInsights } from '../../insights/compute-insights.ts';
import { renderReportHtml } from '../../insights/render/report-html.ts';
import { renderReportMarkdown } from '../../insights/render/report-markdown.ts';
import { loadInsightsInput } from '../../runtime/insights/load-insights-input.ts';
import { openOutput } from '../../runtime/export/write-output.ts';
import { checkRange, parseDateFlag } from '../date-flags.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseLang } from '../parse-flags.ts';

const USAGE = `Usage: ecoute report [--format md|html|json] [--out FILE] [--lang fr|en] [--from DATE --to DATE]

Writes the insights report: scores with confidence intervals, journey emotion map, themes and key
drivers, emerging themes, personas, customers at risk, brands, spikes, EX–CX link.
  --format F   md (default), html (self-contained page) or json (the Insights object)
  --out FILE   write to FILE instead of standard output
  --lang L     fr or en (default: the workspace language)
  --from DATE  first day included (YYYY-MM-DD)
  --to DATE    last day included (YYYY-MM-DD)`;

const FORMATS = ['md', 'html', 'json'] as const;

/** `ecoute report`: computes insights from the store and renders them. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the insights report (md, html or json)',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseFlags(
      args,
      { options: { format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } },
      USAGE,
    );
    const format = values.format ?? 'md';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be md, html or json, not "${format}".\n${USAGE}`);
    const lang = parseLang(values.lang);
    const from = parseDateFlag('--from', values.from);
    const to = parseDateFlag('--to', values.to);
    checkRange(from, to);

    const store = await ctx.openStore();
    try {
      const input = await loadInsightsInput(store, ctx.config.workspace, ctx.clock(), { from, to });
      const insights = computeInsights(input);
      const text = format === 'json'
        ? `${JSON.stringify(insights, null, 2)}\n`
        : format === 'html' ? renderReportHtml(insights, lang ?? insights.language) : renderReportMarkdown(insights, lang ?? insights.language);
      const out = await openOutput(values.out, ctx.stdout);
      await out.write(text);
      await out.close();
      if (values.out) ctx.stderr.write(`Report written to ${values.out} (${insights.messages.customer} customer messages).\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
