/**
 * The CX maturity questionnaire: 30 questions over eight dimensions, each answered on one 1–5 practice
 * scale. The questions are ours, written in French and in English; the ideas are the cited frameworks'.
 * Ids are stable (answers files and stored results refer to them): reword a question freely, but give
 * a question that asks something new a new id.
 */
import { DIMENSIONS, SOURCES, type Dimension, type Framework, type Localized } from './sources.ts';

/** One step of the answer scale. */
export interface ScaleStep {
  value: 1 | 2 | 3 | 4 | 5;
  label: Localized;
}

/** One question of the bank. */
export interface Question {
  id: string;
  dimension: Dimension;
  framework: Framework;
  /** Citation of the framework the question comes from. */
  source: string;
  text: Localized;
  scale: readonly ScaleStep[];
}

/**
 * How widely a practice is lived, rather than agree/disagree: "we believe in empathy" is easy to agree
 * with; "we do it everywhere and measure it" is what the maturity curve is about.
 */
export const PRACTICE_SCALE: readonly ScaleStep[] = [
  { value: 1, label: { fr: 'Pas du tout', en: 'Not at all' } },
  { value: 2, label: { fr: 'Rarement, selon les personnes', en: 'Rarely, depending on who is involved' } },
  { value: 3, label: { fr: 'Parfois, dans certaines équipes', en: 'Sometimes, in some teams' } },
  { value: 4, label: { fr: 'Régulièrement, avec une méthode', en: 'Regularly, with a method' } },
  { value: 5, label: { fr: 'Systématiquement, partout, et nous le mesurons', en: 'Always, everywhere, and we measure it' } },
];

type Row = [id: string, dimension: Dimension, framework: Framework, fr: string, en: string];

