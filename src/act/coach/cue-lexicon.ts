/**
 * Small bilingual cue classes, matched on folded text (lowercase, no accents). They are *features*
 * for the learned heads, not rules: the trainer decides how much each class counts for each
 * dimension. Classes follow the reply guidelines (EPITOME for the first three dimensions,
 * Sharma et al. 2020; ownership and personalization as defined for Écoute).
 */

/** A named class of patterns; each match adds one to the class's count. */
export interface CueClass {
  name: string;
  patterns: RegExp[];
}

const re = (...sources: string[]): RegExp[] => sources.map((s) => new RegExp(s, 'g'));

const DAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';

/** Cue classes looked for in the reply. */
export const REPLY_CUES: readonly CueClass[] = [
  // Feeling words: naming the customer's feeling is what lifts an emotional reaction from 1 to 2.
  { name: 'feeling', patterns: re(
    '\\b(frustrat\\w*|upset\\w*|worr\\w+|anxi\\w+|stress\\w*|angr\\w+|anger|disappoint\\w*|annoy\\w*|scar\\w+|fright\\w*|distress\\w*|heartbreak\\w*|devastat\\w*|exhaust\\w*|fed up|panic\\w*|nervous\\w*|embarrass\\w*|infuriat\\w*|sad|sadness|grief|lonely|overwhelm\\w*|relie\\w+|delight\\w*|thrilled|happy|glad|excit\\w*|proud|fear\\w*|hurt\\w*|shock\\w*|exasperat\\w*)\\b',
    '\\b(frustr\\w*|inquiet\\w*|angoiss\\w*|colere|decu\\w*|deception|agac\\w*|enerv\\w*|peur\\w*|epuis\\w*|marre|triste\\w*|desarroi|deboussol\\w*|peine|choqu\\w*|exaspe\\w*|souci\\w*|soulag\\w*|ravi\\w*|heureu\\w*|content\\w*|fier\\w*|panique\\w*|stresse\\w*|inacceptable|revolt\\w*|bless\\w*|desempar\\w*|detresse)\\b') },
  // Explicit empathy frames ("I understand how…", "je comprends votre…").
  { name: 'empathyFrame', patterns: re(
    '\\bi (completely |totally |really |fully )?(understand|can (only )?imagine|know how|hear you)\\b', '\\bmust (be|have been|feel)\\b', '\\bthat\'?s (awful|horrible|terrible|a lot|hard|so frustrating|really hard)\\b',
    '\\b(completely|totally|perfectly) (natural|understandable|normal)\\b', '\\bje (comprends|peux imaginer|mesure|sais combien)\\b', '\\bj\'imagine\\b', '\\bdoit etre\\b', '\\bc\'est (tout a fait |bien )?(normal|comprehensible|legitime)\\b', '\\bon comprend\\b', '\\bnous comprenons\\b', '\\bwe (completely |fully )?understand\\b') },
  { name: 'apology', patterns: re('\\b(sorry|apologi[sz]e\\w*|apologies|desole\\w*|navre\\w*|excus\\w*|regrett?\\w*)\\b') },
  { name: 'genericApology', patterns: re('\\b(any|the) inconvenience\\b', '\\bfor the (trouble|delay)\\b', '\\b(ce|le|tout) (desagrement|contretemps)\\b', '\\bgene occasionnee\\b', '\\bles desagrements\\b', '\\bsorry to hear\\b') },
  { name: 'thanks', patterns: re('\\b(thank\\w*|merci\\w*|remerci\\w*|grateful|reconnaissan\\w*)\\b') },
  // Time, deadline or date: what turns a vague commitment (1) into a concrete one (2).
  { name: 'deadline', patterns: re(
    `\\b(${DAYS})\\b`, '\\b(today|tonight|tomorrow|this (morning|afternoon|evening|week)|aujourd\'hui|demain|ce (soir|matin|midi)|cet apres-midi|cette semaine)\\b',
    '\\b\\d{1,2} ?h( ?\\d\\d)?\\b', '\\b\\d{1,2}[:.]\\d\\d\\b', '\\b\\d{1,2} ?(am|pm)\\b', '\\b(within|in|under|sous|dans|d\'ici) \\d+ (minutes?|hours?|days?|working days?|business days?|heures?|jours?|min)\\b',
    '\\bby (the end of|end of|noon|midday|tomorrow|tonight|close)\\b', '\\b(avant|d\'ici|before|by) (\\d|midi|la fin|ce soir|demain|' + DAYS + ')', '\\b\\d{1,2} (janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)\\b',
    '\\b(right now|straight away|immediately|tout de suite|immediatement|des maintenant)\\b') },
  { name: 'vagueTime', patterns: re('\\b(as soon as possible|asap|shortly|in due course|soon|at the earliest|dans les (plus )?(brefs|meilleurs) delais|rapidement|prochainement|des que possible|sous peu)\\b', '\\b\\d+ ?[-–a] ?\\d+ (working |business )?(days|jours)\\b') },
  // First-person actions: an owner ("I've booked", "je m'en occupe").
  { name: 'ownerAction', patterns: re(
    '\\bi(\'ve| have)( just| now| already)? (\\w+ed|sent|made|spoken|set|put|found|booked|arranged|refunded|added|called|rung|written|given|taken|paid|got)\\b', '\\bi(\'ll| will| am going to|\'m going to)\\b', '\\bi\'m (on it|looking|checking|sending|booking|arranging|calling|taking)\\b',
    '\\bpersonally\\b', '\\bpersonnellement\\b', '\\bje (vais|viens de|m\'en occupe|m\'occupe|vous rappelle|vous appelle|reste|suis votre|vous envoie|regarde|transmets|fais)\\b', '\\bj\'ai (\\w+e|\\w+is|\\w+it|fait|pris|mis|ecrit|vu)\\b', '\\b(my|ma|mon) (direct line|ligne directe|name is|nom est)\\b') },
  { name: 'weAction', patterns: re('\\bwe(\'ve| have)( just| now| already)? (\\w+ed|sent|made|set|found|booked|arranged|refunded|added|paid)\\b', '\\bwe(\'ll| will| are going to)\\b', '\\bnous (allons|avons|venons de)\\b', '\\bon (va|vous)\\b') },
  { name: 'remedy', patterns: re('\\b(refund\\w*|rembours\\w*|credit\\w*|voucher\\w*|replacement|remplac\\w*|compensat\\w*|dedommag\\w*|geste commercial|avoir de|bon de|reimburs\\w*|technician|technicien|courier|coursier|resend|renvoy\\w*|reexpedi\\w*)\\b') },
  { name: 'forwarded', patterns: re('\\b(transmis|transmise|forwarded|passed (this|it|your \\w+) (on|to)|escalated|remonte\\w*|service concerne|relevant (team|department)|our team(s)? will|nos equipes|reviendr\\w* vers vous|get back to you|be in touch)\\b') },
  // Sending the customer elsewhere, or hiding behind policy: ownership 0, interpretation 0.
  { name: 'deflect', patterns: re(
    '\\b(contact us|dm us|direct message|private message|send us a dm|visit our|faq|help ?cent(re|er)|contactez|rendez-vous sur|consultez|notre site|our website|call (our|the) (helpline|number)|appelez le)\\b',
    '\\b(unable to|cannot|can\'t|we don\'t|ne pouvons pas|ne sommes pas en mesure|impossible de)\\b', '\\b(not responsible|pas responsables?|independent|independants?|third[- ]party|prestataire)\\b',
    '\\b(policy|policies|conformement|reglement|conditions generales|terms and conditions|as stated|comme indique|per our|selon nos)\\b') },
  { name: 'template', patterns: re('\\b(dear customer|cher client|chere cliente|madame, monsieur|valued customer|the customer (service|care) team|le service client(s)?|kind regards|cordialement|best regards|sincerely|we value|nous accusons)\\b') },
  { name: 'genericQuestion', patterns: re('\\b(anything else|how can i help|how can we help|is there anything|autre chose|que puis-je|puis-je vous aider|comment puis-je|can i help|help you with)\\b') },
  { name: 'adminRequest', patterns: re('\\b(order number|account number|reference|booking number|postcode|email address|numero de (commande|client|dossier|contrat)|reference|adresse (e-?)?mail|date de naissance|dm us your|send us your)\\b') },
  { name: 'secondPerson', patterns: re('\\b(you|your|yours|vous|votre|vos|tu|ton|ta|tes)\\b') },
];

