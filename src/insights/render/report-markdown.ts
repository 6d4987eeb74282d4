import type { Insights } from '../types.ts';
import type { Lang } from '../../core/lang.ts';
import { buildReportDocument, cellText, type ReportDocument, type ReportTable } from './report-document.ts';
import { inertMarkdown } from '../../core/inert-text.ts';

/** Escapes what would break a Markdown table cell (pipes, line breaks) and makes customer markup inert. */
function escapeCell(s: string): string {
  return inertMarkdown(s.replace(/\\/g, '\\\\')).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(t: ReportTable): string[] {
  if (t.rows.length === 0) return [];
  const out: string[] = [];
  if (t.caption) out.push(`**${t.caption}**`, '');
  out.push(`| ${t.headers.map(escapeCell).join(' | ')} |`);
  out.push(`|${t.headers.map(() => ' --- ').join('|')}|`);
  for (const r of t.rows) out.push(`| ${r.map((c) => escapeCell(cellText(c))).join(' | ')} |`);
  out.push('');
  return out;
}

/** Renders a report document as GitHub-flavoured Markdown. */
export function renderDocumentMarkdown(doc: ReportDocument): string {
  // Every text may hold customers' words (quotes, names, themes): made inert (raw HTML, links) before the markup added here.
  const md = inertMarkdown;
  const out: string[] = [`# ${md(doc.title)}`, '', `_${md(doc.subtitle)}_`, ''];
  for (const s of doc.sections) {
    out.push(`## ${md(s.title)}`, '');
    for (const p of s.paragraphs) out.push(md(p), '');
    for (const t of s.tables) out.push(...table(t));
    for (const q of s.quotes) out.push(`> ${md(q.text.replace(/\r?\n/g, ' '))}`, `> — ${md(q.by)}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The insights report as Markdown, in French (default) or English. */
export function renderReportMarkdown(insights: Insights, lang: Lang = insights.language): string {
  return renderDocumentMarkdown(buildReportDocument(insights, lang));
}
