import type { Analysis } from './analysis.ts';
import type { AppliedCorrection } from './correction.ts';
import type { AuthorRole, Channel, SurveyKind } from './labels.ts';

/**
 * Denormalized rows that the store hands to the pure insight functions. They carry everything
 * `src/insights` needs, so insights never touch the database.
 */
export interface MessageFact {
  messageId: string;
  conversationId: string;
  /** The customer's public id ("c_…", random, unique per workspace); never the store's sequential key. */
  customerId: string | null;
  /** The customer's external id (as in the source system), for display. */
  customerRef: string | null;
  customerName: string | null;
  segment: string | null;
  /** Annual customer value, for value at risk. */
  customerValue: number | null;
  channel: Channel;
  brand: string | null;
  team: string | null;
  agent: string | null;
  role: AuthorRole;
  at: Date;
  language: string | null;
  text: string;
  /** Present for analysed customer messages. */
  analysis: Analysis | null;
  /** Listening station only: people's corrections, already applied to `analysis` (absent when none). */
  corrections?: AppliedCorrection[];
}

/** One survey answer with the context needed to cut scores by channel, segment, team and brand. */
export interface SurveyFact {
  conversationId: string;
  customerId: string | null;
  customerRef: string | null;
  kind: SurveyKind;
  score: number;
  at: Date;
  channel: Channel;
  brand: string | null;
  team: string | null;
  agent: string | null;
  segment: string | null;
}

/** One employee engagement answer. */
export interface EmployeeFact {
  team: string;
  period: string;
  enps: number | null;
  items: Record<string, number>;
  at: Date;
}

/** Filters shared by the listening station, exports and insight scopes. All optional. */
export interface FactFilter {
  from?: Date;
  to?: Date;
  channel?: Channel;
  language?: string;
  stage?: string;
  theme?: string;
  emotion?: string;
  need?: string;
  team?: string;
  brand?: string;
  segment?: string;
  /** One customer, by public id ("c_…"); another workspace's or a number matches nothing. */
  customerId?: string;
  /** Only customer-authored messages. */
  customerOnly?: boolean;
  /** Full-text substring (case-insensitive). */
  q?: string;
}