/** Cue classes looked for in the customer's message (they change what a good reply must do). */
export const CUSTOMER_CUES: readonly CueClass[] = [
  // A question would intrude: bereavement, or the customer asked for no reply.
  { name: 'intrusive', patterns: re('\\b(passed away|died|funeral|deceased|bereave\\w*|lost my (mum|mom|dad|father|mother|husband|wife|son|daughter)|deces|decede\\w*|obseques|enterrement|nous a quittes|no need to (reply|respond)|pas besoin de (me )?repondre|inutile de repondre|pas la peine de repondre)\\b') },
  { name: 'praise', patterns: re('\\b(thank\\w*|merci\\w*|brilliant|great|amazing|excellent|lovely|bravo|super|parfait|genial|top)\\b') },
  { name: 'feeling', patterns: REPLY_CUES[0].patterns },
  { name: 'question', patterns: re('\\?') },
  { name: 'urgent', patterns: re('\\b(urgent\\w*|asap|immediately|tout de suite|emergency|urgence|today|aujourd\'hui|tonight|ce soir|still|toujours|again|encore|relance\\w*)\\b', '\\b(second|third|fourth|fifth|2nd|3rd|4th|deuxieme|troisieme|quatrieme|cinquieme|\\d+e) (time|call|email|e-mail|message|attempt|fois|appel|mail|courrier|relance)s?\\b') },
];

/** Counts of each class in `folded` text, keyed by class name. */
export function cueCounts(folded: string, classes: readonly CueClass[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of classes) {
    let n = 0;
    for (const p of c.patterns) n += folded.match(p)?.length ?? 0;
    out[c.name] = n;
  }
  return out;
}

/** The matched strings of one class, in order (for suggestions that reuse a customer's feeling word). */
export function cueMatches(folded: string, cls: CueClass): string[] {
  return cls.patterns.flatMap((p) => [...folded.matchAll(p)].map((m) => m[0]));
}
