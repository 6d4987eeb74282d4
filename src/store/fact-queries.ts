import type { Kysely } from 'kysely';
import type { EmployeeFact, FactFilter, MessageFact, SurveyFact } from '../core/facts.ts';
import type { Channel, SurveyKind } from '../core/labels.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { planFacts } from './fact-plan.ts';
import { beyond, type FactPosition, positionOf, scanFacts, toMessageFact } from './fact-select.ts';
import { customerKeyOf } from './customer-public-ids.ts';

const DEFAULT_PAGE = 5000;

/**
 * Streams message facts oldest first in keyset pages on (sent_at, id): each page is an index range scan,
 * so page N costs the same as page 1 and memory stays bounded for exports of any size.
 */
export async function* iterateMessageFacts(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  workspaceId: string,
  filter: FactFilter = {},
  pageSize = DEFAULT_PAGE,
): AsyncIterable<MessageFact[]> {
  let after: FactPosition | null = null;
  const plan = await planFacts(db, adapter, workspaceId, filter);
  for (;;) {
    const scan = scanFacts(db, adapter, workspaceId, filter, plan);
    const q = after ? beyond(scan, after, '>') : scan.query;
    const rows = await q.orderBy(scan.at).orderBy(scan.id).limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows.map(toMessageFact);
    if (rows.length < pageSize) return;
    after = positionOf(rows[rows.length - 1]);
  }
}

/** All message facts matching a filter, oldest first (then by id). */
export async function messageFacts(db: Kysely<Database>, adapter: DialectAdapter, workspaceId: string, filter?: FactFilter) {
  const all: MessageFact[] = [];
  for await (const page of iterateMessageFacts(db, adapter, workspaceId, filter)) all.push(...page);
  return all;
}

/** Survey answers with their conversation and customer: the one SELECT behind every SurveyFact. */
export function surveySelect(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom('survey_answers as s')
    .innerJoin('conversations as c', 'c.id', 's.conversation_id')
    .leftJoin('customers as cu', 'cu.id', 's.customer_id')
    .select([
      's.id', 's.conversation_id', 'cu.public_id', 'cu.external_id', 's.kind', 's.score', 's.answered_at',
      'c.channel', 'c.brand', 'c.team', 'c.agent', 'cu.segment',
    ])
    .where('s.workspace_id', '=', workspaceId);
}

type SurveyRow = Awaited<ReturnType<ReturnType<typeof surveySelect>['execute']>>[number];

/** Maps a survey row to the SurveyFact handed to insights. */
export function toSurveyFact(r: SurveyRow): SurveyFact {
  return {
    conversationId: String(r.conversation_id),
    customerId: r.public_id ?? null,
    customerRef: r.external_id ?? null,
    kind: r.kind as SurveyKind,
    score: Number(r.score),
    at: new Date(Number(r.answered_at)),
    channel: r.channel as Channel,
    brand: r.brand,
    team: r.team,
    agent: r.agent,
    segment: r.segment ?? null,
  };
}

/**
 * Survey answers with their conversation context, oldest first. Only filters that make sense for a
 * score apply (time, channel, team, brand, segment, customer); message-level filters are ignored.
 */
export async function surveyFacts(db: Kysely<Database>, workspaceId: string, f: FactFilter = {}): Promise<SurveyFact[]> {
  let q = surveySelect(db, workspaceId);
  if (f.from) q = q.where('s.answered_at', '>=', f.from.getTime());
  if (f.to) q = q.where('s.answered_at', '<', f.to.getTime());
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.team) q = q.where('c.team', '=', f.team);
  if (f.brand) q = q.where('c.brand', '=', f.brand);
  if (f.segment) q = q.where('cu.segment', '=', f.segment);
  if (f.customerId !== undefined) q = q.where('s.customer_id', '=', customerKeyOf(db, workspaceId, f.customerId));
  const rows = await q.orderBy('s.answered_at').orderBy('s.id').execute();
  return rows.map(toSurveyFact);
}

/** Employee engagement answers, oldest first. */
export async function employeeFacts(db: Kysely<Database>, workspaceId: string): Promise<EmployeeFact[]> {
  const rows = await db
    .selectFrom('employee_answers')
    .select(['team', 'period', 'enps', 'items', 'answered_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('answered_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    team: r.team,
    period: r.period,
    enps: r.enps == null ? null : Number(r.enps),
    items: JSON.parse(r.items) as Record<string, number>,
    at: new Date(Number(r.answered_at)),
  }));
}
