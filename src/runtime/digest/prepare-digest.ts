import type { Config } from '../../core/config.ts';
import type { Lang } from '../../core/lang.ts';
import { computeInsights } from '../../insights/compute-insights.ts';
import { buildDigest, digestWindow, type Digest, type DigestPeriod } from '../../insights/digest.ts';
import { renderDigestHtml, renderDigestMarkdown, renderDigestText } from '../../insights/render/digest-render.ts';
import { stringsFor } from '../../insights/render/report-strings.ts';
import type { Store } from '../../store/store.ts';
import { deliverDigest, type DeliveryResult, type DigestMessage } from './deliver-digest.ts';
import { loadInsightsInput } from '../insights/load-insights-input.ts';

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
export async function prepareDigest(store: Store, workspaceId: string, period: DigestPeriod, now: Date, lang?: Lang): Promise<PreparedDigest> {
  const w = digestWindow(period, now);
  const input = await loadInsightsInput(store, workspaceId, now, { from: w.previous.from, to: new Date(w.current.to.getTime() - 1) });
  const insights = computeInsights({ ...input, period: { from: w.current.from, to: w.current.to } });
  const digest = buildDigest(insights, { period, now });
  const l: Lang = lang ?? insights.language;
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

/** Prepares and sends the digest to the configured channels (the `serve` schedule calls this). */
export async function sendDigest(store: Store, config: Config, period: DigestPeriod, now: Date, lang?: Lang): Promise<DeliveryResult> {
  const prepared = await prepareDigest(store, config.workspace, period, now, lang);
  return deliverDigest(prepared.message, config);
}
