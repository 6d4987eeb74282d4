import type { EmployeeFact, MessageFact, SurveyFact } from '../core/facts.ts';
import type { Channel, Emotion, Need, SentimentLabel, Stage } from '../core/labels.ts';
import type { WorkspaceSettings } from '../core/workspace.ts';
import type { OwnBrand } from './own-brand.ts';

/**
 * The shapes of computed insights. `Insights` is plain data (dates are ISO strings, no Maps), so the
 * JSON report, the HTTP API and the dashboard all serve it as is: `JSON.stringify(insights)`.
 */

/** Everything `computeInsights` needs: rows from the store plus settings and an injected clock value. */
export interface InsightsInput {
  messages: MessageFact[];
  surveys: SurveyFact[];
  employees: EmployeeFact[];
  settings: WorkspaceSettings;
  now: Date;
  /** Scope of the report; facts are expected to be filtered already, this only labels the report. */
  period?: { from: Date; to: Date };
}

import type { Localized } from '../core/lang.ts';

export type { Localized };

/** A two-sided 95% confidence interval, in the unit of the estimate it accompanies. */
export interface Interval {
  low: number;
  high: number;
}

/** Net Promoter Score: % promoters (9–10) minus % detractors (0–6), on −100..100. */
export interface NpsScore {
  /** null when there are no responses. One decimal. */
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  /** 95% interval from the trinomial variance of promoter/detractor shares; null under 2 responses. */
  ci: Interval | null;
}

/** CSAT: share (0..100 %) of answers 4–5 on a 1–5 scale. */
export interface CsatScore {
  score: number | null;
  satisfied: number;
  responses: number;
  /** Wilson score interval, in %. */
  ci: Interval | null;
}

/** Customer Effort Score: mean answer on 1–7 (higher = easier). */
export interface CesScore {
  mean: number | null;
  sd: number | null;
  responses: number;
  /** Student t interval of the mean. */
  ci: Interval | null;
}

/** NPS, CSAT and CES together. */
export interface ScoreSet {
  nps: NpsScore;
  csat: CsatScore;
  ces: CesScore;
}

/** Scores for one value of a dimension (channel, segment, team, brand). */
export interface ScoreGroup extends ScoreSet {
  key: string;
  /** Customer messages in that group (same dimension on MessageFact). */
  messages: number;
  negativeShare: number | null;
}

/** Scores of one ISO week ("2026-W47", Monday-start, UTC). */
export interface WeekScores extends ScoreSet {
  week: string;
  /** Monday 00:00 UTC of the week, ISO string. */
  start: string;
  messages: number;
  negativeShare: number | null;
}

/** Week-over-week move of one figure (latest week vs the week before). */
export interface Change {
  current: number | null;
  previous: number | null;
  /** current − previous; null when either is missing. */
  delta: number | null;
}

/** Scores of one UTC calendar day ("2026-11-23"), for daily digests and sparklines. */
export interface DayScores extends ScoreSet {
  day: string;
  messages: number;
  negativeShare: number | null;
}

/** Scores and volumes over time and by dimension. */
export interface ScoreBreakdowns {
  byWeek: WeekScores[];
  /** Last 62 days that have data (contiguous, zeros included). */
  byDay: DayScores[];
  byChannel: ScoreGroup[];
  bySegment: ScoreGroup[];
  byTeam: ScoreGroup[];
  byBrand: ScoreGroup[];
  /** Latest week vs the previous one. */
  trend: { week: string | null; nps: Change; csat: Change; ces: Change; messages: Change; negativeShare: Change };
}

/** One real customer message shown as evidence. */
export interface Verbatim {
  messageId: string;
  conversationId: string;
  customerId: string | null;
  customerRef: string | null;
  customerName: string | null;
  channel: Channel;
  language: string | null;
  at: string;
  text: string;
}

/** Counts of the messages behind the insights. */
export interface MessageSummary {
  total: number;
  customer: number;
  analysed: number;
  conversations: number;
  sentiment: Record<SentimentLabel, number>;
  /** Share (0..1) of analysed customer messages that are negative. */
  negativeShare: number | null;
  byChannel: Record<string, number>;
  byLanguage: Record<string, number>;
  first: string | null;
  last: string | null;
}

