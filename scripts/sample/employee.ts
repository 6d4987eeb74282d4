/**
 * The employee engagement survey (EX): ~120 anonymous answers across the five teams and three monthly
 * periods. Scores follow each team's engagement profile (the same one that drives reply quality), so
 * CX and EX correlate; comments are mostly French.
 */
import type { Rng } from './prng.ts';
import { TEAMS, TEAM_NAMES, type TeamName } from './people.ts';
import { csvDocument } from './csv.ts';

export const EMPLOYEE_HEADER = ['team', 'period', 'enps', 'engagement_recognition', 'engagement_tools', 'engagement_workload', 'engagement_manager', 'comment'];
const PERIODS = ['2026-09', '2026-10', '2026-11'];

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

/** Employee survey CSV. */
export function employeeCsv(rng: Rng): string {
  const rows: (string | number)[][] = [];
  for (const team of TEAM_NAMES) {
    PERIODS.forEach((period, month) => {
      const mean = TEAMS[team].engagement[month];
      const n = 8;
      for (let i = 0; i < n; i++) {
        const o = OFFSETS[team];
        const workloadHit = team === 'Support technique' && month === 2 ? -0.8 : 0;
        const items = [score(rng, mean + o[0]), score(rng, mean + o[1]), score(rng, mean + o[2] + workloadHit), score(rng, mean + o[3])];
        const enps = Math.max(0, Math.min(10, Math.round((mean - 1) * 2.5 + (rng.next() - 0.5) * 4)));
        const pool = team === 'Customer Care EN' ? COMMENTS_EN : COMMENTS_FR;
        let comment = '';
        if (rng.chance(0.65)) {
          const lowest = ['recognition', 'tools', 'workload', 'manager'][items.indexOf(Math.min(...items))] as keyof typeof pool;
          const topic = team === 'Support technique' && month === 2 && rng.chance(0.5) ? 'outage'
            : enps >= 8 && rng.chance(0.6) ? 'positive'
            : (team === 'Fidélisation' || team === 'Facturation') && rng.chance(0.3) ? 'scripts' : lowest;
          comment = rng.pick(pool[topic]);
        }
        rows.push([team, period, enps, ...items, comment]);
      }
    });
  }
  return csvDocument(EMPLOYEE_HEADER, rows);
}
