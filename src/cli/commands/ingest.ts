import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InputError, UsageError } from '../../core/errors.ts';
import { analyzePending } from '../../runtime/analysis/analyze-pending.ts';
import { enqueueImportedAnalysis } from '../../runtime/jobs/enqueue-after-import.ts';
import { describeIgnored } from '../../ingest/import-schema.ts';
import { formatPreview } from '../../ingest/preview.ts';
import { previewImport, runImport, type FileSummary, type ImportProgress } from '../../runtime/import/run-import.ts';
import { DEFAULT_RETRY } from '../../runtime/import/retry-transient.ts';
import type { RowError } from '../../ingest/row-error.ts';
import type { Command } from '../command.ts';

const USAGE = `Usage: ecoute ingest FILE... [--source NAME] [--map mapping.json] [--channel C] [--no-analyze] [--dry-run]

Imports customer feedback: CSV/TSV (comma, semicolon or tab; UTF-8 or Windows-1252), JSON/JSONL,
transcripts (.vtt, .srt, .txt "Speaker: text"), e-mail (.eml, .mbox). Personal data (e-mails, phones,
IBAN, card and social security numbers) is redacted before storage. Re-importing a file adds nothing,
whatever --source it is given.
  --source NAME      source name (default: the file name); part of each record's identity
  --map FILE         JSON mapping of columns, e.g. {"columns": {"text": "Verbatim", "nps": "Reco"}}
  --channel C        force the channel: ticket, email, chat, call, survey, review, social
  --no-analyze       only import: the messages stay unanalysed until the next \`ecoute ingest\` without
                     --no-analyze (or a POST /api/messages) analyses every pending one; \`ecoute serve\`
                     does not analyse them
  --dry-run          write nothing: show per file the format, encoding, delimiter, kind, channel, each
                     column's field (or ignored), roles and the first 5 records as they would be stored
Exit status: 0 all imported, 3 some rows rejected (listed as file:line: reason), 1 fatal, 2 usage.`;

