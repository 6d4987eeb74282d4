import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports.ts';
import type { Database } from './db-types.ts';

/** One line of the audit log: who did what to which target, with details (counts) as JSON. */
export interface AuditEntry {
  at: Date;
  actor: string;
  /** `customer.erase`, `import.undo`, `retention.apply`. */
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

/** Appends one audit line (inside the caller's transaction, so it is written with what it records). */
export async function writeAudit(
  db: Kysely<Database>, clock: Clock, workspaceId: string, entry: Omit<AuditEntry, 'at' | 'actor'> & { actor?: string },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: workspaceId, at: clock().getTime(), actor: entry.actor ?? 'cli',
      action: entry.action, target: entry.target, detail: JSON.stringify(entry.detail),
    })
    .execute();
}

/** The workspace's audit log, newest first. */
export async function listAudit(db: Kysely<Database>, workspaceId: string, limit = 100): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId)
    .orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    at: new Date(Number(r.at)), actor: r.actor, action: r.action, target: r.target,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
