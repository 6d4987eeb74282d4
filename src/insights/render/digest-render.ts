import type { Change } from '../types.ts';
import type { Digest } from '../digest.ts';
import type { Lang } from '../../core/lang.ts';
import { amount, clip, day, num, pct, pctUnits, quoted, signed } from './format.ts';
import { stringsFor } from './report-strings.ts';
import { escapeHtml } from './html-escape.ts';
import { inertChat, inertMarkdown } from '../../core/inert-text.ts';
import { REPORT_CSS } from './report-html.ts';

/** The digest as neutral blocks; each renderer decides emphasis and layout. */
interface Block {
  heading: string;
  lines: { text: string; quote?: string; by?: string }[];
}

const listSep = (lang: Lang) => (lang === 'fr' ? ' ; ' : '; ');
const colon = (lang: Lang) => (lang === 'fr' ? ' : ' : ': ');

function move(c: Change, lang: Lang, fmt: (x: number | null) => string, digits = 1): string {
  const s = stringsFor(lang);
  return c.delta === null ? fmt(c.current) : `${fmt(c.current)} (${signed(c.delta, lang, digits)} ${s.vsPrevious})`;
}

function blocks(d: Digest, lang: Lang): { title: string; subtitle: string; blocks: Block[] } {
  const s = stringsFor(lang);
  const who = (v: { customerName: string | null; customerRef: string | null; channel: string; at: string }) =>
    `${v.customerName ?? v.customerRef ?? (lang === 'fr' ? 'un client' : 'a customer')}, ${day(v.at, lang)}`;
  const out: Block[] = [];
  out.push({
    heading: s.moves,
    lines: [
      { text: `${s.nps}${colon(lang)}${move(d.scores.nps, lang, (x) => num(x, lang))}` },
      { text: `${s.csat}${colon(lang)}${move(d.scores.csat, lang, (x) => pctUnits(x, lang))}` },
      { text: `${s.ces}${colon(lang)}${move(d.scores.ces, lang, (x) => num(x, lang, 2), 2)}` },
      { text: `${s.customerMessages}${colon(lang)}${move(d.scores.messages, lang, (x) => num(x, lang, 0), 0)}` },
      { text: `${s.negativeShare}${colon(lang)}${pct(d.scores.negativeShare.current, lang)}` },
    ],
  });
  out.push({
    heading: s.topPains,
    lines: d.topPains.length === 0 ? [{ text: s.none }] : d.topPains.map((p, i) => ({
      text: `${i + 1}. ${p.name[lang]} — ${num(p.count, lang, 0)} ${p.count === 1 ? s.mention : s.mentions}${p.change.delta !== null ? ` (${signed(p.change.delta, lang, 0)})` : ''}`,
      quote: p.story ? clip(p.story.text, 280) : undefined,
      by: p.story ? who(p.story) : undefined,
    })),
  });
  out.push({
    heading: s.compliment,
    lines: d.compliment ? [{ text: '', quote: clip(d.compliment.text, 280), by: who(d.compliment) }] : [{ text: s.noCompliment }],
  });
  out.push({
    heading: s.customersAtRisk,
    lines: [
      { text: `${num(d.atRisk.count, lang, 0)} · ${s.valueAtRisk}${colon(lang)}${amount(d.atRisk.valueAtRisk, lang, d.atRisk.currency)}` },
      ...d.atRisk.customers.map((c) => ({
        text: `${c.name ?? c.customerRef ?? c.customerId} (${c.score}/100)${c.segment ? ` · ${c.segment}` : ''} — ${c.reasons.slice(0, 3).map((r) => r.text[lang]).join(listSep(lang))}`,
      })),
    ],
  });
  if (d.spikes.length > 0) {
    out.push({
      heading: s.spikes,
      lines: d.spikes.map((x) => ({ text: `${x.name[lang]}${colon(lang)}${num(x.count, lang, 0)} (${s.baseline.toLowerCase()} ${num(x.baseline, lang)})` })),
    });
  }
  if (d.drill) {
    out.push({
      heading: lang === 'fr' ? `Exercice d'empathie de la semaine (${d.drill.week})` : `Empathy drill of the week (${d.drill.week})`,
      lines: [{
        text: lang === 'fr'
          ? `Que ressent ce client, de quoi a-t-il besoin, que lui répondriez-vous ? Répondez ici : ${d.drill.link}`
          : `What does this customer feel, what do they need, what would you reply? Answer here: ${d.drill.link}`,
        quote: clip(d.drill.text, 400),
        by: lang === 'fr' ? 'un client (anonymisé)' : 'a customer (redacted)',
      }],
    });
  }
  const periodText = (d.period === 'week' ? `${d.label} · ${day(d.from, lang)} – ${day(new Date(Date.parse(d.to) - 1).toISOString(), lang)}` : day(d.from, lang))
    + (d.latestWithData ? ` (${s.latestWithData[d.period]})` : '');
  return { title: s.digestTitle[d.period], subtitle: periodText, blocks: out };
}

/** The digest as Markdown (e-mail body alternative, archives). */
export function renderDigestMarkdown(d: Digest, lang: Lang = d.language): string {
  const b = blocks(d, lang);
  // Customers' words (quotes, names, segments) are made inert: no raw HTML, no links from them.
  const md = inertMarkdown;
  const out = [`# ${md(b.title)}`, '', `_${md(b.subtitle)}_`, ''];
  for (const block of b.blocks) {
    out.push(`## ${md(block.heading)}`, '');
    for (const l of block.lines) {
      if (l.text) out.push(l.text.match(/^\d+\./) ? md(l.text) : `- ${md(l.text)}`);
      if (l.quote) out.push('', `> ${md(quoted(l.quote, lang).replace(/\r?\n/g, ' '))}`, `> — ${md(l.by ?? '')}`, '');
    }
    out.push('');
  }
  out.push(`_${stringsFor(lang).openReport}_`);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** The digest as plain text for a Slack or Teams incoming webhook ({"text": …}); *bold* works in both. */
export function renderDigestText(d: Digest, lang: Lang = d.language): string {
  const b = blocks(d, lang);
  // Customers' words never notify (<!channel>, <@U…>) nor link: inertChat escapes them for Slack and Teams.
  const chat = inertChat;
  const out = [`*${chat(b.title)}* — ${chat(b.subtitle)}`, ''];
  for (const block of b.blocks) {
    out.push(`*${chat(block.heading)}*`);
    for (const l of block.lines) {
      if (l.text) out.push(l.text.match(/^\d+\./) ? chat(l.text) : `• ${chat(l.text)}`);
      if (l.quote) out.push(`> ${chat(quoted(l.quote, lang).replace(/\r?\n/g, ' '))} — ${chat(l.by ?? '')}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The digest as a self-contained HTML e-mail body. */
export function renderDigestHtml(d: Digest, lang: Lang = d.language): string {
  const b = blocks(d, lang);
  const body = b.blocks.map((block) => [
    `<h2>${escapeHtml(block.heading)}</h2><ul>`,
    ...block.lines.map((l) => `<li>${escapeHtml(l.text)}${l.quote ? `<blockquote><p>${escapeHtml(quoted(l.quote, lang))}</p><footer>— ${escapeHtml(l.by ?? '')}</footer></blockquote>` : ''}</li>`),
    '</ul>',
  ].join('\n')).join('\n');
  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(b.title)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<h1>${escapeHtml(b.title)}</h1><p class="sub">${escapeHtml(b.subtitle)}</p>`,
    body,
    `<p class="legend">${escapeHtml(stringsFor(lang).openReport)}</p></body></html>`,
    '',
  ].join('\n');
}
