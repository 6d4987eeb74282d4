import type { Insights } from '../types.ts';
import type { Lang } from '../../core/lang.ts';
import { buildReportDocument, cellText, type ReportCell, type ReportDocument, type ReportTable } from './report-document.ts';
import { escapeHtml, inlineHtml } from './html-escape.ts';

/** Inline styles: the file must open anywhere (mail, intranet, offline) with no external asset. */
export const REPORT_CSS = `
:root{color-scheme:light;--ink:#1d2433;--muted:#5b6475;--line:#d9dee8;--accent:#8a2d52}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);max-width:1100px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.7rem;margin:0 0 .25rem;color:var(--accent)}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
.sub{color:var(--muted);margin:0 0 1.5rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.25rem;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f9;font-weight:600}td.num{text-align:right;white-space:nowrap}td.heat{text-align:center;white-space:nowrap}
blockquote{margin:.75rem 0;padding:.5rem 1rem;border-left:4px solid var(--accent);background:#faf7f9}blockquote footer{color:var(--muted);font-size:.85rem}
.legend{font-size:.8rem;color:var(--muted)}.table-wrap{overflow-x:auto;margin:.5rem 0 1.25rem}.table-wrap table{margin:0}
table.heatmap{width:auto;font-size:.82rem}table.heatmap th[scope=col]{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;text-align:left;padding:.5rem .3rem}table.heatmap td.heat{min-width:3.2rem}
@media print{body{margin:0}h2{break-after:avoid}table{break-inside:avoid}.table-wrap{overflow:visible}}`;

/** Heatmap shade: white to wine red (negative emotions) or to green (positive ones), text kept readable. */
function heatStyle(heat: number, tone: 'negative' | 'positive'): string {
  const a = Math.max(0, Math.min(1, heat));
  const alpha = Math.round(a * 85) / 100;
  const rgb = tone === 'negative' ? '138,45,82' : '31,122,90';
  return `background:rgba(${rgb},${alpha});color:${alpha > 0.45 ? '#fff' : 'inherit'}`;
}

/** A data cell: heatmap cells shaded, numeric cells right-aligned. */
function cell(c: ReportCell): string {
  if (typeof c !== 'string') return `<td class="heat" style="${heatStyle(c.heat, c.tone)}">${escapeHtml(c.text)}</td>`;
  const numeric = /^[−+\-]?[\d\s.,]+( ?%| pts)?( \(n=\d+\))?$/.test(c);
  return `<td${numeric ? ' class="num"' : ''}>${escapeHtml(c)}</td>`;
}

function table(t: ReportTable): string {
  if (t.rows.length === 0) return '';
  const caption = t.caption ? `<caption>${escapeHtml(t.caption)}</caption>` : '';
  const head = `<thead><tr>${t.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = t.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(cellText(c))}</th>` : cell(c))).join('')}</tr>`).join('\n');
  // Wide tables (the 12-emotion heatmap) scroll inside their box instead of breaking the page.
  return `<div class="table-wrap"><table${t.heatmap ? ' class="heatmap"' : ''}>${caption}${head}<tbody>\n${body}\n</tbody></table></div>`;
}

/** Renders a report document as one self-contained HTML page. */
export function renderDocumentHtml(doc: ReportDocument): string {
  const sections = doc.sections.map((s) => [
    `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>`,
    ...s.paragraphs.map((p) => `<p>${inlineHtml(p)}</p>`),
    ...s.tables.map(table),
    ...s.quotes.map((q) => `<blockquote><p>${escapeHtml(q.text)}</p><footer>— ${escapeHtml(q.by)}</footer></blockquote>`),
    '</section>',
  ].join('\n'));
  return [
    '<!doctype html>',
    `<html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${escapeHtml(doc.title)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<header><h1>${escapeHtml(doc.title)}</h1><p class="sub">${escapeHtml(doc.subtitle)}</p></header><main>`,
    ...sections,
    '</main></body></html>',
    '',
  ].join('\n');
}

/** The insights report as a self-contained HTML page (heatmap journey table), French by default. */
export function renderReportHtml(insights: Insights, lang: Lang = insights.language): string {
  return renderDocumentHtml(buildReportDocument(insights, lang));
}
