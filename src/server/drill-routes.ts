/**
 * Empathy drills over HTTP: GET /api/drills/current (this week's scenarios, without their analysis),
 * POST /api/drills/attempts (scores and stores an attempt, answers with the feedback), GET
 * /api/drills/progress (team drills per team and participant, never ranked, under the dashboard's
 * shared filter: same parameters and 400s as every insight view) and GET
 * /api/drills/attempts?mode=hiring (a candidate's attempts, oldest first, with the rubric: decision
 * support only). The coach model is the app's one, shared with POST /api/coach (lazyCoachModel).
 */
import type { Hono } from 'hono';
import type { CoachModel } from '../act/coach/coach-model.ts';
import { drillProgress } from '../act/drills/drill-progress.ts';
import { DRILL_RUBRIC, HIRING_NOTICE, drillChoices } from '../act/drills/drill-strings.ts';
import { DRILL_MODES, type DrillMode } from '../act/drills/drill-types.ts';
import { ATTEMPT_SHAPE } from '../act/drills/parse-attempt.ts';
import { UsageError } from '../core/errors.ts';
import type { MessageFact } from '../core/facts.ts';
import type { Lang } from '../core/lang.ts';
import type { Clock } from '../core/ports.ts';
import type { DrillAttempt } from '../act/drills/drill-types.ts';
import { isEmptyFilter, resolvePeriod, type InsightFilter } from '../insights/filter-input.ts';
import { recordDrillAttempt } from '../runtime/drills/record-drill-attempt.ts';
import { loadWeeklyDrill } from '../runtime/drills/weekly-drill.ts';
import type { Store } from '../store/store.ts';
import { INSIGHT_QUERY_PARAMS, parseInsightFilter, rejectUnknownParams } from './insight-filter-params.ts';
import { workspaceOf } from './workspace-context.ts';

/** Most scenarios one request may ask for. */
export const MAX_DRILL_COUNT = 10;

async function langOf(value: string | undefined, store: Store, workspaceId: string): Promise<Lang> {
  if (value === undefined || value === '') return (await store.ensureWorkspace(workspaceId)).settings.language;
  if (value !== 'fr' && value !== 'en') throw new UsageError(`Query parameter "lang" must be fr or en, not "${value}".`, { parameter: 'lang' });
  return value;
}

/** Query parameters GET /api/drills/progress accepts: lang and the shared filter. */
export const DRILL_PROGRESS_PARAMS = ['lang', ...INSIGHT_QUERY_PARAMS] as readonly string[];

/**
 * The attempts the shared filter keeps: period by when the attempt was made, team by the participant's
 * team, segment, channel, brand and language by the customer message drilled on (`scenarios`, by
 * message id; an attempt on a message since erased matches none of them).
 */
function filterAttempts(attempts: readonly DrillAttempt[], filter: InsightFilter, now: Date, scenarios: ReadonlyMap<string, MessageFact>): DrillAttempt[] {
  const range = resolvePeriod(filter, now);
  const same = (want: string | undefined, have: string | null | undefined) => want === undefined || want === have;
  const customerSide = filter.segment !== undefined || filter.channel !== undefined || filter.brand !== undefined || filter.language !== undefined;
  return attempts.filter((a) => {
    const ms = a.createdAt.getTime();
    if ((range.from !== null && ms < range.from) || (range.to !== null && ms >= range.to) || !same(filter.team, a.team)) return false;
    if (!customerSide) return true;
    const m = scenarios.get(a.messageId);
    return m !== undefined && same(filter.segment, m.segment) && same(filter.channel, m.channel) && same(filter.brand, m.brand) && same(filter.language, m.language);
  });
}

/** Registers the /api/drills routes on `app` (before its /api/* catch-all). */
export function registerDrillRoutes(app: Hono, store: Store, clock: Clock, model: () => Promise<CoachModel>): void {
  app.get('/api/drills/current', async (c) => {
    const workspaceId = workspaceOf(c);
    const lang = await langOf(c.req.query('lang'), store, workspaceId);
    const countText = c.req.query('count');
    const count = countText === undefined ? undefined : Number(countText);
    if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > MAX_DRILL_COUNT)) {
      throw new UsageError(`Query parameter "count" must be a whole number from 1 to ${MAX_DRILL_COUNT}, not "${countText}".`, { parameter: 'count' });
    }
    const drill = await loadWeeklyDrill(store, workspaceId, clock(), { count, language: lang });
    return c.json({ ...drill, lang, choices: drillChoices(lang), rubric: DRILL_RUBRIC[lang], hiringNotice: HIRING_NOTICE[lang] });
  });

  app.post('/api/drills/attempts', async (c) => {
    const workspaceId = workspaceOf(c);
    const lang = await langOf(c.req.query('lang'), store, workspaceId);
    const raw: unknown = await c.req.json().catch(() => {
      throw new UsageError(`The request body is not valid JSON. Send ${ATTEMPT_SHAPE} with content-type application/json.`);
    });
    const recorded = await recordDrillAttempt(store, workspaceId, raw, model, clock(), lang);
    const notice = recorded.attempt.mode === 'hiring' ? { hiringNotice: HIRING_NOTICE[lang], rubric: DRILL_RUBRIC[lang] } : {};
    return c.json({ ...recorded, ...notice }, 201);
  });

  app.get('/api/drills/progress', async (c) => {
    const workspaceId = workspaceOf(c);
    const { lang: langText, ...shared } = c.req.query();
    rejectUnknownParams(shared, DRILL_PROGRESS_PARAMS);
    // Validated before any reading: a typo is a 400, never unfiltered figures.
    const filter = parseInsightFilter(shared);
    const lang = await langOf(langText, store, workspaceId);
    const all = await store.listDrillAttempts(workspaceId, { mode: 'drill' });
    const customerSide = filter.segment ?? filter.channel ?? filter.brand ?? filter.language;
    const scenarios = new Map(customerSide === undefined ? [] : (await store.messageFacts(workspaceId)).map((m) => [m.messageId, m]));
    const attempts = isEmptyFilter(filter) ? all : filterAttempts(all, filter, clock(), scenarios);
    // allAttempts: the page tells "nothing matches these filters" from "no drill done yet".
    return c.json({ ...drillProgress(attempts, lang === 'fr' ? 'Sans équipe' : 'No team'), filter, allAttempts: all.filter((a) => a.mode === 'drill').length });
  });

  app.get('/api/drills/attempts', async (c) => {
    const workspaceId = workspaceOf(c);
    const lang = await langOf(c.req.query('lang'), store, workspaceId);
    const mode = c.req.query('mode') ?? 'hiring';
    if (!(DRILL_MODES as readonly string[]).includes(mode)) throw new UsageError(`Query parameter "mode" must be drill or hiring, not "${mode}".`, { parameter: 'mode' });
    // Oldest first, as they were made: a list for a person to read, never a ranking.
    const attempts = await store.listDrillAttempts(workspaceId, { mode: mode as DrillMode });
    return c.json({ mode, attempts, rubric: DRILL_RUBRIC[lang], ...(mode === 'hiring' ? { hiringNotice: HIRING_NOTICE[lang] } : {}) });
  });
}
