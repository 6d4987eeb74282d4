/**
 * `ecoute analyze [FILE|-] --format jsonl`: analyses JSONL messages {"id","text","lang"?,"customer"?} without
 * touching the database and writes one line per input line, in order: {"id", ...Analysis}. A bad line
 * gives {"id"?, "line", "error": {"code","message"}} on stdout and a message on stderr; the batch
 * goes on and the exit status is 3. Streams: input is read and written chunk by chunk.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { errorLine, openJsonlInput, writeOut } from '../jsonl-io.ts';
import { UsageError } from '../../core/errors.ts';
import type { Analysis } from '../../core/analysis.ts';
import { AnalyzePool, analyzeItems, type PoolItem } from '../../runtime/analysis/analyze-pool.ts';

const USAGE = `Usage: ecoute analyze [FILE|-] [--format jsonl] [--workers N] [--lang-prior fr|en] [--not-customer]
       ecoute analyze --text "Je vais voir ailleurs" [--lang fr|en] [--not-customer]

Reads JSON lines {"id": ..., "text": "...", "lang": "fr"} (FILE, or stdin when FILE is "-" or absent)
and writes one JSON line per input line, in order: {"id": ..., "language", "sentiment", "emotions",
"needs", "themes", "stage", "signals", "reason"}. Nothing is stored.
Each text is read as a customer's message, as Écoute reads the customer messages it stores; a line
with "customer": false (or every line, with --not-customer) is text of unknown origin, for which the
analyser guesses whether a customer wrote it.
A bad line yields {"line": n, "error": {"code", "message"}} and the run exits with status 3.

Options:
  --text T         analyse this one message instead of a file (its result is one JSON line)
  --lang L         with --text: the message's language, when known
  --format jsonl   output format (only jsonl)
  --workers N      worker threads for large inputs (default 1)
  --lang-prior L   language to prefer (fr or en) when a line's words could be either, e.g.
                   "Facture incorrecte"; a line's own "lang" still wins
  --not-customer   the texts are not known to be customers' messages (a line's own "customer" still wins)`;

const CHUNK = 1000;

type Parsed = { ok: true; id: unknown; item: PoolItem } | { ok: false; line: number; id?: unknown; code: string; message: string };

/** Parses one input line (1-based `line`). */
export function parseLine(raw: string, line: number): Parsed {
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch {
    return { ok: false, line, code: 'bad_input', message: `line ${line}: not valid JSON; write one JSON object per line, e.g. {"id": "1", "text": "..."}` };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    return { ok: false, line, code: 'bad_input', message: `line ${line}: expected a JSON object with a "text" field` };
  }
  const o = obj as Record<string, unknown>;
  const id = o.id;
  if (typeof o.text !== 'string') {
    return { ok: false, line, id, code: 'bad_input', message: `line ${line}: missing "text" (a string); add the message text as "text"` };
  }
  const lang = typeof o.lang === 'string' ? o.lang : undefined;
  if (o.customer !== undefined && typeof o.customer !== 'boolean') {
    return { ok: false, line, id, code: 'bad_input', message: `line ${line}: "customer" must be true or false, got ${JSON.stringify(o.customer)}; leave it out for a customer's message` };
  }
  return { ok: true, id: id ?? null, item: { text: o.text, lang, ...(typeof o.customer === 'boolean' ? { customer: o.customer } : {}) } };
}

/** `ecoute analyze`: JSONL in, one analysis per line out, no database. */
export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Analyse JSONL messages (emotion, need, reason, theme, stage, risk) without the database',
  usage: USAGE,
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { text: { type: 'string' }, lang: { type: 'string' }, format: { type: 'string', default: 'jsonl' }, workers: { type: 'string', default: '1' }, 'lang-prior': { type: 'string' }, 'not-customer': { type: 'boolean', default: false } } });
    } catch (err) {
      throw new UsageError(`${(err as Error).message}. ${USAGE}`);
    }
    const { format, workers: workersArg } = parsed.values;
    if (format !== 'jsonl') throw new UsageError(`Unknown --format "${format}": only "jsonl" is supported.`);
    const workers = Number(workersArg);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a positive integer, got "${workersArg}".`);
    const langPrior = parsed.values['lang-prior'];
    if (langPrior !== undefined && langPrior !== 'fr' && langPrior !== 'en') {
      throw new UsageError(`--lang-prior must be fr or en, got "${langPrior}".`);
    }
    const { text: oneText, lang } = parsed.values;
    const customer = !parsed.values['not-customer'];
    if (lang !== undefined && oneText === undefined) throw new UsageError('--lang goes with --text; in a file, give each line its own "lang".');
    if (oneText !== undefined) {
      if (parsed.positionals.length > 0) throw new UsageError(`Give either --text or an input file, not both. ${USAGE}`);
      if (oneText.trim() === '') throw new UsageError('--text is empty: give the message to analyse, e.g. --text "Uninstalled, bye."');
      const model = await ctx.loadModel();
      const [result] = analyzeItems([{ text: oneText, lang, langPrior, customer }], model);
      await writeOut(ctx.stdout, JSON.stringify({ id: null, ...result }) + '\n');
      return 0;
    }
    if (parsed.positionals.length > 1) throw new UsageError(`Give at most one input file (to analyse a sentence, use --text "…"). ${USAGE}`);
    const file = parsed.positionals[0] ?? '-';
    const model = await ctx.loadModel();
    const input = await openJsonlInput(file, ctx.stdin).catch((err: unknown) => {
      // A newcomer's first try is often `ecoute analyze "Uninstalled, bye."`: say how to do that.
      if (err instanceof UsageError && /\s/.test(file.trim())) {
        throw new UsageError(`${err.message} To analyse a sentence rather than a file, use --text: ecoute analyze --text ${JSON.stringify(file)}`);
      }
      throw err;
    });
    const pool = workers > 1 ? new AnalyzePool(model, workers) : null;
    let failed = 0;
    let lineNo = 0;
    let chunk: Parsed[] = [];
    const flush = async () => {
      const good = chunk.filter((p): p is Extract<Parsed, { ok: true }> => p.ok);
      for (const g of good) {
        if (langPrior) g.item.langPrior = langPrior;
        g.item.customer ??= customer;
      }
      const results: Analysis[] = pool && good.length > 200
        ? await pool.run(good.map((g) => g.item))
        : analyzeItems(good.map((g) => g.item), model);
      let k = 0;
      let text = '';
      for (const p of chunk) {
        if (p.ok) text += JSON.stringify({ id: p.id, ...results[k++] }) + '\n';
        else {
          failed++;
          text += errorLine(p);
          ctx.stderr.write(`ecoute analyze: ${p.message}\n`);
        }
      }
      chunk = [];
      await writeOut(ctx.stdout, text);
    };
    try {
      const rl = createInterface({ input, crlfDelay: Infinity });
      for await (const raw of rl) {
        lineNo++;
        if (raw.trim() === '') continue;
        chunk.push(parseLine(raw, lineNo));
        if (chunk.length >= CHUNK) await flush();
      }
      await flush();
    } finally {
      await pool?.close();
    }
    if (failed > 0) ctx.stderr.write(`ecoute analyze: ${failed} line(s) rejected; see the "error" lines in the output.\n`);
    return failed > 0 ? 3 : 0;
  },
};
