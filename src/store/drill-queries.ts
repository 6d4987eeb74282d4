/**
 * Empathy drill attempts (migration 010) and the message a drill is built from. Written once for
 * SQLite and PostgreSQL; nothing here bumps the data version (insights do not read drills).
 */
import type { Kysely } from 'kysely';
import type { DrillAttempt, DrillMode, DrillSource } from '../act/drills/drill-types.ts';
import type { Analysis } from '../core/analysis.ts';
import { InputError, NotFoundError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import type { Database } from './db-types.ts';
import type { DrillPeople, NewDrillAttempt } from './drill-store.ts';
import { toDbId } from './ids.ts';

const MESSAGE_FIX = 'Take a message id from GET /api/drills/current (this week\'s drill).';

type Row = Omit<Database['drill_attempts'], 'id'> & { id: number };

function toAttempt(r: Row): DrillAttempt {
  return {
    id: String(r.id),
    week: r.week,
    messageId: String(r.message_id),
    participant: r.participant,
    team: r.team,
    mode: r.mode as DrillMode,
    emotions: JSON.parse(r.emotions) as string[],
    needs: JSON.parse(r.needs) as string[],
    reply: r.reply,
    readingScore: Number(r.reading_score),
    replyScore: Number(r.reply_score),
    createdAt: new Date(Number(r.created_at)),
  };
}

/** The analysed customer message `messageId`, with its analysis (the drill's answers). */
export async function drillSource(db: Kysely<Database>, workspaceId: string, messageId: string): Promise<DrillSource> {
  const id = toDbId(messageId);
  const row = id === null ? undefined : await db.selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .leftJoin('analyses as a', (j) => j.onRef('a.message_id', '=', 'm.id').onRef('a.model_version', '=', 'm.analysis_version'))
    .select(['m.id', 'm.role', 'm.text', 'm.language', 'c.channel', 'a.result'])
    .where('m.workspace_id', '=', workspaceId).where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Message', messageId, MESSAGE_FIX);
  if (row.role !== 'customer') throw new InputError(`Message "${messageId}" was written by the ${row.role}: drills are built from customer messages. ${MESSAGE_FIX}`);
  if (row.result === null || row.result === undefined) {
    throw new InputError(`Message "${messageId}" has no analysis yet, so a drill on it cannot be scored. Analyse it first (\`ecoute ingest\` analyses new messages), or pick one from GET /api/drills/current.`);
  }
  const analysis = JSON.parse(row.result) as Analysis; // stored by saveAnalyses, already validated
  return { messageId: String(row.id), text: row.text, language: row.language, channel: row.channel, analysis };
}

/** Appends an attempt; its message must still be stored. */
export async function saveDrillAttempt(db: Kysely<Database>, clock: Clock, workspaceId: string, a: NewDrillAttempt): Promise<DrillAttempt> {
  const id = toDbId(a.messageId);
  const message = id === null ? undefined : await db.selectFrom('messages').select('id')
    .where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!message) throw new NotFoundError('Message', a.messageId, MESSAGE_FIX);
  const values = {
    workspace_id: workspaceId, week: a.week, message_id: Number(message.id), participant: a.participant, team: a.team, mode: a.mode,
    emotions: JSON.stringify(a.emotions), needs: JSON.stringify(a.needs), reply: a.reply,
    reading_score: Math.round(a.readingScore), reply_score: Math.round(a.replyScore), created_at: clock().getTime(),
  };
  const inserted = await db.insertInto('drill_attempts').values(values).returning('id').executeTakeFirstOrThrow();
  return toAttempt({ ...values, id: Number(inserted.id) });
}

/** Attempts oldest first, optionally since a time and of one mode. */
export async function listDrillAttempts(db: Kysely<Database>, workspaceId: string, opts: { since?: Date; mode?: DrillMode } = {}): Promise<DrillAttempt[]> {
  let q = db.selectFrom('drill_attempts').selectAll().where('workspace_id', '=', workspaceId);
  if (opts.since) q = q.where('created_at', '>=', opts.since.getTime());
  if (opts.mode) q = q.where('mode', '=', opts.mode);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => toAttempt({ ...r, id: Number(r.id) }));
}

/** Distinct agents who wrote since `since`, distinct team-drill participants since then, and whether anyone ever drilled. */
export async function drillPeople(db: Kysely<Database>, workspaceId: string, since: Date): Promise<DrillPeople> {
  const agents = await db.selectFrom('messages').select('agent').distinct()
    .where('workspace_id', '=', workspaceId).where('sent_at', '>=', since.getTime()).where('agent', 'is not', null).execute();
  const participants = await db.selectFrom('drill_attempts').select('participant').distinct()
    .where('workspace_id', '=', workspaceId).where('mode', '=', 'drill').where('created_at', '>=', since.getTime()).execute();
  const any = await db.selectFrom('drill_attempts').select('id').where('workspace_id', '=', workspaceId).where('mode', '=', 'drill').limit(1).executeTakeFirst();
  return {
    agents: agents.map((r) => r.agent!).sort(),
    participants: participants.map((r) => r.participant).sort(),
    everDrilled: any !== undefined,
  };
}
