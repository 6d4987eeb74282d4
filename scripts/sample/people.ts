/**
 * The fictional cast of Azur Télécom: five teams with named agents (and an engagement profile that
 * drives reply quality, CSAT and the employee survey), and ~350 customers in France, Belgium and Québec.
 */
import type { Rng } from './prng.ts';

export type Lang = 'fr' | 'en';
export type Country = 'FR' | 'BE' | 'QC';
export type Segment = 'Particulier' | 'Pro' | 'Premium';
export type TeamName = 'Facturation' | 'Support technique' | 'Service client' | 'Fidélisation' | 'Customer Care EN';

/** How an agent's replies tend to come out; a team with low engagement writes more canned and defensive replies. */
export interface ReplyMix {
  warm: number;
  plain: number;
  canned: number;
  defensive: number;
}

export interface Team {
  name: TeamName;
  agents: string[];
  /** Mean engagement (1–5) per month index 0..2 (2026-09, 2026-10, 2026-11). */
  engagement: [number, number, number];
  mix: ReplyMix;
}

export const TEAMS: Record<TeamName, Team> = {
  Facturation: {
    name: 'Facturation',
    agents: ['Nadia Benali', 'Thomas Girard', 'Élodie Fontaine', 'Karim Haddad'],
    engagement: [3.2, 2.8, 2.9],
    mix: { warm: 0.3, plain: 0.3, canned: 0.25, defensive: 0.15 },
  },
  'Support technique': {
    name: 'Support technique',
    agents: ['Julien Marchand', 'Inès Moreau', 'Lucas Dubois', 'Mathieu Tremblay', 'Sarah Nguyen'],
    engagement: [3.7, 3.5, 2.9],
    mix: { warm: 0.4, plain: 0.3, canned: 0.2, defensive: 0.1 },
  },
  'Service client': {
    name: 'Service client',
    agents: ['Camille Lefèvre', 'Amélie Gagnon', 'Yasmine Chaouch', 'Pierre Lambert'],
    engagement: [4.2, 4.3, 4.1],
    mix: { warm: 0.62, plain: 0.25, canned: 0.09, defensive: 0.04 },
  },
  Fidélisation: {
    name: 'Fidélisation',
    agents: ['Sandrine Petit', 'Olivier Roussel', 'Laetitia Mercier'],
    engagement: [2.6, 2.4, 2.3],
    mix: { warm: 0.18, plain: 0.3, canned: 0.3, defensive: 0.22 },
  },
  'Customer Care EN': {
    name: 'Customer Care EN',
    agents: ['Emily Carter', "James O'Neill", 'Priya Shah', 'Daniel Brooks'],
    engagement: [4.0, 3.9, 4.0],
    mix: { warm: 0.55, plain: 0.27, canned: 0.13, defensive: 0.05 },
  },
};

export const TEAM_NAMES = Object.keys(TEAMS) as TeamName[];

export interface Customer {
  id: string;
  first: string;
  last: string;
  name: string;
  email: string;
  lang: Lang;
  country: Country;
  city: string;
  segment: Segment;
  value: number;
  /** Company name for Pro customers. */
  company?: string;
  /** Years as a customer (0 = joined this year). */
  years: number;
  gender: 'f' | 'm';
  /** Marked as one of the dozen clearly at-risk accounts. */
  atRisk: boolean;
}

const FIRST_FR = ['Claire', 'Julien', 'Sophie', 'Mathieu', 'Nathalie', 'Antoine', 'Chloé', 'Nicolas', 'Isabelle', 'Hugo',
  'Manon', 'Laurent', 'Céline', 'Éric', 'Aurélie', 'Franck', 'Léa', 'Bruno', 'Sylvie', 'Mehdi', 'Fatou', 'Rachid',
  'Brigitte', 'Gérard', 'Océane', 'Kevin', 'Monique', 'Jean-Pierre', 'Valérie', 'Damien', 'Louise', 'Romain', 'Agnès',
  'Thierry', 'Samia', 'Guillaume', 'Hélène', 'Yannick', 'Émilie', 'Marc'];
const LAST_FR = ['Martin', 'Bernard', 'Dubois', 'Durand', 'Lefebvre', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garcia',
  'Roux', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Chevalier', 'Lemaire',
  'Perrin', 'Masson', 'Bensaïd', 'Diallo', 'Traoré', 'Rousseau', 'Vincent', 'Faure', 'Barbier'];
const FIRST_BE = ['Lotte', 'Maxime', 'Amandine', 'Jérôme', 'Anaïs', 'Pieter', 'Sébastien', 'Noémie', 'Quentin', 'Ludivine'];
const LAST_BE = ['Peeters', 'Janssens', 'Maes', 'Dupont', 'Lambert', 'Dumont', 'Willems', 'Leclercq', 'Renard', 'Claes'];
const FIRST_QC = ['Mélanie', 'Steve', 'Josée', 'Patrick', 'Geneviève', 'Marc-André', 'Karine', 'Sylvain', 'Annie', 'Maxime',
  'Chantal', 'Dany', 'Véronique', 'Jean-François', 'Isabelle'];
const LAST_QC = ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné',
  'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Paquette'];
const FIRST_EN = ['Emma', 'Oliver', 'Sarah', 'James', 'Hannah', 'Michael', 'Olivia', 'David', 'Grace', 'Ryan', 'Megan',
  'Daniel', 'Chloe', 'Liam', 'Rachel', 'Tom', 'Aisha', 'Ben', 'Laura', 'Connor', 'Priya', 'Mark', 'Jessica', 'Ethan',
  'Kate', 'Sean', 'Lucy', 'Andrew', 'Fiona', 'Kevin'];
