/**
 * The employee engagement survey (EX): anonymous monthly pulse answers of the five teams over nine
 * months (2026-03 to 2026-11, 8 a team a month). EX leads CX by LEAD_MONTHS: a team's survey in month
 * m shows the engagement profile that drives its reply quality (so its customers' experience) in
 * month m + 2 — staff feel it first, customers two months later. That is the real, modest lagged
 * effect the EX → CX page can find; month-level and answer-level noise keep it honest, and with three
 * months of conversations the page still says that is too few to conclude. Comments are mostly French.
 */
import type { Rng } from './prng.ts';
import { TEAMS, TEAM_NAMES, type TeamName } from './people.ts';
import { csvDocument } from './csv.ts';

export const EMPLOYEE_HEADER = ['team', 'period', 'enps', 'engagement_recognition', 'engagement_tools', 'engagement_workload', 'engagement_manager', 'comment'];
/** Monthly pulses; index 6 is 2026-09, the first month of conversations (profile month 0). */
const PERIODS = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const FIRST_CX = 6;

/** EX leads CX by this many months. */
export const LEAD_MONTHS = 2;

/**
 * Change of mean engagement per month over the spring and summer, by team: the teams that end low
 * were sliding (Fidélisation, Facturation), the strong ones steady or improving. Months before the
 * profile begins are its first month minus trend × months before.
 */
const TREND: Record<TeamName, number> = {
  Facturation: -0.08,
  'Support technique': -0.03,
  'Service client': 0.02,
  Fidélisation: -0.1,
  'Customer Care EN': 0.03,
};

/** Item offsets from the team's mean engagement (recognition, tools, workload, manager). */
const OFFSETS: Record<TeamName, [number, number, number, number]> = {
  Facturation: [-0.2, -0.9, -0.2, 0.3],
  'Support technique': [0, -0.3, -0.5, 0.4],
  'Service client': [0.2, -0.2, -0.1, 0.5],
  Fidélisation: [-0.7, -0.2, -0.8, -0.3],
  'Customer Care EN': [0.1, -0.1, -0.2, 0.3],
};

const COMMENTS_FR = {
  workload: ['On enchaîne les appels sans pause, impossible de bien faire.', 'Les objectifs de durée d\'appel nous empêchent d\'écouter vraiment les clients.', 'Trop de dossiers par personne depuis les départs non remplacés.'],
  tools: ['Trois outils à ouvrir pour une seule facture, le CRM rame.', 'L\'outil de facturation plante plusieurs fois par jour.', 'On n\'a pas accès à l\'historique complet du client, on redemande tout.'],
  recognition: ['On ne nous dit jamais quand un client est content.', 'Les bons retours clients ne remontent jamais jusqu\'à nous.', 'Aucune reconnaissance quand on gère les clients les plus difficiles.'],
  manager: ['Ma responsable est à l\'écoute et nous soutient vraiment.', 'Le manager défend l\'équipe, c\'est précieux.', 'Peu de visibilité de la part de la direction.'],
  scripts: ['On nous pousse à utiliser les macros même quand elles ne répondent pas à la question.', 'Les réponses types font honte quand le client est en détresse.', 'Les consignes de rétention sont mal vécues par les clients et par nous.'],
  outage: ['Depuis la panne de Lyon, on prend des insultes toute la journée sans infos à donner.', 'Aucune information de la part du réseau sur la panne, on improvise.', 'La panne nous épuise, on n\'a pas de date à donner aux clients.'],
  positive: ['Bonne ambiance dans l\'équipe, on s\'entraide.', 'J\'aime aider les clients, surtout quand on trouve une vraie solution.', 'La formation sur les situations sensibles (décès, personnes âgées) était très utile.'],
};
const COMMENTS_EN = {
  workload: ['Back-to-back contacts with no breathing room.', 'Handle-time targets stop us from really listening.', 'Too many cases each since people left.'],
  tools: ['The CRM is slow and we juggle three tools.', 'We cannot see the full customer history.', 'Billing tool crashes several times a day.'],
  recognition: ['We rarely hear when a customer is happy.', 'Good feedback never reaches the team.', 'No recognition for handling the hardest customers.'],
  manager: ['My team lead is supportive and approachable.', 'Our manager backs us up.', 'Little visibility from senior management.'],
  scripts: ['We are pushed to use macros even when they do not fit.', 'Templates feel cold when a customer is struggling.', 'Retention scripts annoy customers and us.'],
  outage: ['Since the Lyon outage we have nothing to tell customers.', 'No information from the network team about the outage.', 'The outage is exhausting for everyone.'],
  positive: ['Great team spirit, we help each other.', 'I love helping customers when we find a real fix.', 'The training on sensitive situations was really useful.'],
};

