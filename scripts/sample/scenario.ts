/**
 * Scenario shapes: one customer situation (an outage, a double debit, a porting failure…) written as
 * interchangeable fragments per language, so hundreds of conversations can be composed without
 * repeating verbatim. Fragments hold `{slot}` placeholders filled from a per-conversation context.
 */
import type { TeamName } from './people.ts';

export type ScenarioKey =
  | 'outage' | 'wifi' | 'mobile_signal' | 'install' | 'porting' | 'delivery' | 'double_debit'
  | 'bill_increase' | 'roaming' | 'renewal' | 'cancel' | 'discover' | 'order' | 'login'
  | 'hold_loop' | 'bereavement' | 'vulnerable_line' | 'praise';

/** The tone a customer message is written in; picks generic emotion fragments. */
export type Tone = 'anger' | 'frustration' | 'anxiety' | 'confusion' | 'disappointment' | 'sarcasm'
  | 'neutral' | 'gratitude' | 'trust';

/** The fragments of one scenario in one language. */
export interface ScenarioText {
  /** Short noun phrase for follow-ups ("ma connexion fibre"). */
  topic: string[];
  subjects: string[];
  /** Opening statement of what happened. */
  situations: string[];
  /** Extra specifics, one may be added. */
  details: string[];
  /** What the customer asks for. */
  asks: string[];
  /** Short public posts (social channel). */
  social: string[];
  /** Customer closing line once it is fixed. */
  resolved: string[];
  /** Agent: names the customer's feeling and situation. */
  empathy: string[];
  /** Agent: a concrete next step with an owner or a deadline. */
  actions: string[];
  /** Agent: a specific exploration question. */
  questions: string[];
  /** Agent: correct but cold or vague. */
  plain: string[];
  /** Agent: defensive, policy-first, deflecting. */
  defensive: string[];
}

/** Language-independent facts about a scenario. */
export interface ScenarioDef {
  key: ScenarioKey;
  /** Team that handles it for French-speaking customers. */
  team: TeamName;
  /** Relative frequency in the background traffic. */
  weight: number;
  /** Tones a first message is written in, with weights. */
  tones: Partial<Record<Tone, number>>;
  /** A negative experience (follow-ups and churn may happen). */
  negative: boolean;
}

export const SCENARIOS: readonly ScenarioDef[] = [
  { key: 'outage', team: 'Support technique', weight: 4, tones: { anger: 3, frustration: 4, sarcasm: 2, anxiety: 1 }, negative: true },
  { key: 'wifi', team: 'Support technique', weight: 8, tones: { frustration: 5, confusion: 2, disappointment: 2, sarcasm: 1 }, negative: true },
  { key: 'mobile_signal', team: 'Support technique', weight: 5, tones: { frustration: 4, disappointment: 2, confusion: 1 }, negative: true },
  { key: 'install', team: 'Support technique', weight: 7, tones: { frustration: 4, anger: 2, disappointment: 2, sarcasm: 1 }, negative: true },
  { key: 'porting', team: 'Service client', weight: 5, tones: { anxiety: 3, frustration: 3, anger: 1 }, negative: true },
  { key: 'delivery', team: 'Service client', weight: 6, tones: { frustration: 3, anxiety: 1, disappointment: 2, confusion: 1 }, negative: true },
  { key: 'double_debit', team: 'Facturation', weight: 3, tones: { anger: 3, anxiety: 3, frustration: 2 }, negative: true },
  { key: 'bill_increase', team: 'Facturation', weight: 8, tones: { confusion: 5, disappointment: 2, anger: 1 }, negative: true },
  { key: 'roaming', team: 'Facturation', weight: 4, tones: { anger: 2, confusion: 2, anxiety: 1 }, negative: true },
  { key: 'renewal', team: 'Fidélisation', weight: 6, tones: { disappointment: 3, anger: 2, trust: 1 }, negative: true },
  { key: 'cancel', team: 'Fidélisation', weight: 6, tones: { frustration: 3, neutral: 2, anger: 1 }, negative: true },
  { key: 'discover', team: 'Service client', weight: 7, tones: { neutral: 6, confusion: 1 }, negative: false },
  { key: 'order', team: 'Service client', weight: 5, tones: { confusion: 3, frustration: 3 }, negative: true },
  { key: 'login', team: 'Support technique', weight: 5, tones: { frustration: 4, confusion: 3 }, negative: true },
  { key: 'hold_loop', team: 'Service client', weight: 4, tones: { anger: 3, frustration: 4, sarcasm: 2 }, negative: true },
  { key: 'bereavement', team: 'Service client', weight: 1.2, tones: { neutral: 2, frustration: 1 }, negative: true },
  { key: 'vulnerable_line', team: 'Support technique', weight: 1.2, tones: { anxiety: 4 }, negative: true },
  { key: 'praise', team: 'Service client', weight: 6, tones: { gratitude: 4, trust: 2 }, negative: false },
];

export function scenarioDef(key: ScenarioKey): ScenarioDef {
  const d = SCENARIOS.find((s) => s.key === key);
  if (!d) throw new Error(`unknown scenario ${key}`);
  return d;
}