const ROWS: readonly Row[] = [
  ['listen-channels', 'listen', 'empathy-flywheel',
    'Les messages de nos clients, quel que soit le canal (tickets, appels, avis, enquêtes), arrivent-ils au même endroit ?',
    'Do customer voices from every channel — tickets, calls, reviews, surveys — end up in one place?'],
  ['listen-everyone', 'listen', 'customer-centric-culture',
    'Chaque salarié, y compris loin du service client, peut-il lire ou écouter de vrais échanges clients quand il le veut ?',
    'Can any employee, not only customer service, read or listen to real customer conversations whenever they want?'],
  ['listen-field', 'listen', 'service-design',
    'Allons-nous sur le terrain observer nos clients en situation, au-delà de ce qu’ils nous écrivent ?',
    'Do we go out and watch customers in their own setting, beyond what they write to us?'],
  ['listen-meetings', 'listen', 'service-design',
    'Nos réunions d’équipe commencent-elles par un verbatim ou une histoire client récente ?',
    'Do our team meetings open with a recent customer story or verbatim?'],
  ['understand-needs', 'understand', 'empathy-pillar',
    'Savons-nous, pour chaque type de client, ce dont il a besoin et dans quelle situation il nous contacte ?',
    'Do we know, for each kind of customer, what they need and what situation they are in when they reach out?'],
  ['understand-why', 'understand', 'customer-centric-culture',
    'Face à un client en colère ou inquiet, cherchons-nous la raison de ce qu’il ressent, et pas seulement l’objet de sa demande ?',
    'When a customer is angry or worried, do we look for the reason behind the feeling, not just the reason for the contact?'],
  ['understand-predict', 'understand', 'empathy-flywheel',
    'Repérons-nous à temps les clients sur le point de partir ou de se plaindre ?',
    'Do we spot customers who are about to leave or complain before they do?'],
  ['understand-journey', 'understand', 'service-design',
    'Avons-nous cartographié le parcours client avec l’émotion vécue à chaque étape ?',
    'Have we mapped the customer journey with what customers feel at each step?'],
  ['act-close-loop', 'act', 'empathy-flywheel',
    'Chaque client mécontent repéré est-il recontacté par quelqu’un qui a le pouvoir de régler son problème ?',
    'Is every unhappy customer we spot contacted again by someone with the power to fix the problem?'],
  ['act-alerts', 'act', 'empathy-flywheel',
    'Nos alertes (pic de plaintes, client à risque) ont-elles un responsable nommé et un délai de traitement tenu ?',
    'Do our alerts — a spike in complaints, a customer at risk — have a named owner and a deadline that is kept?'],
  ['act-adapt', 'act', 'empathy-pillar',
    'Adaptons-nous nos messages, nos services et notre ton à la situation de chaque client ?',
    'Do we tailor our messages, services and tone to each customer’s situation?'],
  ['act-access', 'act', 'empathy-pillar',
    'Nos clients peuvent-ils nous joindre et utiliser nos services où, quand et comme ils le souhaitent ?',
    'Can customers reach us and use our services where, when and how they prefer?'],
  ['learn-measure', 'learn', 'empathy-flywheel',
    'Mesurons-nous l’effet de nos actions sur le ressenti client (NPS, satisfaction, effort) pour décider de la suite ?',
    'Do we measure how our actions change what customers feel (NPS, satisfaction, effort) and decide what comes next from it?'],
  ['learn-ex-cx', 'learn', 'customer-centric-culture',
    'Suivons-nous le lien entre l’engagement de nos équipes et les résultats obtenus auprès des clients ?',
    'Do we track how our teams’ engagement relates to customer outcomes?'],
  ['learn-benchmark', 'learn', 'empathy-flywheel',
    'Comparons-nous l’expérience que nous offrons à celle de nos concurrents, pour nous situer ?',
    'Do we compare the experience we offer with our competitors’, to see where we stand?'],
  ['strategy-customer-view', 'strategy', 'empathy-pillar',
    'Nos grandes décisions partent-elles du point de vue du client, et pas seulement de nos contraintes internes ?',
    'Do our big decisions start from the customer’s point of view, not only from our internal constraints?'],
  ['strategy-change-impact', 'strategy', 'empathy-pillar',
    'Avant un changement important (prix, offre, outil), évaluons-nous les frustrations qu’il peut causer aux clients ?',
    'Before a major change — price, offer, tool — do we weigh the frustration it may cause customers?'],
  ['strategy-design', 'strategy', 'empathy-muscle',
    'Concevons-nous nos services avec des clients et des collaborateurs de terrain, en design de service ?',
    'Do we design our services together with customers and frontline staff, service-design style?'],
  ['strategy-signature', 'strategy', 'service-design',
    'Avons-nous choisi l’émotion que nous voulons faire vivre aux moments clés du parcours (moments signature) ?',
    'Have we chosen the emotion we want customers to feel at the key moments of the journey (signature moments)?'],
  ['leadership-listen', 'leadership', 'customer-centric-culture',
    'Nos dirigeants passent-ils eux-mêmes du temps avec des clients ou à lire leurs messages ?',
    'Do our leaders personally spend time with customers or reading what they write?'],
  ['leadership-updates', 'leadership', 'customer-centric-culture',
    'La direction fait-elle le point sur l’expérience client à chaque réunion plénière ?',
    'Does leadership give an update on customer experience at every all-hands meeting?'],
  ['leadership-pay', 'leadership', 'customer-centric-culture',
    'Une part de la rémunération de chacun dépend-elle de résultats clients, comme la fidélité ?',
    'Does part of everyone’s pay depend on customer outcomes such as loyalty?'],
  ['leadership-back-office', 'leadership', 'customer-centric-culture',
    'Les équipes sans contact client (finance, informatique, produit) rencontrent-elles directement des clients ?',
    'Do teams with no customer contact — finance, IT, product — meet customers directly?'],
  ['people-hiring', 'people', 'empathy-pillar',
    'Évaluons-nous l’empathie et le sens du client à l’embauche, quel que soit le poste ?',
    'Do we assess empathy and customer focus when hiring, whatever the role?'],
  ['people-training', 'people', 'empathy-muscle',
    'Nos équipes sont-elles formées à l’écoute empathique, avec des mises en situation régulières ?',
    'Are our people trained in empathetic listening, with regular practice drills?'],
  ['people-be-customer', 'people', 'empathy-muscle',
    'Nos collaborateurs vivent-ils eux-mêmes notre parcours, dans la peau d’un client ?',
    'Do our employees go through our journey themselves, in a customer’s shoes?'],
  ['people-own-words', 'people', 'customer-centric-culture',
    'Nos conseillers peuvent-ils quitter le script et répondre avec leurs propres mots ?',
    'Can our agents leave the script and answer in their own words?'],
  ['systems-history', 'systems', 'empathy-muscle',
    'Nos outils montrent-ils à chaque conseiller l’historique complet du client, tous canaux confondus ?',
    'Do our tools show every agent the customer’s full history, across channels?'],
  ['systems-exceptions', 'systems', 'empathy-muscle',
    'Nos processus laissent-ils les équipes faire une exception quand la situation du client le justifie ?',
    'Do our processes let teams make an exception when a customer’s situation calls for one?'],
  ['systems-personalise', 'systems', 'empathy-flywheel',
    'Notre technologie nous permet-elle de personnaliser l’expérience pour tous nos clients, pas seulement les plus gros ?',
    'Does our technology let us personalise the experience for every customer, not just the largest?'],
];

/** Every question, in the order the questionnaire asks them (dimension by dimension). */
export const QUESTIONS: readonly Question[] = ROWS.map(([id, dimension, framework, fr, en]) => ({
  id, dimension, framework, source: SOURCES[framework], text: { fr, en }, scale: PRACTICE_SCALE,
}));

/** Questions by id. */
export const QUESTIONS_BY_ID: ReadonlyMap<string, Question> = new Map(QUESTIONS.map((q) => [q.id, q]));

/** The questions of one dimension, in questionnaire order. */
export function questionsOf(dimension: Dimension): Question[] {
  return QUESTIONS.filter((q) => q.dimension === dimension);
}

/** Every dimension has questions; checked once here so a future edit cannot leave one unscorable. */
for (const d of DIMENSIONS) {
  if (questionsOf(d).length === 0) throw new Error(`Question bank: dimension "${d}" has no question.`);
}
