/**
 * Act's figures as a section of the insights report (Markdown and HTML share the document model), and
 * as the lines of `ecoute cases figures`. Small on purpose: one line of headline figures, then a table
 * per team and per root cause. Every figure shows the count it rests on; "—" when there are too few.
 */
import type { Lang } from '../../core/lang.ts';
import { num, pct, signed } from '../../insights/render/format.ts';
import type { ReportSection, ReportTable } from '../../insights/render/report-document.ts';
import type { CaseFigures, CaseFigureSet, DurationFigure } from './case-figures.ts';

const HOUR = 3_600_000;

const STRINGS = {
  fr: {
    title: 'Agir : boucler la boucle',
    none: 'Aucun dossier pour l’instant : ouvrez-en un depuis une alerte ou un message de la station d’écoute.',
    headline: (f: CaseFigureSet, l: Lang) =>
      `${f.cases} dossiers (${f.open} ouverts). Première réponse en ${dur(f.firstResponse, l)}, clôture en ${dur(f.timeToClose, l)} (médianes) ; ` +
      `${share(f.overdue, l)} en retard ; ${share(f.reopen, l)} rouverts.`,
    recovery: (l: Lang, r: NonNullable<CaseFigureSet['recovery']>) =>
      `Reconquête : après un dossier clos, le sentiment suivant du client est de ${signed(r.withCase, l, 2)} (n=${r.nWith}), contre ${signed(r.without, l, 2)} (n=${r.nWithout}) pour des clients comparables sans dossier (écart ${signed(r.lift, l, 2)}).`,
    few: (n: number) => `Chaque chiffre demande au moins ${n} dossiers ; « — » sinon.`,
    team: 'Équipe', rootCause: 'Cause racine', cases: 'Dossiers', first: 'Première réponse', close: 'Clôture', overdue: 'En retard', reopen: 'Rouverts', lift: 'Reconquête',
  },
  en: {
    title: 'Act: closing the loop',
    none: 'No cases yet: open one from an alert or from a message in the listening station.',
    headline: (f: CaseFigureSet, l: Lang) =>
      `${f.cases} cases (${f.open} open). First response in ${dur(f.firstResponse, l)}, closed in ${dur(f.timeToClose, l)} (medians); ` +
      `${share(f.overdue, l)} overdue; ${share(f.reopen, l)} reopened.`,
    recovery: (l: Lang, r: NonNullable<CaseFigureSet['recovery']>) =>
      `Recovery: after a closed case the customer's next sentiment is ${signed(r.withCase, l, 2)} (n=${r.nWith}), against ${signed(r.without, l, 2)} (n=${r.nWithout}) for comparable customers without one (gap ${signed(r.lift, l, 2)}).`,
    few: (n: number) => `Each figure needs at least ${n} cases; "—" otherwise.`,
    team: 'Team', rootCause: 'Root cause', cases: 'Cases', first: 'First response', close: 'Time to close', overdue: 'Overdue', reopen: 'Reopened', lift: 'Recovery',
  },
};

/** A median duration in hours or days, with its count: "3,5 h (n=12)", "2.1 d (n=4)"; "—" when null. */
function dur(d: DurationFigure | null, lang: Lang): string {
  if (!d) return '—';
  const hours = d.medianMs / HOUR;
  const text = hours < 48 ? `${num(hours, lang)} h` : `${num(hours / 24, lang)} ${lang === 'fr' ? 'j' : 'd'}`;
  return `${text} (n=${d.n})`;
}

function share(s: { n: number } & ({ share: number } | { rate: number }) | null, lang: Lang): string {
  if (!s) return '—';
  return `${pct('share' in s ? s.share : s.rate, lang)} (n=${s.n})`;
}

function row(name: string, f: CaseFigureSet, lang: Lang): string[] {
  return [name, String(f.cases), dur(f.firstResponse, lang), dur(f.timeToClose, lang), share(f.overdue, lang), share(f.reopen, lang), f.recovery ? signed(f.recovery.lift, lang, 2) : '—'];
}

/** The report section of Act's figures, in `lang`. */
export function caseFiguresSection(figures: CaseFigures, lang: Lang): ReportSection {
  const s = STRINGS[lang];
  const section: ReportSection = { id: 'act', title: s.title, paragraphs: [], tables: [], quotes: [] };
  const o = figures.overall;
  if (o.cases === 0) {
    section.paragraphs.push(s.none);
    return section;
  }
  section.paragraphs.push(s.headline(o, lang));
  if (o.recovery) section.paragraphs.push(s.recovery(lang, o.recovery));
  section.paragraphs.push(s.few(figures.minCases));
  const headers = (first: string) => [first, s.cases, s.first, s.close, s.overdue, s.reopen, s.lift];
  const tables: ReportTable[] = [
    { caption: s.team, headers: headers(s.team), rows: figures.byTeam.map((t) => row(t.team, t.figures, lang)) },
    { caption: s.rootCause, headers: headers(s.rootCause), rows: figures.byRootCause.map((r) => row(r.title, r.figures, lang)) },
  ];
  section.tables.push(...tables.filter((t) => t.rows.length > 0));
  return section;
}

/** The same figures as plain text lines, for the terminal. */
export function caseFiguresText(figures: CaseFigures, lang: Lang): string {
  const section = caseFiguresSection(figures, lang);
  const lines = [section.title, '', ...section.paragraphs];
  for (const t of section.tables) {
    lines.push('', t.headers.join(' | '));
    for (const r of t.rows) lines.push(r.map(String).join(' | '));
  }
  return `${lines.join('\n')}\n`;
}
