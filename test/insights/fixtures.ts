import type { Analysis } from '../../src/core/analysis.ts';
import type { EmployeeFact, MessageFact, SurveyFact } from '../../src/core/facts.ts';
import type { Emotion, Need, Stage } from '../../src/core/labels.ts';

/** Small builders for hand-made facts; every field not given gets a neutral default. */
export interface AnalysisSpec {
  sentiment?: 'negative' | 'neutral' | 'positive';
  score?: number;
  emotions?: Emotion[];
  needs?: Need[];
  themes?: string[];
  evidence?: Record<string, string>;
  stage?: Stage | null;
  churn?: boolean;
  repeat?: boolean;
  reason?: string | null;
  language?: string;
}

export function analysis(spec: AnalysisSpec = {}): Analysis {
  const sentiment = spec.sentiment ?? 'neutral';
  return {
    language: spec.language ?? 'fr',
    sentiment: { label: sentiment, score: spec.score ?? (sentiment === 'negative' ? -0.6 : sentiment === 'positive' ? 0.6 : 0) },
    emotions: (spec.emotions ?? []).map((label) => ({ label, score: 0.8, evidence: null })),
    needs: (spec.needs ?? []).map((label) => ({ label, score: 0.7, evidence: null })),
    themes: (spec.themes ?? []).map((label) => ({ label, score: 0.9, evidence: spec.evidence?.[label] ?? null })),
    stage: spec.stage ? { label: spec.stage, score: 0.8, evidence: null } : null,
    signals: { churnIntent: spec.churn ?? false, urgency: 'low', vulnerable: false, repeatContact: spec.repeat ?? false },
    reason: spec.reason ?? null,
  };
}

let seq = 0;

export function message(over: Partial<MessageFact> & { a?: AnalysisSpec | null } = {}): MessageFact {
  seq++;
  const { a, ...rest } = over;
  return {
    messageId: `m${seq}`,
    conversationId: `c${seq}`,
    customerId: null,
    customerRef: null,
    customerName: null,
    segment: null,
    customerValue: null,
    channel: 'email',
    brand: null,
    team: null,
    agent: null,
    role: 'customer',
    at: new Date('2026-11-02T10:00:00Z'),
    language: a?.language ?? 'fr',
    text: 'Message de test sans importance particulière.',
    analysis: a === null ? null : analysis(a ?? {}),
    ...rest,
  };
}

export function survey(kind: SurveyFact['kind'], score: number, over: Partial<SurveyFact> = {}): SurveyFact {
  seq++;
  return {
    conversationId: `s${seq}`,
    customerId: null,
    customerRef: null,
    kind,
    score,
    at: new Date('2026-11-02T10:00:00Z'),
    channel: 'email',
    brand: null,
    team: null,
    agent: null,
    segment: null,
    ...over,
  };
}

export function employee(team: string, enps: number | null, items: Record<string, number> = {}): EmployeeFact {
  return { team, period: '2026-Q4', enps, items, at: new Date('2026-10-15T00:00:00Z') };
}

/** A date `days` after Monday 2026-11-02 (ISO week 2026-W45). */
export function dayAt(days: number): Date {
  return new Date(Date.UTC(2026, 10, 2 + days, 10));
}
