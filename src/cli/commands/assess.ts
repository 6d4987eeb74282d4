import { readFile } from 'node:fs/promises';
import { InputError, UsageError } from '../../core/errors.ts';
import type { Lang } from '../../core/lang.ts';
import { parseAssessmentInput, type AssessmentInput } from '../../learn/maturity/assessment-input.ts';
import { localizeQuestionnaire, renderQuestionnaire } from '../../learn/maturity/render-questionnaire.ts';
import { renderAssessment, renderHistory } from '../../learn/maturity/render-result.ts';
import { validateAnswers } from '../../learn/maturity/score-assessment.ts';
import { recordAssessment } from '../../runtime/learn/record-assessment.ts';
import type { Command } from '../command.ts';
import { parseFlags, parseLang } from '../parse-flags.ts';

const USAGE = `Usage: ecoute assess --questions | --answers FILE.json | --history [--lang fr|en] [--format text|json|md]

The CX maturity self-assessment: 30 questions over the empathy flywheel (listen, understand, act,
learn) and the empathy muscle (strategy, leadership, people, systems), answered 1–5.
  --questions      print the questionnaire and an answers-file template
  --answers FILE   score FILE ({"answers": {"listen-channels": 3, ...}, "evidence": {...}}), store the
                   result and print dimension scores, the stage on the maturity curve (transactional,
                   interaction, engagement, empathy), the change since last time and three next actions;
                   each action cites its evidence: the workspace's NPS (30 answers or more) unless
                   the file gives one, and the figures the file gives; the rest is said to be unknown
  --history        list past results, newest first
  --lang L         fr or en (default: the workspace language)
  --format F       text (default), md or json`;

const FORMATS = ['text', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];

/** Reads and checks an answers file, answers included; InputError (exit 1) names the file, the problem and the fix. */
async function readAnswersFile(path: string): Promise<AssessmentInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`Answers file not found or unreadable: ${path}. Check the path given to --answers (\`ecoute assess --questions\` prints a template).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(`Answers file ${path} is not valid JSON (${(err as Error).message}). Fix it and run again.`);
  }
  const parsed = parseAssessmentInput(raw);
  if (!parsed.ok) throw new InputError(`Answers file ${path}: ${parsed.problem}.`, { field: parsed.field });
  // Every answer is checked here too, so that a bad file is refused before the store is opened.
  validateAnswers(parsed.input.answers);
  return parsed.input;
}

/** `ecoute assess`: the CX maturity questionnaire, scoring (stored) and history. */
export const assessCommand: Command = {
  name: 'assess',
  summary: 'CX maturity self-assessment: questionnaire, scores, maturity stage, next actions, history',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseFlags(
      args,
      { options: { questions: { type: 'boolean' }, answers: { type: 'string' }, history: { type: 'boolean' }, lang: { type: 'string' }, format: { type: 'string' } } },
      USAGE,
    );
    const modes = [values.questions, values.answers !== undefined, values.history].filter(Boolean).length;
    if (modes !== 1) throw new UsageError(`Give exactly one of --questions, --answers FILE or --history.\n${USAGE}`);
    const format = (values.format ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json or md, not "${values.format}".\n${USAGE}`);
    const flagLang = parseLang(values.lang);
    // The file is checked before the store is opened: a bad file must leave nothing behind.
    const input = values.answers !== undefined ? await readAnswersFile(values.answers) : undefined;

    const store = await ctx.openStore();
    try {
      const ws = ctx.config.workspace;
      const settings = (await store.ensureWorkspace(ws)).settings;
      const lang: Lang = flagLang ?? input?.lang ?? settings.language;
      let out: string;
      if (values.questions) {
        out = format === 'json' ? `${JSON.stringify(localizeQuestionnaire(lang), null, 2)}\n` : renderQuestionnaire(lang, format);
      } else if (input) {
        const view = await recordAssessment(store, ws, input, flagLang);
        out = format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : renderAssessment(view, format);
      } else {
        const rows = await store.listAssessments(ws);
        out = format === 'json' ? `${JSON.stringify({ assessments: rows }, null, 2)}\n` : renderHistory(rows, lang, format);
      }
      ctx.stdout.write(out);
      return 0;
    } finally {
      await store.close();
    }
  },
};
