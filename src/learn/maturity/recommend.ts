/**
 * The next three actions after an assessment, taken from its weakest dimensions, in the reader's
 * language. Each action cites the workspace figure that bears on it when the caller passes one, and
 * says plainly that the figure is unknown when not: a self-assessment is a claim, and the figure is
 * what lets a team check it — so it is never guessed.
 */
import type { Lang } from '../../core/lang.ts';
import { questionsOf } from './question-bank.ts';
import type { Answers, AssessmentScores } from './score-assessment.ts';
import { DIMENSION_NAMES, DIMENSIONS, type Dimension, type Localized } from './sources.ts';

/** Figures from the workspace that confirm or contradict the answers; each may be unknown. */
export interface AssessmentEvidence {
  /** People who read the listening station in the last month. */
  listeningReadersLastMonth?: number;
  /** Share (0–1) of alerts closed within their deadline. */
  alertsClosedOnTimeShare?: number;
  /** Share (0–1) of the team who took part in the last empathy drill. */
  drillParticipation?: number;
  /** Net Promoter Score, −100 to 100. */
  nps?: number;
  /** How many survey answers `nps` is computed from, when known (shown beside it). */
  npsResponses?: number;
}
/** The name of one workspace figure. */
export type EvidenceKey = Exclude<keyof AssessmentEvidence, 'npsResponses'>;

/** One recommended action. */
export interface Recommendation {
  dimension: Dimension;
  dimensionName: string;
  score: number;
  action: string;
  /** The lowest-answered question of the dimension: where to start. */
  weakestQuestion: { id: string; text: string; answer: number };
  evidence: { key: EvidenceKey; value: number | null; text: string };
}

const ACTIONS: Readonly<Record<Dimension, { action: Localized; evidence: EvidenceKey }>> = {
  listen: { evidence: 'listeningReadersLastMonth', action: {
    fr: 'Ouvrez la station d’écoute à toute l’entreprise et installez un rituel : chaque manager lit dix messages clients par semaine.',
    en: 'Open the listening station to the whole company and build a habit: every manager reads ten customer messages a week.' } },
  understand: { evidence: 'nps', action: {
    fr: 'Pour vos trois motifs de plainte les plus fréquents, écrivez avec les mots des clients ce dont ils ont besoin et pourquoi ils le vivent mal.',
    en: 'For your three most frequent complaints, write down in the customers’ own words what they need and why it feels bad to them.' } },
  act: { evidence: 'alertsClosedOnTimeShare', action: {
    fr: 'Donnez à chaque alerte un responsable et un délai, et rappelez chaque client à risque sous 48 heures.',
    en: 'Give every alert a named owner and a deadline, and call back every customer at risk within 48 hours.' } },
  learn: { evidence: 'nps', action: {
    fr: 'Choisissez un indicateur de ressenti (NPS, satisfaction ou effort), suivez-le chaque semaine et rattachez chaque action à son évolution.',
    en: 'Pick one measure of how customers feel (NPS, satisfaction or effort), follow it weekly, and tie each action to how it moves.' } },
  strategy: { evidence: 'nps', action: {
    fr: 'Ajoutez une étape « point de vue client » à chaque décision importante : quelle frustration, pour qui, à quel moment du parcours ?',
    en: 'Add a “customer view” step to every major decision: what frustration, for whom, at which step of the journey?' } },
  leadership: { evidence: 'listeningReadersLastMonth', action: {
    fr: 'Demandez à chaque dirigeant une heure d’écoute client par mois, et ouvrez chaque réunion plénière sur l’expérience client.',
    en: 'Ask each leader for one hour of customer listening a month, and open every all-hands with customer experience.' } },
  people: { evidence: 'drillParticipation', action: {
    fr: 'Organisez un exercice d’empathie par mois, un jeu de rôle tiré d’un vrai message client, et posez une question sur le sens du client à chaque entretien d’embauche.',
    en: 'Run one empathy drill a month — a role-play built on a real customer message — and ask a customer-focus question in every job interview.' } },
  systems: { evidence: 'alertsClosedOnTimeShare', action: {
    fr: 'Montrez à chaque conseiller l’historique complet du client sur un seul écran, et autorisez par écrit les exceptions que sa situation justifie.',
    en: 'Show every agent the customer’s full history on one screen, and allow in writing the exceptions a customer’s situation justifies.' } },
};

const EVIDENCE_LABELS: Readonly<Record<EvidenceKey, Localized>> = {
  listeningReadersLastMonth: { fr: 'Lecteurs de la station d’écoute le mois dernier', en: 'Listening station readers last month' },
  alertsClosedOnTimeShare: { fr: 'Alertes closes dans les délais', en: 'Alerts closed on time' },
  drillParticipation: { fr: 'Participation aux exercices d’empathie', en: 'Empathy drill participation' },
  nps: { fr: 'NPS', en: 'NPS' },
};

const UNKNOWN: Localized = {
  fr: 'inconnu (pas mesuré ici ; mesurez-le pour vérifier vos réponses)',
  en: 'unknown (not measured here; measure it to check your answers)',
};

/** "12", "64 %" / "64%", "+12": how each figure reads in each language. */
function formatEvidence(key: EvidenceKey, value: number, lang: Lang, evidence: AssessmentEvidence): string {
  if (key === 'alertsClosedOnTimeShare' || key === 'drillParticipation') {
    const pct = Math.round(value * 100);
    return lang === 'fr' ? `${pct} %` : `${pct}%`;
  }
  if (key === 'nps') {
    const n = Math.round(value);
    const r = evidence.npsResponses;
    const basis = r === undefined ? '' : lang === 'fr' ? ` (${r} réponses)` : ` (${r} answers)`;
    return `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)}${basis}`;
  }
  return String(Math.round(value));
}

/** The cited figure of one recommendation, or "unknown" when the caller did not pass it. */
export function citeEvidence(key: EvidenceKey, evidence: AssessmentEvidence, lang: Lang): Recommendation['evidence'] {
  const value = evidence[key];
  const known = typeof value === 'number' && Number.isFinite(value);
  const sep = lang === 'fr' ? ' : ' : ': ';
  return {
    key,
    value: known ? value : null,
    text: `${EVIDENCE_LABELS[key][lang]}${sep}${known ? formatEvidence(key, value, lang, evidence) : UNKNOWN[lang]}.`,
  };
}

/**
 * The three weakest dimensions (ties kept in flywheel order, so listening comes before the rest), each
 * with its action, its lowest-answered question and its evidence.
 */
export function recommend(scores: AssessmentScores, answers: Answers, lang: Lang, evidence: AssessmentEvidence = {}): Recommendation[] {
  const weakest = [...DIMENSIONS].sort((a, b) => scores.dimensions[a] - scores.dimensions[b] || DIMENSIONS.indexOf(a) - DIMENSIONS.indexOf(b)).slice(0, 3);
  return weakest.map((d) => {
    const lowest = questionsOf(d).reduce((min, q) => (answers[q.id] < answers[min.id] ? q : min));
    return {
      dimension: d,
      dimensionName: DIMENSION_NAMES[d][lang],
      score: scores.dimensions[d],
      action: ACTIONS[d].action[lang],
      weakestQuestion: { id: lowest.id, text: lowest.text[lang], answer: answers[lowest.id] },
      evidence: citeEvidence(ACTIONS[d].evidence, evidence, lang),
    };
  });
}
