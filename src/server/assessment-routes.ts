/**
 * The CX maturity self-assessment over HTTP: the questionnaire, scoring a submission (stored, with
 * the change since the previous one and three next actions), and the history of results.
 */
import type { Hono } from 'hono';
import { UsageError } from '../core/errors.ts';
import type { Lang } from '../core/lang.ts';
import { INPUT_SHAPE, parseAssessmentInput } from '../learn/maturity/assessment-input.ts';
import { localizeQuestionnaire } from '../learn/maturity/render-questionnaire.ts';
import { recordAssessment } from '../runtime/learn/record-assessment.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

/** Most results GET /api/assessments answers (newest first); a workspace assesses itself a few times a year. */
const HISTORY_LIMIT = 200;

/** `?lang=` when given (fr|en, else a 400 naming the fix), otherwise the workspace language. */
async function requestLang(value: string | undefined, store: Store, workspaceId: string): Promise<Lang> {
  if (value === undefined || value === '') return (await store.ensureWorkspace(workspaceId)).settings.language;
  if (value !== 'fr' && value !== 'en') throw new UsageError(`Query parameter "lang" must be fr or en, not "${value}".`, { parameter: 'lang' });
  return value;
}

/**
 * Registers GET /api/assessments/questions, POST /api/assessments and GET /api/assessments on `app`
 * (before its /api/* catch-all). Recommendations cite the body's `evidence`, and the workspace's NPS
 * when the body gives none (see workspace-evidence.ts). A body of the wrong shape is a 400; well-formed
 * answers that do not fit the question bank (unknown id, value out of 1–5, missing question) are a 422
 * naming the question, and store nothing.
 */
export function registerAssessmentRoutes(app: Hono, store: Store): void {
  app.get('/api/assessments/questions', async (c) => c.json(localizeQuestionnaire(await requestLang(c.req.query('lang'), store, workspaceOf(c)))));

  app.post('/api/assessments', async (c) => {
    const raw: unknown = await c.req.json().catch(() => {
      throw new UsageError(`The request body is not valid JSON. Send ${INPUT_SHAPE} with content-type application/json.`);
    });
    const parsed = parseAssessmentInput(raw);
    if (!parsed.ok) throw new UsageError(`Body ${parsed.problem}.`, { parameter: parsed.field });
    return c.json(await recordAssessment(store, workspaceOf(c), parsed.input), 201);
  });

  app.get('/api/assessments', async (c) => c.json({ assessments: await store.listAssessments(workspaceOf(c), HISTORY_LIMIT) }));
}