function score(rng: Rng, mean: number): number {
  return Math.max(1, Math.min(5, Math.round(mean + (rng.next() - 0.5) * 2)));
}

/** One answer around the team's mean engagement; `outage` is Support technique's November (workload hit, outage comments). */
function answer(rng: Rng, team: TeamName, period: string, mean: number, outage: boolean): (string | number)[] {
  const o = OFFSETS[team];
  const workloadHit = outage ? -0.8 : 0;
  const items = [score(rng, mean + o[0]), score(rng, mean + o[1]), score(rng, mean + o[2] + workloadHit), score(rng, mean + o[3])];
  const enps = Math.max(0, Math.min(10, Math.round((mean - 1) * 2.5 + (rng.next() - 0.5) * 4)));
  const pool = team === 'Customer Care EN' ? COMMENTS_EN : COMMENTS_FR;
  let comment = '';
  if (rng.chance(0.65)) {
    const lowest = ['recognition', 'tools', 'workload', 'manager'][items.indexOf(Math.min(...items))] as keyof typeof pool;
    const topic = outage && rng.chance(0.5) ? 'outage'
      : enps >= 8 && rng.chance(0.6) ? 'positive'
      : (team === 'Fidélisation' || team === 'Facturation') && rng.chance(0.3) ? 'scripts' : lowest;
    comment = rng.pick(pool[topic]);
  }
  return [team, period, enps, ...items, comment];
}

/**
 * Mean engagement of a team's pulse in month `j` (0 = 2026-09): the profile of month j + LEAD_MONTHS;
 * before the profile, its first month drifted back by the team's trend; past its end, its last change
 * carried on at half pace.
 */
function pulseMean(team: TeamName, j: number): number {
  const p = TEAMS[team].engagement;
  const k = j + LEAD_MONTHS;
  const mean = k < 0 ? p[0] + TREND[team] * k : k <= 2 ? p[k] : p[2] + (p[2] - p[1]) * (k - 2) * 0.5;
  return Math.max(1, Math.min(5, mean));
}

/** Employee survey CSV. */
export function employeeCsv(rng: Rng): string {
  const rows: (string | number)[][] = [];
  const seen = new Set<string>();
  const monthNoise = rng.fork('pulse-months');
  for (const team of TEAM_NAMES) {
    PERIODS.forEach((period, i) => {
      const j = i - FIRST_CX;
      // Month-level noise (a team's whole pulse moves), then each answer's own noise.
      const mean = pulseMean(team, j) + (monthNoise.next() - 0.5) * 0.3;
      for (let n = 0; n < 8; n++) {
        // Two identical lines would be one answer to the importer (rows without an id are keyed by
        // content): draw again until the line is new.
        let row = answer(rng, team, period, mean, team === 'Support technique' && j === 2);
        for (let tries = 0; seen.has(row.join('\t')) && tries < 20; tries++) row = answer(rng, team, period, mean, team === 'Support technique' && j === 2);
        seen.add(row.join('\t'));
        rows.push(row);
      }
    });
  }
  return csvDocument(EMPLOYEE_HEADER, rows);
}