/** How many customers, surveyed and at risk. */
export interface CustomerSummary {
  total: number;
  /** Customers with at least one survey answer. */
  surveyed: number;
  atRisk: number;
  valueAtRisk: number;
}

/** One row of the journey emotion map. Emotion counts are multi-label (a message may show two). */
export interface JourneyStage {
  stage: Stage;
  messages: number;
  counts: Record<Emotion, number>;
  /** counts / messages (0..1). */
  shares: Record<Emotion, number>;
  /** Messages with no emotion found. */
  neutral: number;
  dominantEmotion: Emotion | null;
  negativeShare: number | null;
  /** Most frequent reasons given by messages whose primary emotion is the dominant one (all reasons if none). */
  topReasons: { reason: string; count: number }[];
  /** "Signature moment" target from settings.desiredEmotions. */
  desiredEmotion: Emotion | null;
  desiredShare: number | null;
  /** Share of the dominant emotion minus share of the desired one (0 when desired is dominant). */
  gap: number | null;
  status: 'met' | 'gap' | 'no_target' | 'no_data';
}

/** The journey emotion map: emotions by stage. */
export interface JourneyMap {
  emotions: Emotion[];
  stages: JourneyStage[];
  /** Customer messages with no stage. */
  unstaged: number;
}

/** One built-in theme: volume, sentiment, trend and verbatims. */
export interface ThemeStat {
  theme: string;
  label: Localized;
  messages: number;
  /** Share of analysed customer messages. */
  share: number;
  conversations: number;
  negativeShare: number | null;
  weekly: { week: string; count: number }[];
  change: Change;
  verbatims: Verbatim[];
}

/** Effect of an exposure on a bad outcome from a 2×2 table (exposed/unexposed × bad/good). */
export interface TwoByTwoEffect {
  rateWith: number;
  rateWithout: number;
  /** rateWith − rateWithout, with a Wald 95% interval. */
  difference: number;
  differenceCi: Interval;
  /** Haldane-corrected odds ratio with Woolf 95% interval. */
  oddsRatio: number;
  oddsRatioCi: Interval;
}

/** Effect of one theme/emotion on a bad outcome (detractor, CSAT 1–3), conversation-level. */
export interface Driver extends TwoByTwoEffect {
  /**
   * A cause a team can own (a theme, a journey stage, a discovered theme: `label` is then its id) or an
   * emotion (a symptom, never a cause in "what to fix first").
   */
  kind: 'theme' | 'stage' | 'emotion' | 'discovered';
  label: string;
  name: Localized;
  /** For a theme or a stage: the emotions most often found in the conversations that have it (share of them); empty for an emotion. */
  emotions: { label: string; name: Localized; share: number }[];
  /** Conversations with a survey answer that mention the factor / do not. */
  withN: number;
  withBad: number;
  withoutN: number;
  withoutBad: number;
  prevalence: number;
  /** prevalence × difference: the share of all surveyed conversations the factor turns bad. */
  impact: number;
  significant: boolean;
  /** Discovered themes only: their top terms, and the built-in theme they merely repeat (null when none). */
  terms?: string[];
  sameAs?: string | null;
}

/** Key drivers of one bad outcome (NPS detractor or low CSAT). */
export interface DriverReport {
  outcome: 'nps_detractor' | 'csat_low';
  /** Surveyed conversations joined to analysed messages. */
  n: number;
  baseRate: number | null;
  drivers: Driver[];
  /** Drivers of the discovered themes on the same outcome and scale (see discovered-drivers.ts). */
  discovered?: Driver[];
}

/** A vocabulary cluster found outside the built-in themes. */
export interface DiscoveredTheme {
  id: string;
  language: string;
  label: string;
  terms: string[];
  phrases: { phrase: string; count: number }[];
  messages: number;
  examples: Verbatim[];
}

/** A group of customers with similar needs and emotions. */
export interface Persona {
  id: string;
  name: Localized;
  size: number;
  share: number;
  segment: string | null;
  channel: Channel | null;
  goals: { need: Need; label: Localized; share: number }[];
  frustrations: { kind: 'theme' | 'emotion'; label: string; name: Localized; share: number }[];
  emotions: { emotion: Emotion; share: number }[];
  quotes: Verbatim[];
  customerIds: string[];
}

