import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Alert, Case } from '../core/act.ts';
import type { Clock } from '../core/ports.ts';
import type { AlertsTable, CasesTable, Database } from './db-types.ts';
import { bumpDataVersion } from './workspace-queries.ts';

function toCase(r: Selectable<CasesTable> | Insertable<CasesTable>): Case {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    conversationId: r.conversation_id ?? null,
    customerId: r.customer_id ?? null,
    title: r.title,
    status: r.status as Case['status'],
    owner: r.owner ?? null,
    priority: r.priority as Case['priority'],
    createdAt: new Date(Number(r.created_at)),
    updatedAt: new Date(Number(r.updated_at)),
  };
}

function toAlert(r: Selectable<AlertsTable> | Insertable<AlertsTable>): Alert {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    kind: r.kind,
    message: r.message,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    createdAt: new Date(Number(r.created_at)),
    acknowledged: Number(r.acknowledged) === 1,
  };
}

/** Opens a close-the-loop case (id from crypto.randomUUID). */
export async function createCase(db: Kysely<Database>, clock: Clock, c: Omit<Case, 'id' | 'createdAt' | 'updatedAt'>): Promise<Case> {
  const now = clock().getTime();
  const row: Insertable<CasesTable> = {
    id: randomUUID(),
    workspace_id: c.workspaceId,
    conversation_id: c.conversationId,
    customer_id: c.customerId,
    title: c.title,
    status: c.status,
    owner: c.owner,
    priority: c.priority,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx, clock, c.workspaceId);
    await trx.insertInto('cases').values(row).execute();
  });
  return toCase(row);
}

/** Cases of a workspace, newest first. */
export async function listCases(db: Kysely<Database>, workspaceId: string): Promise<Case[]> {
  const rows = await db.selectFrom('cases').selectAll().where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toCase);
}

/** Records an alert (id from crypto.randomUUID), not yet acknowledged. */
export async function createAlert(db: Kysely<Database>, clock: Clock, a: Omit<Alert, 'id' | 'createdAt' | 'acknowledged'>): Promise<Alert> {
  const row: Insertable<AlertsTable> = {
    id: randomUUID(),
    workspace_id: a.workspaceId,
    kind: a.kind,
    message: a.message,
    payload: JSON.stringify(a.payload ?? {}),
    created_at: clock().getTime(),
    acknowledged: 0,
  };
  await db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx, clock, a.workspaceId);
    await trx.insertInto('alerts').values(row).execute();
  });
  return toAlert(row);
}

/** Alerts of a workspace, newest first. */
export async function listAlerts(db: Kysely<Database>, workspaceId: string): Promise<Alert[]> {
  const rows = await db.selectFrom('alerts').selectAll().where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toAlert);
}