/** "1 203" — thin groups as in the French convention, readable in English output too. */
function n(x: number): string {
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * Summary for a file: one line, plus one naming the columns nothing read. Says so explicitly when a
 * re-import added nothing, and when the same bytes were imported before under another source.
 */
export function summaryLine(f: FileSummary): string {
  if (f.alreadyImported) {
    const day = f.alreadyImported.importedAt.toISOString().slice(0, 10);
    return `${f.file}: already imported on ${day} as source ${f.alreadyImported.sourceName}: nothing added`;
  }
  const parts = [`${n(f.rows)} rows`, `${n(f.inserted)} new`];
  if (f.updated) parts.push(`${n(f.updated)} updated with new messages`);
  parts.push(`${n(f.skipped)} already imported`, `${n(f.rejectedCount)} rejected`);
  if (f.ignored) parts.push(`${n(f.ignored)} empty ignored`);
  if (f.warningCount) parts.push(`${n(f.warningCount)} warning${f.warningCount === 1 ? '' : 's'}`);
  const noop = f.inserted === 0 && f.updated === 0 && f.skipped > 0 ? ' (nothing new: already imported)' : '';
  const elsewhere = f.storedElsewhere ? `\n${f.file}: ${n(f.storedElsewhere.count)} already imported as source ${f.storedElsewhere.sourceName} (same id and text): not added again` : '';
  const ignored = describeIgnored(f.ignoredColumns);
  return `${f.file}: ${parts.join(', ')}${noop}${elsewhere}${ignored ? `\n${f.file}: ${ignored}` : ''}`;
}

/** "file:line: warning: reason" (line 0: the file or a record as a whole). */
function warningLine(w: RowError): string {
  return `${w.file}${w.line > 0 ? `:${w.line}` : ''}: warning: ${w.reason}\n`;
}

/** Throttled single-line progress bar on stderr (TTY only). */
function progressBar(stderr: NodeJS.WritableStream): { update(p: ImportProgress): void; done(): void } {
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.bytes < p.totalBytes) return;
      last = now;
      const ratio = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : 1;
      const width = 24;
      const fill = Math.round(ratio * width);
      stderr.write(`\r${p.file} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${Math.round(ratio * 100)}% ${n(p.rows)} rows`);
      shown = true;
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** `ecoute ingest`: stream files into the store, then analyse new customer messages. */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Import files (CSV/TSV, JSON/JSONL, transcripts, e-mail) with PII redaction',
  usage: USAGE,
  async run(args, ctx) {
    let values: { source?: string; map?: string; channel?: string; 'no-analyze'?: boolean; 'dry-run'?: boolean };
    let files: string[];
    try {
      ({ values, positionals: files } = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          source: { type: 'string' }, map: { type: 'string' }, channel: { type: 'string' }, 'no-analyze': { type: 'boolean' },
          'dry-run': { type: 'boolean' },
        },
      }));
    } catch (err) {
      throw new UsageError(`${(err as Error).message}\n${USAGE}`);
    }
    if (files.length === 0) throw new UsageError(`ecoute ingest needs at least one file.\n${USAGE}`);
    let mapping: unknown;
    if (values.map !== undefined) {
      let raw: string;
      try {
        raw = await readFile(values.map, 'utf8');
      } catch {
        throw new InputError(`Mapping file not found: ${values.map}. Check the path given to --map.`);
      }
      try {
        mapping = JSON.parse(raw);
      } catch (err) {
        throw new InputError(`Mapping file ${values.map} is not valid JSON (${(err as Error).message}). Fix it and run again.`);
      }
    }
    if (values['dry-run']) {
      // No store is opened: a dry run cannot write, whatever happens.
      const previews = await previewImport({ files, sourceName: values.source, mapping, channel: values.channel, clock: ctx.clock });
      let rejected = 0;
      for (const { file, format, preview } of previews) {
        for (const e of preview.rejected) ctx.stderr.write(`${e.file}:${e.line}: ${e.reason}\n`);
        for (const w of preview.warnings) ctx.stderr.write(warningLine(w));
        const unlisted = preview.rejectedCount - preview.rejected.length;
        if (unlisted > 0) ctx.stderr.write(`${file}: … and ${n(unlisted)} more rejected rows (the first ${n(preview.rejected.length)} are listed)\n`);
        ctx.stdout.write(formatPreview(file, format, preview));
        rejected += preview.rejectedCount;
      }
      return rejected > 0 ? 3 : 0;
    }
    const bar = ctx.isTTY ? progressBar(ctx.stderr) : null;
    const store = await ctx.openStore();
    try {
      const summary = await runImport({
        store,
        workspaceId: ctx.config.workspace,
        files,
        sourceName: values.source,
        mapping,
        channel: values.channel,
        clock: ctx.clock,
        onProgress: bar ? (p) => bar.update(p) : undefined,
        // A database restart mid-import: say so and wait, instead of failing with the driver's error.
        retry: {
          ...DEFAULT_RETRY,
          onRetry: (r) => {
            bar?.done();
            ctx.stderr.write(`ecoute ingest: the database is not answering while ${r.what} (${r.reason}); try ${r.attempt + 1} of ${DEFAULT_RETRY.delaysMs.length + 1} in ${Math.round(r.waitMs / 1000)} s\n`);
          },
        },
      });
      bar?.done();
      for (const f of summary.files) {
        for (const e of f.rejected) ctx.stderr.write(`${e.file}:${e.line}: ${e.reason}\n`);
        for (const w of f.warnings) ctx.stderr.write(warningLine(w));
        if (f.warningCount > f.warnings.length) ctx.stderr.write(`${f.file}: … and ${n(f.warningCount - f.warnings.length)} more warnings\n`);
        const unlisted = f.rejectedCount - f.rejected.length;
        if (unlisted > 0) ctx.stderr.write(`${f.file}: … and ${n(unlisted)} more rejected rows (the first ${n(f.rejected.length)} are listed); fix those and re-import: accepted rows are kept\n`);
        ctx.stdout.write(summaryLine(f) + '\n');
      }
      if (summary.files.length > 1) {
        const t = summary.totals;
        ctx.stdout.write(`total: ${n(t.rows)} rows, ${n(t.inserted)} new, ${n(t.updated)} updated, ${n(t.skipped)} already imported, ${n(t.rejected)} rejected\n`);
      }
      // ECOUTE_QUEUE=1 on PostgreSQL: `ecoute worker` processes analyse; null: analyse here.
      const queued = values['no-analyze'] ? null : await enqueueImportedAnalysis(store, ctx.config, ctx.config.workspace, (await ctx.loadModel()).version, ctx.stderr);
      if (queued) ctx.stdout.write(`queued ${n(queued.messages)} messages to analyse in ${n(queued.jobs)} jobs for \`ecoute worker\`\n`);
      if (!values['no-analyze'] && !queued) {
        const model = await ctx.loadModel();
        let lastDraw = 0;
        let alerts = 0;
        const analysed = await analyzePending(store, ctx.config.workspace, model, {
          workers: ctx.config.workers || undefined,
          // Alert rules run on the new messages; their links point at ECOUTE_PUBLIC_URL.
          rules: { clock: ctx.clock, publicUrl: ctx.config.publicUrl ?? null },
          onAlerts: (e) => { alerts += e.alerts; },
          onProgress: bar
            ? (done, total) => {
                const now = Date.now();
                if (now - lastDraw < 100 && done < total) return;
                lastDraw = now;
                ctx.stderr.write(`\ranalysing ${n(done)}/${n(total)}`);
              }
            : undefined,
        });
        if (bar) ctx.stderr.write('\r\x1b[K');
        ctx.stdout.write(`analysed ${n(analysed)} new messages\n`);
        if (alerts > 0) ctx.stdout.write(`raised ${n(alerts)} alert${alerts === 1 ? '' : 's'} (see \`ecoute alerts\`)\n`);
      }
      return summary.totals.rejected > 0 ? 3 : 0;
    } finally {
      bar?.done();
      await store.close();
    }
  },
};