const LAST_EN = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Evans', 'Walker', 'Wright', 'Robinson', 'Thompson',
  'Campbell', 'MacDonald', 'Patel', 'Murphy', 'Kelly', 'Hughes', 'Clarke', 'Bennett', 'Cooper', 'Reid', 'Foster',
  'Morrison', 'Khan', 'Sullivan', 'Graham'];

/** First names read as feminine, for French agreement in generated messages. */
const FEMININE = new Set(['Claire', 'Sophie', 'Nathalie', 'Chloé', 'Isabelle', 'Manon', 'Céline', 'Aurélie', 'Léa', 'Sylvie',
  'Fatou', 'Brigitte', 'Océane', 'Monique', 'Valérie', 'Louise', 'Agnès', 'Samia', 'Hélène', 'Émilie', 'Lotte', 'Amandine',
  'Anaïs', 'Noémie', 'Ludivine', 'Mélanie', 'Josée', 'Geneviève', 'Karine', 'Annie', 'Chantal', 'Véronique', 'Emma', 'Sarah',
  'Hannah', 'Olivia', 'Grace', 'Megan', 'Chloe', 'Rachel', 'Aisha', 'Laura', 'Priya', 'Jessica', 'Kate', 'Lucy', 'Fiona',
  'Nadia', 'Élodie', 'Inès', 'Camille', 'Amélie', 'Yasmine', 'Sandrine', 'Laetitia', 'Emily']);

/** 'f' or 'm' from a first name (agents and customers). */
export function genderOf(first: string): 'f' | 'm' {
  return FEMININE.has(first) ? 'f' : 'm';
}

const CITIES: Record<Country, readonly string[]> = {
  FR: ['Lyon', 'Lyon', 'Lyon', 'Villeurbanne', 'Paris', 'Paris', 'Marseille', 'Nantes', 'Bordeaux', 'Lille', 'Toulouse', 'Grenoble', 'Rennes'],
  BE: ['Bruxelles', 'Bruxelles', 'Liège', 'Namur', 'Charleroi', 'Mons'],
  QC: ['Montréal', 'Montréal', 'Québec', 'Laval', 'Gatineau', 'Sherbrooke'],
};

const COMPANY_FR = ['Boulangerie', 'Cabinet', 'Garage', 'Pharmacie', 'Atelier', 'Agence', 'Restaurant', 'Salon', 'Studio', 'Cabinet dentaire'];
const COMPANY_EN = ['Bakery', 'Design Studio', 'Consulting', 'Dental Clinic', 'Café', 'Plumbing', 'Architects', 'Florist'];

/** Lowercase ASCII for e-mail local parts. */
function asciiSlug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '');
}

function valueFor(rng: Rng, segment: Segment): number {
  if (segment === 'Pro') return rng.int(30, 240) * 50;
  if (segment === 'Premium') return rng.int(90, 240) * 10;
  return rng.int(30, 90) * 10;
}

/** Builds the customer base; ids AZ-10000.. with gaps, names matching language and country. */
export function makeCustomers(rng: Rng, count: number): Customer[] {
  const out: Customer[] = [];
  const used = new Set<string>();
  let nextId = 10_000;
  for (let i = 0; i < count; i++) {
    const lang: Lang = rng.chance(0.6) ? 'fr' : 'en';
    const country: Country = lang === 'fr'
      ? rng.weighted({ FR: 60, BE: 20, QC: 20 })
      : rng.weighted({ QC: 45, FR: 35, BE: 20 });
    let first: string;
    let last: string;
    let tries = 0;
    do {
      if (lang === 'en') {
        first = rng.pick(FIRST_EN);
        last = rng.pick(LAST_EN);
      } else if (country === 'BE') {
        first = rng.pick(rng.chance(0.6) ? FIRST_BE : FIRST_FR);
        last = rng.pick(LAST_BE);
      } else if (country === 'QC') {
        first = rng.pick(FIRST_QC);
        last = rng.pick(LAST_QC);
      } else {
        first = rng.pick(FIRST_FR);
        last = rng.pick(LAST_FR);
      }
      tries++;
    } while (used.has(`${first} ${last}`) && tries < 20);
    used.add(`${first} ${last}`);
    const segment: Segment = rng.weighted({ Particulier: 74, Pro: 17, Premium: 9 });
    nextId += rng.int(3, 40);
    const domain = rng.pick(['example.com', 'example.net', 'example.org']);
    const sep = rng.pick(['.', '', '_']);
    const email = `${asciiSlug(first)}${sep}${asciiSlug(last)}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${domain}`;
    out.push({
      id: `AZ-${nextId}`,
      first,
      last,
      name: `${first} ${last}`,
      email,
      lang,
      country,
      city: rng.pick(CITIES[country]),
      segment,
      value: valueFor(rng, segment),
      company: segment === 'Pro' ? `${rng.pick(lang === 'fr' ? COMPANY_FR : COMPANY_EN)} ${last}` : undefined,
      gender: genderOf(first),
      years: rng.chance(0.25) ? rng.int(8, 16) : rng.int(0, 7),
      atRisk: false,
    });
  }
  return out;
}

/** Agent e-mail address at the fictional company domain. */
export function agentEmail(agent: string): string {
  const [first, ...rest] = agent.split(' ');
  return `${asciiSlug(first)}.${asciiSlug(rest.join(''))}@azur-telecom.example`;
}

/** Whether the customer lives in the area hit by the November fibre outage. */
export function inOutageArea(c: Customer): boolean {
  return c.city === 'Lyon' || c.city === 'Villeurbanne';
}
