/**
 * Écoute as a library: `import { analyze, loadModel } from 'ecoute'`. The package's `exports` map
 * points here (compiled to dist/index.js with its types by `npm run build`). What is exported is the
 * stable surface: the per-message analysis and its contract, the reply coach, the store and the
 * insights over it. Everything else is internal and may move.
 */
export { analyze, MAX_CHARS, type AnalyzeOptions } from './analyze/analyze.ts';
export type { AnalyzerModel } from './analyze/model.ts';
export { loadModel, DEFAULT_MODEL_DIR } from './runtime/analysis/load-model.ts';
export { AnalysisSchema, type Analysis, type Finding } from './core/analysis.ts';
export {
  EMOTIONS, NEEDS, THEMES, STAGES, CHANNELS, SENTIMENTS, URGENCIES,
  type Emotion, type Need, type Theme, type Stage, type Channel, type SentimentLabel, type Urgency,
} from './core/labels.ts';
export { coachReply, coachBatch } from './act/coach/coach.ts';
export type { CoachInput, CoachResult } from './act/coach/coach-model.ts';
export { loadCoachModel } from './runtime/analysis/load-coach-model.ts';
export { openStore, type OpenStoreOptions } from './store/open-store.ts';
export type { Store } from './store/store.ts';
export { computeInsights } from './insights/compute-insights.ts';
export type { Insights } from './insights/types.ts';
export { EcouteError, InputError, UsageError, ConfigError, NotFoundError, StoreError, ModelError } from './core/errors.ts';
