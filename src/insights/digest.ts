import type { Change, CustomerRisk, Insights, Localized, Spike, Verbatim } from './types.ts';
import { change } from './score-breakdowns.ts';
import { isoWeek, weekIndex, weekLabel, weekStart } from './iso-week.ts';

/** A daily or a weekly digest. */
export type DigestPeriod = 'day' | 'week';

/** Which digest to build, and when "now" is. */
export interface DigestOptions {
  period: DigestPeriod;
  now: Date;
  /**
   * The latest customer message or survey answer before the end of the period just ended (the
   * store's latestActivity); when it is older than that period, the digest covers the period that
   * holds it instead. Absent: the period just ended, whatever it holds.
   */
  latest?: Date | null;
  /** A drill of the week to ride along (weekly digests only); absent or null: no drill block. */
  drill?: DigestDrill | null;
}

/** The "drill of the week" block: one scenario (a real, redacted customer message) and where to answer it. */
export interface DigestDrill {
  week: string;
  messageId: string;
  text: string;
  /** Where to take the drill: the dashboard's drills page, or a hint to open it. */
  link: string;
}

/** One of the period's main pains with a real customer story. */
export interface DigestPain {
  theme: string;
  name: Localized;
  /** Mentions in the digest period (the whole window for daily digests). */
  count: number;
  change: Change;
  negativeShare: number | null;
  story: Verbatim | null;
}

/** What a manager reads on Monday morning: short, concrete, with real customers in it. */
export interface Digest {
  period: DigestPeriod;
  /** "2026-W47" or "2026-11-22". */
  label: string;
  from: string;
  to: string;
  language: 'fr' | 'en';
  /**
   * True when the period just ended had no data and the digest covers the latest complete period
   * that has (it says so), so a digest right after an import of older data is never empty.
   */
  latestWithData: boolean;
  scores: { nps: Change; csat: Change; ces: Change; messages: Change; negativeShare: Change; responses: number };
  topPains: DigestPain[];
  compliment: Verbatim | null;
  atRisk: { count: number; valueAtRisk: number; currency: string; customers: CustomerRisk[] };
  spikes: Spike[];
  /** The drill of the week (weekly digests, when one was given); absent otherwise. */
  drill?: DigestDrill;
}

const DAY_MS = 86_400_000;

/**
 * Builds the digest of the last complete period before `now` (yesterday, or the week holding
 * yesterday, so the Monday 08:00 run covers the week just ended). `insights` should be computed over
 * that period and the one before it (see `digestWindow`), which gives the moves their baseline.
 */
export function buildDigest(insights: Insights, options: DigestOptions): Digest {
  const window = digestWindow(options.period, options.now, options.latest);
  const { from, to, label } = window.current;
  let current, previous;
  if (options.period === 'week') {
    const i = insights.scores.byWeek.findIndex((w) => w.week === label);
    current = i >= 0 ? insights.scores.byWeek[i] : undefined;
    previous = i > 0 ? insights.scores.byWeek[i - 1] : undefined;
  } else {
    const i = insights.scores.byDay.findIndex((d) => d.day === label);
    current = i >= 0 ? insights.scores.byDay[i] : undefined;
    previous = i > 0 ? insights.scores.byDay[i - 1] : undefined;
  }
  const pains = insights.themes
    .map((t) => {
      const wi = t.weekly.findIndex((w) => w.week === label);
      const count = options.period === 'week' ? (wi >= 0 ? t.weekly[wi].count : 0) : t.messages;
      const before = options.period === 'week' && wi > 0 ? t.weekly[wi - 1].count : null;
      return { t, count, before };
    })
    .filter((x) => x.count > 0 && (x.t.negativeShare ?? 0) >= 0.5)
    .sort((a, b) => b.count - a.count || a.t.theme.localeCompare(b.t.theme))
    .slice(0, 3);
  // One different story per pain, preferably from the period itself (the window also holds the
  // previous period); a message tagged with two themes is told once.
  // Spikes are weekly: keep those of the week the period ends in.
  const periodWeek = isoWeek(new Date(to.getTime() - 1));
  const told = new Set<string>();
  const inPeriod = (v: Verbatim) => v.at >= from.toISOString() && v.at < to.toISOString();
  const topPains: DigestPain[] = pains.map(({ t, count, before }) => {
    const fresh = t.verbatims.filter((v) => !told.has(v.messageId));
    const story = fresh.find(inPeriod) ?? fresh[0] ?? null;
    if (story) told.add(story.messageId);
    return { theme: t.theme, name: t.label, count, change: change(count, before), negativeShare: t.negativeShare, story };
  });
  return {
    period: options.period,
    label,
    from: from.toISOString(),
    to: to.toISOString(),
    language: insights.language,
    latestWithData: window.latestWithData,
    scores: {
      nps: change(current?.nps.score, previous?.nps.score),
      csat: change(current?.csat.score, previous?.csat.score),
      ces: change(current?.ces.mean, previous?.ces.mean),
      messages: change(current?.messages ?? 0, previous?.messages),
      negativeShare: change(current?.negativeShare, previous?.negativeShare),
      responses: current ? current.nps.responses + current.csat.responses + current.ces.responses : 0,
    },
    topPains,
    compliment: insights.compliments[0] ?? null,
    atRisk: { count: insights.atRisk.count, valueAtRisk: insights.atRisk.valueAtRisk, currency: insights.atRisk.currency, customers: insights.atRisk.customers.slice(0, 5) },
    spikes: insights.spikes.filter((s) => s.week === periodWeek).slice(0, 3),
    ...(options.period === 'week' && options.drill ? { drill: options.drill } : {}),
  };
}

/** A digest period and the one before it. */
export interface DigestWindow {
  current: { from: Date; to: Date; label: string };
  previous: { from: Date; to: Date };
  /** The period just ended had no data: `current` is the latest complete period that has. */
  latestWithData: boolean;
}

/**
 * The digest period (the day or ISO week holding yesterday, UTC, or with `latest` older than it the
 * period holding `latest`) and the one before it; the shell loads facts from `previous.from` to
 * `current.to` before computing insights for a digest.
 */
export function digestWindow(period: DigestPeriod, now: Date, latest?: Date | null): DigestWindow {
  const last = periodHolding(period, new Date(now.getTime() - DAY_MS));
  if (latest && latest.getTime() < last.current.from.getTime()) return { ...periodHolding(period, latest), latestWithData: true };
  return { ...last, latestWithData: false };
}

function periodHolding(period: DigestPeriod, at: Date): Omit<DigestWindow, 'latestWithData'> {
  const yesterday = at;
  if (period === 'day') {
    const from = new Date(Math.floor(yesterday.getTime() / DAY_MS) * DAY_MS);
    const to = new Date(from.getTime() + DAY_MS);
    return { current: { from, to, label: from.toISOString().slice(0, 10) }, previous: { from: new Date(from.getTime() - DAY_MS), to: from } };
  }
  const w = weekIndex(yesterday);
  const from = weekStart(w);
  const to = weekStart(w + 1);
  return { current: { from, to, label: weekLabel(w) }, previous: { from: weekStart(w - 1), to: from } };
}
