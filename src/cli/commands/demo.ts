import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceSettings } from '../../core/workspace.ts';
import { computeInsights } from '../../insights/compute-insights.ts';
import type { Lang } from '../../core/lang.ts';
import { renderReportHtml } from '../../insights/render/report-html.ts';
import { renderReportMarkdown } from '../../insights/render/report-markdown.ts';
import { renderTerminalSummary } from '../../insights/render/terminal-summary.ts';
import { analyzePending } from '../../runtime/analysis/analyze-pending.ts';
import { loadInsightsInput } from '../../runtime/insights/load-insights-input.ts';
import { runImport } from '../../runtime/import/run-import.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseLang } from '../parse-flags.ts';
import { serveCommand } from './serve.ts';

const USAGE = `Usage: ecoute demo [--no-serve] [--lang fr|en] [--sample DIR]

The main job on the embedded default: ingests the bundled sample (a fictional bilingual telecom
company), analyses every customer message, prints a short summary, writes the report to
ECOUTE_REPORT_DIR (default ./reports) and serves the dashboard on http://localhost:4870 until Ctrl-C.
Running it again is safe: already imported records are skipped.
  --no-serve   do everything but serving
  --lang L     language of the summary and report (default: the workspace's, French)
  --sample D   import another folder instead of the bundled sample`;

/** The bundled sample, shipped with the package. */
export const SAMPLE_DIR = fileURLToPath(new URL('../../../sample/', import.meta.url));

/** The bundled sample's own brand (its reviews export also covers competitors). */
const SAMPLE_BRAND = 'Azur Télécom';

/**
 * The sample company's "signature moments" (Body): the emotion it wants customers to feel at each
 * stage, so the journey map shows the gap between intent and what customers actually say.
 */
const SAMPLE_DESIRED_EMOTIONS: WorkspaceSettings['desiredEmotions'] = {
  purchase: 'trust', onboarding: 'joy', delivery: 'joy', usage: 'trust', billing: 'trust', support: 'gratitude', renewal: 'trust',
};

/** Every importable file under `dir` (recursively), sorted so runs are reproducible. */
async function sampleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(csv|tsv|jsonl?|vtt|srt|txt|eml|mbox)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** `ecoute demo`: ingest → analyse → summarise → report → serve. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Ingest the bundled sample, analyse it, print a summary, write a report, serve the dashboard',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseFlags(args, { options: { 'no-serve': { type: 'boolean' }, lang: { type: 'string' }, sample: { type: 'string' } } }, USAGE);
    const langFlag = parseLang(values.lang);
    const files = await sampleFiles(values.sample ?? SAMPLE_DIR);
    const ws = ctx.config.workspace;
    const store = await ctx.openStore();
    try {
      let workspace = await store.ensureWorkspace(ws, `${SAMPLE_BRAND} (démo)`);
      // The bundled sample's Trustpilot export also lists two competitors: name the own brand so their
      // reviews feed the competitor comparison, not our themes. Another --sample is left as the user set it.
      if (values.sample === undefined && !workspace.settings.brand) {
        const desiredEmotions = Object.keys(workspace.settings.desiredEmotions).length > 0
          ? workspace.settings.desiredEmotions
          : SAMPLE_DESIRED_EMOTIONS;
        workspace = await store.updateWorkspaceSettings(ws, { ...workspace.settings, brand: SAMPLE_BRAND, desiredEmotions });
      }
      const lang: Lang = langFlag ?? workspace.settings.language;
      ctx.stderr.write(`Importing ${files.length} sample files…\n`);
      const imported = await runImport({ store, workspaceId: ws, files, sourceName: 'sample', clock: ctx.clock });
      const t = imported.totals;
      ctx.stderr.write(
        `Imported ${t.inserted} new records (${t.skipped} already there, ${t.rejected} rejected) from ${t.rows} rows.\n`,
      );
      for (const f of imported.files) for (const r of f.rejected) ctx.stderr.write(`  ${r.file}:${r.line}: ${r.reason}\n`);
      const model = await ctx.loadModel();
      const analysed = await analyzePending(store, ws, model, { workers: ctx.config.workers || undefined });
      ctx.stderr.write(`Analysed ${analysed} customer messages with model ${model.version}.\n\n`);

      const insights = computeInsights({ ...(await loadInsightsInput(store, ws, ctx.clock())), settings: { ...workspace.settings, language: lang } });
      ctx.stdout.write(renderTerminalSummary(insights, lang));
      const dir = resolve(ctx.config.reportDir);
      await mkdir(dir, { recursive: true });
      const html = join(dir, 'ecoute-report.html');
      await writeFile(html, renderReportHtml(insights, lang));
      await writeFile(join(dir, 'ecoute-report.md'), renderReportMarkdown(insights, lang));
      await writeFile(join(dir, 'ecoute-report.json'), `${JSON.stringify(insights, null, 2)}\n`);
      ctx.stdout.write(`\nReport written to ${html} (also .md and .json).\n`);
    } finally {
      await store.close();
    }
    if (values['no-serve']) return 0;
    return serveCommand.run([], ctx);
  },
};
