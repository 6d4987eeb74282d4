/**
 * The reply-empathy history as terminal text, in French or English: per team and per agent, the mean
 * coach score, the canned share and the reply count, then how empathy goes with the next score and
 * with reopened cases — said as an association, with its interval and its n.
 */
import type { Lang } from '../../core/lang.ts';
import type { EmpathyGroup, ReplyHistory } from './reply-history.ts';

const T = {
  fr: {
    title: 'Empathie des réponses (coach)', none: 'Aucune réponse d’agent à un message client sur la période.',
    team: 'Par équipe', agent: 'Par agent', score: 'score', canned: 'toutes faites', replies: (n: number) => (n === 1 ? 'réponse' : 'réponses'),
    few: (m: number) => `moins de ${m} réponses : non classé`, all: 'Ensemble',
    next: (n: number) => `Lien avec la note suivante du client (Spearman, ${n} conversations)`,
    tooFew: 'trop peu de conversations notées après une réponse pour conclure',
    reopen: (m: string) => `Cas rouverts, conversations sous / au-dessus du score médian (${m})`,
    note: 'Une association, pas une cause : les équipes qui traitent les cas difficiles peuvent avoir des scores plus bas sur les deux.',
  },
  en: {
    title: 'Reply empathy (coach)', none: 'No agent reply to a customer message in the period.',
    team: 'By team', agent: 'By agent', score: 'score', canned: 'canned', replies: (n: number) => (n === 1 ? 'reply' : 'replies'),
    few: (m: number) => `fewer than ${m} replies: not ranked`, all: 'All',
    next: (n: number) => `Link with the customer's next score (Spearman, ${n} conversations)`,
    tooFew: 'too few conversations scored after a reply to conclude',
    reopen: (m: string) => `Reopened cases, conversations below / at or above the median score (${m})`,
    note: 'An association, not a cause: teams that handle the hard cases may score lower on both.',
  },
} as const;

const fmt = (x: number, lang: Lang, digits = 1) => x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits }).replace(/\u202f|\u00a0/g, ' ');
const pct = (x: number | null, lang: Lang) => (x === null ? '—' : `${fmt(x * 100, lang, 0)}${lang === 'fr' ? ' %' : '%'}`);

function line(g: EmpathyGroup, name: string, lang: Lang, min: number): string {
  const t = T[lang];
  return `  ${name.padEnd(22)} ${t.score} ${fmt(g.meanScore, lang).padStart(5)}  ${t.canned} ${pct(g.cannedRate, lang).padStart(5)}  ${g.replies} ${t.replies(g.replies)}${g.enough ? '' : ` (${t.few(min)})`}`;
}

/** Plain text for `ecoute empathy`. */
export function renderReplyHistory(h: ReplyHistory, lang: Lang): string {
  const t = T[lang];
  const out = [t.title, '='.repeat(t.title.length)];
  if (!h.overall) return `${[...out, t.none].join('\n')}\n`;
  out.push(line(h.overall, t.all, lang, h.minReplies), '');
  for (const [title, groups] of [[t.team, h.byTeam], [t.agent, h.byAgent]] as const) {
    if (groups.length === 0) continue;
    out.push(`${title}:`, ...groups.map((g) => line(g, g.key ?? '—', lang, h.minReplies)), '');
  }
  const ns = h.nextScore;
  out.push(`${t.next(ns.conversations)}: ${ns.r === null ? t.tooFew : `r = ${fmt(ns.r, lang, 2)}${ns.ci ? ` [${fmt(ns.ci.low, lang, 2)}${lang === 'fr' ? ' ; ' : ', '}${fmt(ns.ci.high, lang, 2)}]` : ` (${t.tooFew})`}`}`);
  const ro = h.reopen;
  out.push(`${t.reopen(ro.medianScore === null ? '—' : fmt(ro.medianScore, lang))}: ${pct(ro.below.rate, lang)} (${ro.below.reopened}/${ro.below.cases}) / ${pct(ro.above.rate, lang)} (${ro.above.reopened}/${ro.above.cases})`);
  out.push(t.note);
  return `${out.join('\n')}\n`;
}
