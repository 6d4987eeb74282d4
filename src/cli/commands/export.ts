import { UsageError } from '../../core/errors.ts';
import { openOutput } from '../../runtime/export/write-output.ts';
import { CSV_HEADER, csvLine, exportRecord } from '../../runtime/export/export-records.ts';
import { labelledRecords } from '../../runtime/export/labelled-records.ts';
import type { Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';

const USAGE = `Usage: ecoute export [--format jsonl|csv] [--out FILE]
       ecoute export --labelled [--out DIR/messages.jsonl]

Exports every message with its analysis, one record per message, oldest first (streamed: any size).
  --format F   jsonl (default: one JSON object a line) or csv (RFC 4180, UTF-8, header row)
  --out FILE   write to FILE instead of standard output
  --labelled   only the messages people corrected, as labelled data in the Écoute corpus format
               (corrected fields: the person's value; the others: the model's). Train on them with
               npm run train -- --extra DIR (every *.jsonl of DIR is read)`;

/** `ecoute export`: streams message facts out of the store. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Export every message with its analysis (jsonl or csv)',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseFlags(args, { options: { format: { type: 'string' }, out: { type: 'string' }, labelled: { type: 'boolean' } } }, USAGE);
    const format = values.format ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'csv') throw new UsageError(`--format must be jsonl or csv, not "${format}".\n${USAGE}`);
    if (values.labelled && format !== 'jsonl') throw new UsageError(`--labelled writes JSONL (the training corpus format): leave out --format ${format}.\n${USAGE}`);
    const store = await ctx.openStore();
    try {
      const out = await openOutput(values.out, ctx.stdout);
      let count = 0;
      try {
        if (values.labelled) {
          for await (const lines of labelledRecords(store, ctx.config.workspace)) {
            await out.write(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
            count += lines.length;
          }
        } else {
          if (format === 'csv') await out.write(csvLine(CSV_HEADER));
          for await (const page of store.iterateMessageFacts(ctx.config.workspace, {}, 1000)) {
            let chunk = '';
            for (const fact of page) {
              if (format === 'csv') {
                const record = exportRecord(fact);
                chunk += csvLine(CSV_HEADER.map((h) => record[h]));
              } else {
                chunk += `${JSON.stringify(fact)}\n`;
              }
              count++;
            }
            await out.write(chunk);
          }
        }
      } finally {
        await out.close();
      }
      if (values.out) ctx.stderr.write(`Exported ${count} ${values.labelled ? 'corrected (labelled) ' : ''}messages to ${values.out}.\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
