import { UsageError } from '../../core/errors.ts';
import { computeInsights } from '../../insights/compute-insights.ts';
import { caseFiguresSection } from '../../act/cases/case-figures-section.ts';
import { buildReportDocument } from '../../insights/render/report-document.ts';
import { renderDocumentHtml } from '../../insights/render/report-html.ts';
import { renderDocumentMarkdown } from '../../insights/render/report-markdown.ts';
import { loadReplyEmpathy } from '../../runtime/act/reply-empathy-verdicts.ts';
import { loadCoachModel } from '../../runtime/analysis/load-coach-model.ts';
import { loadCaseFigures } from '../../runtime/cases/load-case-figures.ts';
import { loadInsightsInput } from '../../runtime/insights/load-insights-input.ts';
import { exCxLagSection } from '../../learn/ex-cx/lag-section.ts';
import { exCxLagsFromFacts } from '../../learn/ex-cx/lags-from-facts.ts';
import { openOutput } from '../../runtime/export/write-output.ts';
import { checkRange, parseDateFlag } from '../date-flags.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseLang } from '../parse-flags.ts';

const USAGE = `Usage: ecoute report [--format md|html|json] [--out FILE] [--lang fr|en] [--from DATE --to DATE]

Writes the insights report: scores with confidence intervals, journey emotion map, themes and key
drivers, emerging themes, personas, customers at risk, brands, spikes, EX–CX link, and (md, html) Act:
how cases close the loop (first response, time to close, overdue, reopened, recovery; all cases).
  --format F   md (default), html (self-contained page) or json (the Insights object, with exCxLags:
               EX → CX correlations at lags of 0 to 6 months, intervals, warning, published anchors)
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
      // EX → CX over time (lags 0–6 months) needs the facts by month, which Insights does not keep;
      // reply empathy is the coach's verdict, as on the dashboard (the lexicon without its model file).
      const replies = await loadReplyEmpathy(store, ctx.config.workspace, () => loadCoachModel());
      const exCxLags = exCxLagsFromFacts({ ...input, brand: input.settings.brand, replyVerdicts: replies.verdicts });
      let text = `${JSON.stringify({ ...insights, exCxLags }, null, 2)}\n`;
      if (format !== 'json') {
        // Act's section (cases closing the loop) is appended to the document; the JSON has no Act part.
        const doc = buildReportDocument(insights, lang ?? insights.language);
        const exCxAt = doc.sections.findIndex((x) => x.id === 'ex-cx');
        doc.sections.splice(exCxAt < 0 ? doc.sections.length : exCxAt + 1, 0, exCxLagSection(exCxLags, doc.lang));
        doc.sections.push(caseFiguresSection(await loadCaseFigures(store, ctx.config.workspace, ctx.clock()), doc.lang));
        text = format === 'html' ? renderDocumentHtml(doc) : renderDocumentMarkdown(doc);
      }
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
