/**
 * Alert rules, versioned: each change writes a new row (`version` + 1) and retires the previous one
 * (`active = 0`), so an alert always names the rule text it fired on; removing a rule retires every
 * version. Also the reads the rule engine needs: the facts of given messages and the survey answers of
 * their conversations. Nothing here bumps the data version: rules are not analysis data.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { parseRuleDefinition, type StoredRule } from '../core/alert-rule.ts';
import { InputError, NotFoundError, StoreError } from '../core/errors.ts';
import type { MessageFact } from '../core/facts.ts';
import type { SurveyKind } from '../core/labels.ts';
import type { Clock } from '../core/ports.ts';
import { chunkValues } from './chunk-rows.ts';
import type { AlertRulesTable, Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import type { FactPlan } from './fact-plan.ts';
import { scanFacts, toMessageFact } from './fact-select.ts';
import { toDbId } from './ids.ts';

const LIST_FIX = 'List rules with `ecoute rules list` or GET /api/rules.';

function toRule(r: Selectable<AlertRulesTable>): StoredRule {
  let definition;
  try {
    definition = parseRuleDefinition(JSON.parse(r.definition));
  } catch (err) {
    throw new StoreError(`Rule "${r.rule_id}" version ${r.version} is stored in a shape this version cannot read (${(err as Error).message}). Update it with \`ecoute rules add\` or PUT /api/rules/${r.rule_id}.`);
  }
  return {
    id: r.rule_id,
    workspaceId: r.workspace_id,
    version: Number(r.version),
    name: r.name,
    definition,
    active: Number(r.active) === 1,
    createdAt: new Date(Number(r.created_at)),
    createdBy: r.created_by,
  };
}

async function latest(db: Kysely<Database>, workspaceId: string, ruleId: string) {
  return db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).where('rule_id', '=', ruleId)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Validates and stores a new rule (version 1, active); its id is generated. */
export async function addRule(db: Kysely<Database>, clock: Clock, workspaceId: string, definition: unknown, createdBy = 'cli'): Promise<StoredRule> {
  const d = parseRuleDefinition(definition);
  const row = await db.insertInto('alert_rules').values({
    workspace_id: workspaceId,
    rule_id: `rule-${randomUUID().slice(0, 8)}`,
    version: 1,
    name: d.name,
    definition: JSON.stringify(d),
    active: 1,
    created_at: clock().getTime(),
    created_by: createdBy,
  }).returningAll().executeTakeFirstOrThrow();
  return toRule(row);
}

/** The current version of each rule, least recently changed first; removed rules only with `includeRemoved`. */
export async function listRules(db: Kysely<Database>, workspaceId: string, includeRemoved = false): Promise<StoredRule[]> {
  let q = db.selectFrom('alert_rules as r').selectAll('r').where('r.workspace_id', '=', workspaceId);
  // Only a rule's newest version can be active, so the active rows are exactly the current rules.
  q = includeRemoved
    ? q.where(({ not, exists, selectFrom }) => not(exists(selectFrom('alert_rules as n').select('n.id')
      .whereRef('n.workspace_id', '=', 'r.workspace_id').whereRef('n.rule_id', '=', 'r.rule_id').whereRef('n.version', '>', 'r.version'))))
    : q.where('r.active', '=', 1);
  const rows = await q.orderBy('r.created_at').orderBy('r.id').execute();
  return rows.map(toRule);
}

/** The current version of a rule (removed or not); NotFoundError for an unknown id. */
export async function getRule(db: Kysely<Database>, workspaceId: string, ruleId: string): Promise<StoredRule> {
  const row = await latest(db, workspaceId, ruleId);
  if (!row) throw new NotFoundError('Rule', ruleId, LIST_FIX);
  return toRule(row);
}

/** Every version of a rule, newest first; NotFoundError for an unknown id. */
export async function ruleVersions(db: Kysely<Database>, workspaceId: string, ruleId: string): Promise<StoredRule[]> {
  const rows = await db.selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).where('rule_id', '=', ruleId)
    .orderBy('version', 'desc').execute();
  if (rows.length === 0) throw new NotFoundError('Rule', ruleId, LIST_FIX);
  return rows.map(toRule);
}

/** Stores a new version of an active rule and retires the previous one, in one transaction. */
export async function updateRule(
  db: Kysely<Database>, adapter: DialectAdapter, clock: Clock, workspaceId: string, ruleId: string, definition: unknown, createdBy = 'cli',
): Promise<StoredRule> {
  const d = parseRuleDefinition(definition);
  return adapter.writeTransaction(db, async (trx) => {
    const current = await latest(trx, workspaceId, ruleId);
    if (!current) throw new NotFoundError('Rule', ruleId, LIST_FIX);
    if (Number(current.active) !== 1) {
      throw new InputError(`Rule "${ruleId}" was removed, so it cannot be changed. Add it again as a new rule (\`ecoute rules add\` or POST /api/rules).`);
    }
    await trx.updateTable('alert_rules').set({ active: 0 }).where('workspace_id', '=', workspaceId).where('rule_id', '=', ruleId).execute();
    const row = await trx.insertInto('alert_rules').values({
      workspace_id: workspaceId, rule_id: ruleId, version: Number(current.version) + 1, name: d.name,
      definition: JSON.stringify(d), active: 1, created_at: clock().getTime(), created_by: createdBy,
    }).returningAll().executeTakeFirstOrThrow();
    return toRule(row);
  });
}

/** Retires every version of a rule (its alerts stay); removing it again changes nothing. */
export async function removeRule(db: Kysely<Database>, workspaceId: string, ruleId: string): Promise<StoredRule> {
  await db.updateTable('alert_rules').set({ active: 0 }).where('workspace_id', '=', workspaceId).where('rule_id', '=', ruleId).execute();
  return getRule(db, workspaceId, ruleId);
}

/** A plan that reads facts through the messages table (the ids are the filter). */
const BY_ID: FactPlan = { driver: { table: 'messages' }, messageIndex: null, text: null, textIndexed: false };

/** The facts of the given messages (unknown ids and other workspaces' are left out), oldest first. */
export async function factsOfMessages(db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, messageIds: readonly string[]): Promise<MessageFact[]> {
  const ids = [...new Set(messageIds.map(toDbId).filter((id): id is number => id !== null))];
  const facts: MessageFact[] = [];
  for (const chunk of chunkValues(ids, adapter.maxParams)) {
    const scan = scanFacts(db, adapter, workspaceId, {}, BY_ID);
    const rows = await scan.query.where('m.id', 'in', chunk).execute();
    facts.push(...rows.map(toMessageFact));
  }
  return facts.sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.messageId) - Number(b.messageId));
}

/** Survey answers per conversation id, oldest first: what NPS and CSAT band conditions read. */
export async function conversationSurveys(
  db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, conversationIds: readonly string[],
): Promise<Map<string, { kind: SurveyKind; score: number }[]>> {
  const ids = [...new Set(conversationIds.map(toDbId).filter((id): id is number => id !== null))];
  const out = new Map<string, { kind: SurveyKind; score: number }[]>();
  for (const chunk of chunkValues(ids, adapter.maxParams)) {
    const rows = await db.selectFrom('survey_answers').select(['conversation_id', 'kind', 'score'])
      .where('workspace_id', '=', workspaceId).where('conversation_id', 'in', chunk)
      .orderBy('answered_at').orderBy('id').execute();
    for (const r of rows) {
      const key = String(r.conversation_id);
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push({ kind: r.kind as SurveyKind, score: Number(r.score) });
    }
  }
  return out;
}
