import type { SurveyFact } from '../core/facts.ts';
import type { CesScore, CsatScore, NpsScore, ScoreSet } from './types.ts';
import { meanInterval, npsInterval, round, wilsonInterval } from './stats/intervals.ts';

/**
 * Running tallies of NPS, CSAT and CES answers, so any cut (week, channel, team…) is one pass over
 * the survey rows. Conventions: NPS promoters 9–10, passives 7–8, detractors 0–6 (Reichheld, "The One
 * Number You Need to Grow", HBR 2003); CSAT = share of 4–5 on 1–5; CES = mean of 1–7.
 */
export class ScoreTally {
  promoters = 0;
  passives = 0;
  detractors = 0;
  csatN = 0;
  csatSatisfied = 0;
  cesN = 0;
  cesSum = 0;
  cesSumSq = 0;

  add(s: Pick<SurveyFact, 'kind' | 'score'>): void {
    if (s.kind === 'nps') {
      if (s.score >= 9) this.promoters++;
      else if (s.score >= 7) this.passives++;
      else this.detractors++;
    } else if (s.kind === 'csat') {
      this.csatN++;
      if (s.score >= 4) this.csatSatisfied++;
    } else {
      this.cesN++;
      this.cesSum += s.score;
      this.cesSumSq += s.score * s.score;
    }
  }

  /** Adds another tally's answers (counts and integer sums, so merging is exact). */
  merge(o: ScoreTally): void {
    this.promoters += o.promoters;
    this.passives += o.passives;
    this.detractors += o.detractors;
    this.csatN += o.csatN;
    this.csatSatisfied += o.csatSatisfied;
    this.cesN += o.cesN;
    this.cesSum += o.cesSum;
    this.cesSumSq += o.cesSumSq;
  }

  get responses(): number {
    return this.promoters + this.passives + this.detractors + this.csatN + this.cesN;
  }

  nps(): NpsScore {
    return npsScore(this.promoters, this.passives, this.detractors);
  }

  csat(): CsatScore {
    return csatScore(this.csatSatisfied, this.csatN);
  }

  ces(): CesScore {
    const m = meanInterval(this.cesSum, this.cesSumSq, this.cesN);
    return {
      mean: m.mean === null ? null : round(m.mean, 2),
      sd: m.sd === null ? null : round(m.sd, 2),
      responses: this.cesN,
      ci: m.ci && { low: round(m.ci.low, 2), high: round(m.ci.high, 2) },
    };
  }

  result(): ScoreSet {
    return { nps: this.nps(), csat: this.csat(), ces: this.ces() };
  }
}

/** NPS from counts, score and interval on the −100..100 scale, one decimal. */
export function npsScore(promoters: number, passives: number, detractors: number): NpsScore {
  const n = promoters + passives + detractors;
  const ci = npsInterval(promoters, detractors, n);
  return {
    score: n === 0 ? null : round(((promoters - detractors) / n) * 100),
    promoters,
    passives,
    detractors,
    responses: n,
    ci: ci && { low: round(ci.low * 100), high: round(ci.high * 100) },
  };
}

/** CSAT percentage with its Wilson interval, one decimal. */
export function csatScore(satisfied: number, n: number): CsatScore {
  const ci = wilsonInterval(satisfied, n);
  return {
    score: n === 0 ? null : round((satisfied / n) * 100),
    satisfied,
    responses: n,
    ci: ci && { low: round(ci.low * 100), high: round(ci.high * 100) },
  };
}

/** Scores of a list of survey answers. */
export function computeScores(surveys: readonly Pick<SurveyFact, 'kind' | 'score'>[]): ScoreSet {
  const t = new ScoreTally();
  for (const s of surveys) t.add(s);
  return t.result();
}
