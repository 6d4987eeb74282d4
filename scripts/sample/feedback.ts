/** Shape of survey and review fragments per language. */
import type { ScenarioKey } from './scenario.ts';

export interface BrandVoice {
  good: string[];
  bad: string[];
  titlesGood: string[];
  titlesBad: string[];
}

export interface FeedbackText {
  promoter: string[];
  passive: string[];
  detractor: string[];
  /** A detractor reason tied to what actually happened to the customer. */
  byScenario: Partial<Record<ScenarioKey, string[]>>;
  churn: string[];
  csatGood: string[];
  csatMid: string[];
  csatBad: string[];
  /** Review voices per company: own brand and competitors. */
  brands: Record<'Azur Télécom' | 'Orbis Mobile' | 'NovaBox', BrandVoice>;
  app: BrandVoice;
  /** Connectors for a two-part mixed verbatim. */
  but: string[];
}
