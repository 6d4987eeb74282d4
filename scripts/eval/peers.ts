/**
 * Peer sentiment analysers evaluated in the same run, with their documented neutral thresholds:
 * VADER compound ≥ 0.05 positive, ≤ −0.05 negative (Hutto & Gilbert's recommendation); AFINN
 * (`sentiment` package) score sign; nlp.js (@nlpjs/sentiment with @nlpjs/lang-fr) vote, French only
 * (its English dictionary package is not installed).
 */
import { createRequire } from 'node:module';
import type { SentimentLabel } from '../../src/core/labels.ts';

const require = createRequire(import.meta.url);

export interface Peer {
  name: string;
  /** null when the peer does not handle the language. */
  classify(text: string, lang: 'en' | 'fr'): Promise<SentimentLabel | null>;
}

const sign = (x: number): SentimentLabel => (x > 0 ? 'positive' : x < 0 ? 'negative' : 'neutral');

export function loadPeers(): Peer[] {
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
  const Afinn = require('sentiment') as new () => { analyze(t: string): { score: number } };
  const afinn = new Afinn();
  const { Container } = require('@nlpjs/core') as { Container: new () => { use(x: unknown): void } };
  const { LangFr } = require('@nlpjs/lang-fr') as { LangFr: unknown };
  const { SentimentAnalyzer } = require('@nlpjs/sentiment') as { SentimentAnalyzer: new (o: unknown) => { process(i: { locale: string; text: string }): Promise<{ sentiment: { score: number } }> } };
  const container = new Container();
  container.use(LangFr);
  const nlpjs = new SentimentAnalyzer({ container });
  return [
    { name: 'vader-sentiment', classify: async (t) => { const c = vader.SentimentIntensityAnalyzer.polarity_scores(t).compound; return c >= 0.05 ? 'positive' : c <= -0.05 ? 'negative' : 'neutral'; } },
    { name: 'sentiment (AFINN)', classify: async (t) => sign(afinn.analyze(t).score) },
    { name: '@nlpjs/sentiment', classify: async (t, lang) => (lang === 'fr' ? sign((await nlpjs.process({ locale: 'fr', text: t })).sentiment.score) : null) },
  ];
}
