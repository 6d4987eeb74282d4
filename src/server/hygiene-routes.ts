/**
 * Data hygiene over HTTP, the same operations as `ecoute import list|undo`, `ecoute customer erase` and
 * `ecoute retention apply`: list imports and undo one, erase a customer everywhere, read, set and apply
 * the workspace's retention period. Destructive ones are admins' (src/core/roles.ts: erase-data); each
 * is written to the audit log by the store with the caller as actor (the user's e-mail or `token:NAME`;
 * `api` while accounts are off).
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { InputError, NotFoundError, UsageError } from '../core/errors.ts';
import { pseudonymizeCustomerId } from '../ingest/pii/redact.ts';
import { applyWorkspaceRetention } from '../runtime/hygiene/apply-workspace-retention.ts';
import { removedNothing } from '../store/delete-rows.ts';
import type { ImportListing } from '../store/import-log-queries.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

/** Longest retention period accepted, in months (as the workspace settings schema). */
export const MAX_RETENTION_MONTHS = 1200;

const RetentionBody = z.object({ months: z.number().int().min(0).max(MAX_RETENTION_MONTHS) }).strict();
const RETENTION_SHAPE = `{"months": N} with N a whole number of months from 0 (keep forever) to ${MAX_RETENTION_MONTHS}`;

/** Who is calling, for the audit line: the principal the auth middleware checked (`api` while accounts are off). */
function actorOf(c: Context): string {
  return c.get('principal')?.actor ?? 'api';
}

const importJson = (i: ImportListing) => ({ ...i, importedAt: i.importedAt.toISOString() });

async function retentionMonths(store: Store, workspaceId: string): Promise<number> {
  return (await store.ensureWorkspace(workspaceId)).settings.retentionMonths ?? 0;
}

/**
 * Registers GET /api/imports, DELETE /api/imports/:id, DELETE /api/customers/:id, GET and PUT
 * /api/retention and POST /api/retention/apply on `app` (before its /api/* catch-all).
 */
export function registerHygieneRoutes(app: Hono, store: Store): void {
  app.get('/api/imports', async (c) => c.json({ imports: (await store.listImports(workspaceOf(c))).map(importJson) }));

  app.delete('/api/imports/:id', async (c) => {
    const workspaceId = workspaceOf(c);
    const id = c.req.param('id');
    // Looked up first so the 404 names the HTTP way to find an id, not the CLI's.
    if (!(await store.listImports(workspaceId)).some((i) => i.id === id)) {
      throw new NotFoundError('Import', id, `List the imports of workspace "${workspaceId}" and their ids with GET /api/imports.`);
    }
    const undone = await store.undoImport(workspaceId, id, actorOf(c));
    return c.json({ import: importJson(undone.import), removed: undone.removed });
  });

  app.delete('/api/customers/:id', async (c) => {
    const workspaceId = workspaceOf(c);
    const raw = c.req.param('id').trim(); // Hono decodes path parameters (an e-mail's %40)
    if (raw === '') throw new UsageError('Name the customer to erase: DELETE /api/customers/ID with the customer\'s "c_…" id (as GET /api/messages shows it) or the customer id of your source system (or their e-mail address).');
    const removed = await store.eraseCustomer(workspaceId, pseudonymizeCustomerId(raw, await store.pseudonymSecret()), actorOf(c));
    // The request is audited either way; nothing found is a 404 so a typo is not taken for an erasure.
    if (removedNothing(removed)) {
      throw new NotFoundError('Customer', raw, 'Nothing about this id is stored in this workspace: check the id of your source system (an e-mail address is accepted) or give the customer\'s "c_…" id as GET /api/messages shows it (internal numbers are not accepted), or it was erased already.');
    }
    return c.json({ removed });
  });

  app.get('/api/retention', async (c) => c.json({ months: await retentionMonths(store, workspaceOf(c)) }));

  app.put('/api/retention', async (c) => {
    const workspaceId = workspaceOf(c);
    const parsed = RetentionBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw new UsageError(`The body must be ${RETENTION_SHAPE}, e.g. {"months": 24}.`, { expected: RETENTION_SHAPE });
    const ws = await store.ensureWorkspace(workspaceId);
    const updated = await store.updateWorkspaceSettings(workspaceId, { ...ws.settings, retentionMonths: parsed.data.months });
    return c.json({ months: updated.settings.retentionMonths ?? 0 });
  });

  app.post('/api/retention/apply', async (c) => {
    const workspaceId = workspaceOf(c);
    const dry = c.req.query('dryRun');
    if (dry !== undefined && dry !== 'true' && dry !== 'false') {
      throw new UsageError(`Query parameter "dryRun" must be true or false, not "${dry}".`, { parameter: 'dryRun' });
    }
    const result = await applyWorkspaceRetention(store, workspaceId, { dryRun: dry === 'true', actor: actorOf(c) });
    if (!result) {
      throw new InputError(`Workspace "${workspaceId}" keeps everything: it has no retention period. Set one with PUT /api/retention {"months": N} first.`);
    }
    return c.json({ ...result, cutoff: result.cutoff.toISOString() });
  });
}
