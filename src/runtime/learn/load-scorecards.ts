/**
 * Reads the facts a scorecard needs for one period and computes it: the shared step of
 * `ecoute scorecard` and GET /api/scorecards. Messages are read from LAST_TOUCH_DAYS before the
 * period so a relationship NPS answered early in it still finds its team's last contact. Time to
 * close comes from the cases closed in the period (opened → closed), as Act's figures measure it.
 */
import { attributeTeams, LAST_TOUCH_DAYS } from '../../insights/last-touch.ts';
import { computeScorecards, type ScorecardReport } from '../../learn/scorecards/compute-scorecards.ts';
import type { ScorecardConfig } from '../../learn/scorecards/scorecard-config.ts';
import { narrowScorecardFacts, type ScorecardNarrowing } from '../../learn/scorecards/scorecard-narrowing.ts';
import type { ReplyVerdicts } from '../../learn/ex-cx/reply-empathy.ts';
import type { Store } from '../../store/store.ts';

/**
 * The scorecards of `workspaceId` between `from` and `to` (both optional, inclusive); empathy by the
 * reply coach's `replyVerdicts` when given (src/runtime/act/reply-empathy-verdicts.ts), else its lexicon;
 * narrowed to the dashboard's shared filter by `narrowing` (team, segment, channel, brand, language).
 */
export async function loadScorecards(
  store: Store, workspaceId: string, config: ScorecardConfig, from?: Date, to?: Date, replyVerdicts?: ReplyVerdicts, narrowing?: ScorecardNarrowing,
): Promise<ScorecardReport> {
  const lookBack = from ? new Date(from.getTime() - LAST_TOUCH_DAYS * 86_400_000) : undefined;
  const [touches, surveys, cases] = await Promise.all([
    store.messageFacts(workspaceId, { from: lookBack, to }),
    store.surveyFacts(workspaceId, { from, to }),
    store.allCases(workspaceId),
  ]);
  const messages = from ? touches.filter((m) => m.at >= from) : touches;
  // In closing order, so each figure's evidence lists the cases as they were closed.
  const closed = cases.filter((c) => c.closedAt && (!from || c.closedAt >= from) && (!to || c.closedAt <= to))
    .sort((x, y) => x.closedAt!.getTime() - y.closedAt!.getTime() || x.id.localeCompare(y.id));
  // Attributed on every touch first: a relationship answer's last contact may lie outside the filter.
  const facts = narrowScorecardFacts({ messages, surveys: attributeTeams(surveys, touches), cases: closed }, narrowing, touches);
  return computeScorecards(facts.messages, facts.surveys, config, { from: from ?? null, to: to ?? null }, facts.cases, replyVerdicts);
}
