/**
 * Close-the-loop cases and root causes over HTTP. Reads and writes go straight to the store; none of
 * them touches the insights cache (cases are not analysis data). A case is returned with the brief its
 * owner reads ("what to say") in the requested language.
 */
import type { Hono } from 'hono';
import { caseBrief } from '../act/cases/case-brief.ts';
import { NEXT_STATUSES } from '../act/cases/case-transitions.ts';
import { UsageError } from '../core/errors.ts';
import type { Lang } from '../core/lang.ts';
import type { Clock } from '../core/ports.ts';
import { loadCaseFigures } from '../runtime/cases/load-case-figures.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';
import {
  NoteBody, OpenCaseBody, parseBody, parseCaseQuery, parseFiguresQuery, RootCauseBody, toCaseUpdate, toOpenCaseInput, UpdateCaseBody, UpdateRootCauseBody,
} from './case-bodies.ts';

const OPEN_SHAPE = '{"messageId": "123"} or {"title": "...", "owner"?, "team"?, "priority"?: "low|medium|high", "dueAt"?: ISO time, "actor"?}';
const UPDATE_SHAPE = '{"status"?: "open|in_progress|waiting_customer|resolved|closed", "owner"?, "team"?, "dueAt"?, "rootCauseId"?, "actor"?}';
const NOTE_SHAPE = '{"text": "...", "actor"?: "your name"}';
const ROOT_SHAPE = '{"key": "delay" (a theme code), "title"?, "owner"?}';
const ROOT_UPDATE_SHAPE = '{"owner"?, "status"?: "open|investigating|fixed|wont_fix", "title"?}';

async function jsonBody(req: { json(): Promise<unknown> }, shape: string): Promise<unknown> {
  return req.json().catch(() => {
    throw new UsageError(`The request body is not valid JSON. Send ${shape} with content-type application/json.`);
  });
}

/** `?lang=` (fr|en) or the workspace language. */
async function langOf(value: string | undefined, store: Store, workspaceId: string): Promise<Lang> {
  if (!value) return (await store.ensureWorkspace(workspaceId)).settings.language;
  if (value !== 'fr' && value !== 'en') throw new UsageError(`Query parameter "lang" must be fr or en, not "${value}".`, { parameter: 'lang' });
  return value;
}

/** Registers the /api/cases and /api/root-causes routes on `app` (before its /api/* catch-all). */
export function registerCaseRoutes(app: Hono, store: Store, clock: Clock): void {
  // The dashboard's shared filter (period on the opened date, team, segment, channel, brand, language)
  // is parsed by the insight views' parser, with its 400s, and applied by the store query.
  app.get('/api/cases', async (c) => c.json({ cases: await store.listCases(workspaceOf(c), parseCaseQuery(c.req.query(), clock())) }));

  app.post('/api/cases', async (c) => {
    const body = parseBody(OpenCaseBody, await jsonBody(c.req, OPEN_SHAPE), OPEN_SHAPE);
    return c.json(await store.openCase(workspaceOf(c), toOpenCaseInput(body)), 201);
  });

  // Before /api/cases/:id, so "figures" is never read as a case id.
  // Follows the same shared filter as the list (its own status/owner/overdue filters do not apply).
  app.get('/api/cases/figures', async (c) => {
    const now = clock();
    return c.json(await loadCaseFigures(store, workspaceOf(c), now, parseFiguresQuery(c.req.query(), now)));
  });

  app.get('/api/cases/:id', async (c) => {
    const workspaceId = workspaceOf(c);
    const lang = await langOf(c.req.query('lang'), store, workspaceId);
    const detail = await store.getCase(workspaceId, c.req.param('id'));
    return c.json({ ...detail, next: NEXT_STATUSES[detail.case.status], brief: caseBrief(detail.message?.analysis ?? null, lang) });
  });

  app.patch('/api/cases/:id', async (c) => {
    const body = parseBody(UpdateCaseBody, await jsonBody(c.req, UPDATE_SHAPE), UPDATE_SHAPE);
    return c.json(await store.updateCase(workspaceOf(c), c.req.param('id'), toCaseUpdate(body)));
  });

  app.post('/api/cases/:id/notes', async (c) => {
    const body = parseBody(NoteBody, await jsonBody(c.req, NOTE_SHAPE), NOTE_SHAPE);
    return c.json(await store.addCaseNote(workspaceOf(c), c.req.param('id'), body.text, body.actor ?? 'api'), 201);
  });

  app.get('/api/root-causes', async (c) => c.json({ rootCauses: await store.listRootCauses(workspaceOf(c)) }));

  app.post('/api/root-causes', async (c) => {
    const body = parseBody(RootCauseBody, await jsonBody(c.req, ROOT_SHAPE), ROOT_SHAPE);
    return c.json(await store.upsertRootCause(workspaceOf(c), body));
  });

  app.patch('/api/root-causes/:id', async (c) => {
    const body = parseBody(UpdateRootCauseBody, await jsonBody(c.req, ROOT_UPDATE_SHAPE), ROOT_UPDATE_SHAPE);
    return c.json(await store.updateRootCause(workspaceOf(c), c.req.param('id'), body));
  });
}
