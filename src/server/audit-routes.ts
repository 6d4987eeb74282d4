/**
 * `GET /api/audit`: the workspace's audit log (erasures, undone imports, retention runs, log-ins, and
 * the API's exports and changes with who made them), newest first; `?format=csv` downloads it.
 * Admins only (src/core/roles.ts: read-audit).
 */
import type { Hono } from 'hono';
import { UsageError } from '../core/errors.ts';
import { csvLine } from '../runtime/export/export-records.ts';
import type { Store } from '../store/store.ts';
import { workspaceOf } from './workspace-context.ts';

const MAX_LINES = 100_000;

/** Mounts the audit log route on `app`. */
export function registerAuditRoutes(app: Hono, store: Store): void {
  app.get('/api/audit', async (c) => {
    const workspaceId = workspaceOf(c);
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError(`Query parameter "format" must be json or csv, not "${format}".`, { parameter: 'format' });
    const rawLimit = c.req.query('limit');
    const limit = rawLimit === undefined ? (format === 'csv' ? MAX_LINES : 200) : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LINES) {
      throw new UsageError(`Query parameter "limit" must be a whole number from 1 to ${MAX_LINES}, not "${rawLimit}".`, { parameter: 'limit' });
    }
    const entries = await store.auditLog(workspaceId, limit);
    if (format === 'json') return c.json({ items: entries.map((e) => ({ ...e, at: e.at.toISOString() })) });
    const lines = [csvLine(['at', 'actor', 'action', 'target', 'detail'])];
    for (const e of entries) lines.push(csvLine([e.at.toISOString(), e.actor, e.action, e.target, JSON.stringify(e.detail)]));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="ecoute-audit-${workspaceId}.csv"`);
    return c.body(lines.join(''));
  });
}
