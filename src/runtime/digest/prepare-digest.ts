import type { Lang } from '../../core/lang.ts';
import { computeInsights } from '../../insights/compute-insights.ts';
import { buildDigest, digestWindow, type Digest, type DigestDrill, type DigestPeriod } from '../../insights/digest.ts';
import { renderDigestHtml, renderDigestMarkdown, renderDigestText } from '../../insights/render/digest-render.ts';
import { stringsFor } from '../../insights/render/report-strings.ts';
import type { Store } from '../../store/store.ts';
import { deliverDigest, type DeliveryResult, type DeliveryTargets, type DigestMessage } from './deliver-digest.ts';
import { loadInsightsInput } from '../insights/load-insights-input.ts';
import { loadWeeklyDrill } from '../drills/weekly-drill.ts';

/** A digest rendered in every form its channels and the CLI need. */
export interface PreparedDigest {
  digest: Digest;
  lang: Lang;
  markdown: string;
  message: DigestMessage;
}

/**
 * Loads the facts of the digest period and the one before it, computes insights on them and renders
 * the digest in every form (Markdown, HTML, plain text). Language: `lang`, else the workspace's.
 */
export async function prepareDigest(
  store: Store, workspaceId: string, period: DigestPeriod, now: Date, lang?: Lang, opts: { publicUrl?: string; drill?: boolean } = {},
): Promise<PreparedDigest> {
  // The latest data before the end of the period just ended: older than that period, the digest
  // covers the latest complete period that has data (and says so), never an empty one.
  const latest = await store.latestActivity(workspaceId, digestWindow(period, now).current.to);
  const w = digestWindow(period, now, latest);
  const input = await loadInsightsInput(store, workspaceId, now, { from: w.previous.from, to: new Date(w.current.to.getTime() - 1) });
  const insights = computeInsights({ ...input, period: { from: w.current.from, to: w.current.to } });
  const l: Lang = lang ?? insights.language;
  const drill = period === 'week' && opts.drill !== false ? await drillOfTheWeek(store, workspaceId, now, l, opts.publicUrl) : null;
  const digest = buildDigest(insights, { period, now, latest, drill });
  return {
    digest,
    lang: l,
    markdown: renderDigestMarkdown(digest, l),
    message: {
      subject: `${stringsFor(l).digestTitle[period]} — ${digest.label}`,
      text: renderDigestText(digest, l),
      html: renderDigestHtml(digest, l),
    },
  };
}

/** The first scenario of this week's drill, with a link to the dashboard's drills page (null when there is none). */
async function drillOfTheWeek(store: Store, workspaceId: string, now: Date, lang: Lang, publicUrl?: string): Promise<DigestDrill | null> {
  const drill = await loadWeeklyDrill(store, workspaceId, now, { count: 1, language: lang });
  const first = drill.scenarios[0];
  if (!first) return null;
  const link = publicUrl ? `${publicUrl}/#/drills` : lang === 'fr' ? 'tableau de bord, page Exercices (ecoute serve)' : 'the dashboard, Drills page (ecoute serve)';
  return { week: drill.week, messageId: first.messageId, text: first.text, link };
}

/**
 * Prepares one workspace's digest from that workspace's data alone and sends it to `targets` (the
 * `serve` schedule calls this once per workspace, with that workspace's recipients).
 */
export async function sendDigest(
  store: Store, workspaceId: string, targets: DeliveryTargets, period: DigestPeriod, now: Date, opts: { publicUrl?: string; lang?: Lang } = {},
): Promise<DeliveryResult> {
  const prepared = await prepareDigest(store, workspaceId, period, now, opts.lang, { publicUrl: opts.publicUrl });
  return deliverDigest(prepared.message, targets);
}
