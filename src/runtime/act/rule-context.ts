/**
 * What evaluating a workspace's rules needs beyond the rules: its language, currency, own brand and
 * case targets (from its settings), the time and an id generator. Shared by the per-message
 * evaluation, the spike check and `rules test`.
 */
import { randomUUID } from 'node:crypto';
import { caseTargetsOf } from '../../act/cases/case-due.ts';
import type { BuildContext } from '../../act/rules/build-alert.ts';
import type { RuleSubject } from '../../act/rules/match-rule.ts';
import type { RuleConditions, StoredRule } from '../../core/alert-rule.ts';
import type { MessageFact } from '../../core/facts.ts';
import { systemClock, type Clock, type IdGenerator } from '../../core/ports.ts';
import { DEFAULT_CURRENCY } from '../../core/workspace.ts';
import { resolveOwnBrand, type OwnBrand } from '../../insights/own-brand.ts';
import type { Store } from '../../store/store.ts';

/** How the runtime evaluates rules; everything optional. */
export interface RuleRunOptions {
  clock?: Clock;
  /** The dashboard's address for links in alerts (ECOUTE_PUBLIC_URL); none: alerts carry no link. */
  publicUrl?: string | null;
  newId?: IdGenerator;
}

/** A workspace's settings as the rule engine reads them. */
export interface RuleWorkspace {
  build: BuildContext;
  /** The brand from settings, if named (else inferred from the facts at hand). */
  settingsBrand: string | undefined;
}

/** Reads the workspace's settings once per evaluation. */
export async function ruleWorkspace(store: Store, workspaceId: string, opts: RuleRunOptions = {}): Promise<RuleWorkspace> {
  const { settings } = await store.ensureWorkspace(workspaceId);
  return {
    build: {
      now: (opts.clock ?? systemClock)(),
      newId: opts.newId ?? randomUUID,
      caseTargets: caseTargetsOf(settings.caseTargetHours),
      lang: settings.language,
      currency: settings.currency ?? DEFAULT_CURRENCY,
      publicUrl: opts.publicUrl ?? null,
    },
    settingsBrand: settings.brand,
  };
}

/** Whether any rule reads one of these conditions (so the data behind it is worth loading). */
export function rulesRead(rules: readonly StoredRule[], ...conditions: (keyof RuleConditions)[]): boolean {
  return rules.some((r) => conditions.some((c) => r.definition.conditions[c] !== undefined));
}

/**
 * Message facts as rule subjects: with the survey answers of their conversations when a rule reads an
 * NPS or CSAT band, and the own brand (from settings, else inferred from these facts, as insights do).
 */
export async function subjectsOf(
  store: Store, workspaceId: string, rules: readonly StoredRule[], facts: readonly MessageFact[], settingsBrand: string | undefined,
): Promise<RuleSubject[]> {
  const surveys = rulesRead(rules, 'npsBand', 'csatBand')
    ? await store.conversationSurveys(workspaceId, [...new Set(facts.map((f) => f.conversationId))])
    : new Map<string, RuleSubject['surveys'][number][]>();
  const ownBrand: OwnBrand = resolveOwnBrand(facts, [], settingsBrand);
  return facts.map((fact) => ({ fact, surveys: surveys.get(fact.conversationId) ?? [], ownBrand }));
}
