/**
 * `ecoute coach [FILE|-] --format jsonl`: coaches agent replies {"id","customer","reply","lang"?}
 * without touching the database and writes one line per input line, in order: {"id", "score",
 * "dimensions", "canned", "suggestions"}. The whole input is one batch, so a reply that nearly
 * duplicates one sent to another customer is flagged canned. A bad line gives {"id"?, "line",
 * "error": {"code","message"}} on stdout and a message on stderr; the others are still coached and
 * the exit status is 3.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { errorLine, openJsonlInput, writeOut } from '../jsonl-io.ts';
import { UsageError } from '../../core/errors.ts';
import { coachBatch } from '../../act/coach/coach.ts';
import { ITEM_SHAPE, parseCoachItem } from '../../act/coach/coach-input.ts';
import type { CoachInput } from '../../act/coach/coach-model.ts';
import { loadCoachModel } from '../../runtime/analysis/load-coach-model.ts';

const USAGE = `Usage: ecoute coach [FILE|-] [--format jsonl]

Reads JSON lines {"id": ..., "customer": "the customer's message", "reply": "the agent's draft",
"lang": "fr"|"en" (optional)} (FILE, or stdin when FILE is "-" or absent) and writes one JSON line
per input line, in order: {"id", "score" (0-100), "dimensions" {"emotionalReaction",
"interpretation", "exploration", "ownership", "personalization"} (0-2), "canned", "suggestions"}.
Replies nearly identical to one sent to another customer of the same input are canned.
A bad line yields {"line": n, "error": {"code", "message"}} and the run exits with status 3.

Options:
  --format jsonl   output format (only jsonl)`;

type Parsed = { ok: true; line: number; item: CoachInput } | { ok: false; line: number; id?: unknown; message: string };

/** Parses one input line (1-based `line`) into a coach item or a message naming the line and the fix. */
export function parseCoachLine(raw: string, line: number): Parsed {
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch {
    return { ok: false, line, message: `line ${line}: not valid JSON; write one JSON object per line, e.g. {"id": "1", "customer": "...", "reply": "..."}` };
  }
  const parsed = parseCoachItem(obj);
  if (parsed.ok) return { ok: true, line, item: parsed.item };
  return { ok: false, line, id: parsed.id, message: `line ${line}: ${parsed.problem}; each line needs ${ITEM_SHAPE}` };
}

/** `ecoute coach`: JSONL replies in, one coaching result per line out, no database. */
export const coachCommand: Command = {
  name: 'coach',
  summary: 'Coach agent replies (empathy, ownership, personalization, canned) from JSONL, without the database',
  usage: USAGE,
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'jsonl' } } });
    } catch (err) {
      throw new UsageError(`${(err as Error).message}. ${USAGE}`);
    }
    if (parsed.values.format !== 'jsonl') throw new UsageError(`Unknown --format "${parsed.values.format}": only "jsonl" is supported.`);
    if (parsed.positionals.length > 1) throw new UsageError(`Give at most one input file. ${USAGE}`);
    const file = parsed.positionals[0] ?? '-';
    const input = await openJsonlInput(file, ctx.stdin);
    const model = await loadCoachModel();
    // Near-duplicates are looked for across the whole input, so it is read in full before coaching.
    const lines: Parsed[] = [];
    let lineNo = 0;
    for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
      lineNo++;
      if (raw.trim() !== '') lines.push(parseCoachLine(raw, lineNo));
    }
    const good = lines.filter((p): p is Extract<Parsed, { ok: true }> => p.ok);
    const results = coachBatch(good.map((g) => g.item), model);
    let k = 0;
    let failed = 0;
    for (const p of lines) {
      if (p.ok) {
        await writeOut(ctx.stdout, JSON.stringify(results[k++]) + '\n');
        continue;
      }
      failed++;
      await writeOut(ctx.stdout, errorLine({ ...p, code: 'bad_input' }));
      ctx.stderr.write(`ecoute coach: ${p.message}\n`);
    }
    if (failed > 0) ctx.stderr.write(`ecoute coach: ${failed} line(s) rejected; see the "error" lines in the output.\n`);
    return failed > 0 ? 3 : 0;
  },
};
