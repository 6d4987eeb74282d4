import type { Insertable, Kysely } from 'kysely';
import type { Analysis, Finding } from '../core/analysis.ts';
import { InputError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import type { PendingMessage } from './store.ts';
import { chunkRows, chunkValues } from './chunk-rows.ts';
import type { AnalysesTable, AnalysisLabelsTable, Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { toDbId } from './ids.ts';
import { bumpDataVersion } from './workspace-queries.ts';

/**
 * Customer messages without an analysis by `modelVersion`: never-analysed ones first (oldest first),
 * then those analysed by another model version. Each part is one range of the `messages_pending` index,
 * so a call costs O(limit) however many messages are already analysed.
 */
export async function pendingAnalysis(
  db: Kysely<Database>,
  workspaceId: string,
  modelVersion: string,
  limit: number,
): Promise<PendingMessage[]> {
  const out: PendingMessage[] = [];
  const base = () =>
    db
      .selectFrom('messages')
      .select(['id', 'text', 'language'])
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'customer');
  const parts = [
    base().where('analysis_version', 'is', null).orderBy('sent_at').orderBy('id'),
    base().where('analysis_version', '<', modelVersion).orderBy('analysis_version').orderBy('sent_at').orderBy('id'),
    base().where('analysis_version', '>', modelVersion).orderBy('analysis_version').orderBy('sent_at').orderBy('id'),
  ];
  for (const part of parts) {
    if (out.length >= limit) break;
    const rows = await part.limit(limit - out.length).execute();
    for (const r of rows) out.push({ messageId: String(r.id), text: r.text, language: r.language });
  }
  return out;
}

/** One label row per (kind, label), keeping the strongest score if a label repeats. */
function labelRows(workspaceId: string, messageId: number, sentAt: number, a: Analysis): Insertable<AnalysisLabelsTable>[] {
  const rows = new Map<string, Insertable<AnalysisLabelsTable>>();
  const add = (kind: AnalysisLabelsTable['kind'], findings: Finding[]) => {
    for (const f of findings) {
      const key = `${kind}\u0000${f.label}`;
      const seen = rows.get(key);
      if (!seen || (seen.score ?? 0) < f.score) {
        rows.set(key, { workspace_id: workspaceId, message_id: messageId, kind, label: f.label, score: f.score, sent_at: sentAt });
      }
    }
  };
  add('emotion', a.emotions);
  add('need', a.needs);
  add('theme', a.themes);
  return [...rows.values()];
}

function analysisRow(
  workspaceId: string, modelVersion: string, messageId: number, sentAt: number, a: Analysis, now: number, rulesPending: boolean,
): Insertable<AnalysesTable> {
  return {
    message_id: messageId,
    workspace_id: workspaceId,
    model_version: modelVersion,
    result: JSON.stringify(a),
    sentiment_label: a.sentiment.label,
    sentiment_score: a.sentiment.score,
    primary_emotion: a.emotions[0]?.label ?? null,
    primary_need: a.needs[0]?.label ?? null,
    primary_theme: a.themes[0]?.label ?? null,
    stage: a.stage?.label ?? null,
    churn_intent: a.signals.churnIntent ? 1 : 0,
    urgency: a.signals.urgency,
    vulnerable: a.signals.vulnerable ? 1 : 0,
    sent_at: sentAt,
    analyzed_at: now,
    rules_pending: rulesPending ? 1 : 0,
  };
}

/**
 * Stores analyses in one transaction, replacing any previous analysis of the same message (re-analysis
 * with a new model version replaces rows and labels). Unknown message ids are rejected before writing.
 * Each analysis is marked rules-pending (unless `rulesPending` is false) in the same transaction, so the
 * alert rules still run on it if the process dies before they do (rules-pending-queries.ts).
 */
export async function saveAnalyses(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  clock: Clock,
  workspaceId: string,
  modelVersion: string,
  rows: { messageId: string; analysis: Analysis }[],
  rulesPending = true,
): Promise<void> {
  if (rows.length === 0) return;
  const byId = new Map<number, Analysis>();
  for (const r of rows) {
    const id = toDbId(r.messageId);
    if (id === null) throw new InputError(`Message id "${r.messageId}" is invalid. Use ids from pendingAnalysis() or writeConversations().`);
    byId.set(id, r.analysis); // the last analysis of a repeated id wins
  }
  const ids = [...byId.keys()];

  await adapter.writeTransaction(db, async (trx) => {
    const sentAt = new Map<number, number>();
    for (const chunk of chunkValues(ids, adapter.maxParams)) {
      const found = await trx
        .selectFrom('messages')
        .select(['id', 'sent_at'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', chunk)
        .execute();
      for (const f of found) sentAt.set(Number(f.id), Number(f.sent_at));
    }
    const missing = ids.filter((id) => !sentAt.has(id));
    if (missing.length > 0) {
      throw new InputError(
        `${missing.length} message id(s) do not exist in workspace "${workspaceId}" (e.g. ${missing.slice(0, 3).join(', ')}). Analyse ids returned by pendingAnalysis().`,
      );
    }

    const now = clock().getTime();
    const analysisRows = ids.map((id) => analysisRow(workspaceId, modelVersion, id, sentAt.get(id)!, byId.get(id)!, now, rulesPending));
    const labels = ids.flatMap((id) => labelRows(workspaceId, id, sentAt.get(id)!, byId.get(id)!));

    for (const chunk of chunkValues(ids, adapter.maxParams)) {
      await trx.deleteFrom('analysis_labels').where('message_id', 'in', chunk).execute();
    }
    for (const chunk of chunkRows(analysisRows, adapter.maxParams)) {
      await trx
        .insertInto('analyses')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('message_id').doUpdateSet((eb) => ({
            model_version: eb.ref('excluded.model_version'),
            result: eb.ref('excluded.result'),
            sentiment_label: eb.ref('excluded.sentiment_label'),
            sentiment_score: eb.ref('excluded.sentiment_score'),
            primary_emotion: eb.ref('excluded.primary_emotion'),
            primary_need: eb.ref('excluded.primary_need'),
            primary_theme: eb.ref('excluded.primary_theme'),
            stage: eb.ref('excluded.stage'),
            churn_intent: eb.ref('excluded.churn_intent'),
            urgency: eb.ref('excluded.urgency'),
            vulnerable: eb.ref('excluded.vulnerable'),
            sent_at: eb.ref('excluded.sent_at'),
            analyzed_at: eb.ref('excluded.analyzed_at'),
            // A new analysis (new model version) meets the rules again, as the run that stored it promises;
            // stored without rules, it keeps a mark a killed run left, so that alert is still raised.
            ...(rulesPending ? { rules_pending: eb.ref('excluded.rules_pending') } : {}),
          })),
        )
        .execute();
    }
    for (const chunk of chunkRows(labels, adapter.maxParams)) {
      // Two processes analysing the same messages at once (two imports of one file) write the same labels: the second skips them.
      await trx.insertInto('analysis_labels').values(chunk).onConflict((oc) => oc.doNothing()).execute();
    }
    for (const chunk of chunkValues(ids, adapter.maxParams)) {
      await trx.updateTable('messages').set({ analysis_version: modelVersion }).where('id', 'in', chunk).execute();
    }
    // The new version marks these analyses as changed (change_version, migration 016) for incremental readers.
    // Stamped after the bump, not in the upsert: taking the workspace row's lock first would invert the lock
    // order of deletions (rows, then the workspace row) and let the two deadlock.
    const version = await bumpDataVersion(trx, clock, workspaceId);
    for (const chunk of chunkValues(ids, adapter.maxParams)) {
      await trx.updateTable('analyses').set({ change_version: version }).where('message_id', 'in', chunk).execute();
    }
  });
}