/** One reason a customer is at risk, with its points. */
export interface RiskReason {
  code: 'churn_intent' | 'repeat_contact' | 'unresolved' | 'negative_trend' | 'low_survey' | 'negative_mood' | 'high_value';
  points: number;
  text: Localized;
}

/** A customer at risk, with score and reasons. */
export interface CustomerRisk {
  customerId: string;
  customerRef: string | null;
  name: string | null;
  segment: string | null;
  value: number | null;
  score: number;
  reasons: RiskReason[];
  messages: number;
  lastContact: string;
  lastQuote: Verbatim | null;
}

/** Customers at risk over the threshold and the value they hold. */
export interface AtRiskReport {
  threshold: number;
  /** Customers with score ≥ threshold. */
  count: number;
  valueAtRisk: number;
  /** ISO 4217 code of valueAtRisk and customer values (workspace setting, EUR when unset). */
  currency: string;
  /** Customer value from which "high value" is a reason (75th percentile), null with too few values. */
  highValueFrom: number | null;
  /** Customers at or above the threshold, riskiest first (capped at 100). */
  customers: CustomerRisk[];
}

/** One brand, own or competitor, side by side with the others. */
export interface BrandProfile {
  /** Brand name; for the own line, settings.brand (else the inferred own brand, else "Nous"/"Us"). */
  brand: string;
  /** The workspace's own brand (first in the list); the others are competitors. */
  own: boolean;
  messages: number;
  /** Star ratings: CSAT answers (1–5) given on the review channel. */
  stars: { mean: number | null; responses: number; ci: Interval | null };
  csat: CsatScore;
  nps: NpsScore;
  sentiment: Record<SentimentLabel, number>;
  negativeShare: number | null;
  topThemes: { label: string; name: Localized; count: number; share: number }[];
  topEmotions: { label: Emotion; name: Localized; count: number; share: number }[];
}

/** An unusually high weekly count of a theme or an emotion. */
export interface Spike {
  kind: 'theme' | 'emotion';
  label: string;
  name: Localized;
  week: string;
  count: number;
  baseline: number;
  /** Poisson upper-tail probability of seeing `count` or more given the baseline. */
  pValue: number;
  /** count / max(baseline, 0.5). */
  ratio: number;
  severity: 'high' | 'medium';
  example: Verbatim | null;
}

/** One team: employee experience next to its customers' scores. */
export interface ExCxTeam {
  team: string;
  enps: number | null;
  enpsResponses: number;
  /** Mean engagement item (1–5). */
  engagement: number | null;
  engagementResponses: number;
  csat: number | null;
  nps: number | null;
  surveys: number;
  /** Of `surveys`, answers without a team counted for the team of the customer's last contact (last-touch.ts). */
  attributedSurveys: number;
}

/** A correlation across teams between an EX and a CX measure. */
export interface Correlation {
  x: 'enps' | 'engagement';
  y: 'csat' | 'nps';
  method: 'pearson' | 'spearman';
  r: number | null;
  n: number;
}

/** The employee-experience to customer-experience link. */
export interface ExCxLink {
  teams: ExCxTeam[];
  correlations: Correlation[];
}

/** The whole report. `JSON.stringify` of this object is the JSON report. */
export interface Insights {
  version: 1;
  generatedAt: string;
  language: 'fr' | 'en';
  period: { from: string | null; to: string | null };
  nps: NpsScore;
  csat: CsatScore;
  ces: CesScore;
  messages: MessageSummary;
  customers: CustomerSummary;
  scores: ScoreBreakdowns;
  journey: JourneyMap;
  themes: ThemeStat[];
  drivers: { detractors: DriverReport; lowCsat: DriverReport };
  discoveredThemes: DiscoveredTheme[];
  personas: Persona[];
  atRisk: AtRiskReport;
  /** The brand every section but `competitors` is about (settings, else inferred from the data). */
  ownBrand: OwnBrand;
  /** Own brand vs each competitor (all facts); every other section reads own-brand facts only. */
  competitors: BrandProfile[];
  spikes: Spike[];
  exCx: ExCxLink;
  /** Praise worth sharing with the teams: the most quotable positive messages, newest first. */
  compliments: Verbatim[];
}
