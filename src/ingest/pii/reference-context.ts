/**
 * Reference-number context: a digit run right after "commande", "order #", "n° de suivi", "ticket",
 * "dossier", "réf", "tracking number"… is an identifier of the company's own records, not a person's
 * phone, even when its shape matches a national phone format. Phone detectors that rely on shape
 * alone (no "+" prefix) ask this before redacting, so order and tracking numbers survive for analysis.
 */

/** Words that name a record by themselves: "commande 0612345678", "ticket: 555-123-4567". */
const STRONG =
  'order|commande|cde|cmd|ticket|dossier|r[ée]f|r[ée]f[ée]rence|reference|suivi|tracking|colis|parcel|shipment|envoi|' +
  'exp[ée]dition|facture|invoice|contrat|contract|siret|siren|tva|vat|vol|flight|sku|article|lot|s[ée]rie|serial|' +
  'claim|sinistre|transaction|r[ée]servation|booking|confirmation|avoir|imei|code|otp|incident';
/**
 * Words that precede a customer's own phone as often as a reference ("le numéro de mon compte :",
 * "just in case: …"): they count only with a number word after them ("compte n°", "case number").
 */
const WEAK = 'case|account|compte|client|customer|member|membre|adh[ée]rent|carte|card|police|policy|licen[cs]e';
/** Number words between the keyword and the number ("numéro de commande : ", "order no. #"). */
const NUMBER_WORD = 'n[°o]|num[ée]ro|number|nr|no|id|#';
const FILLER = `${NUMBER_WORD}|de|d'|du|of|the|is|est`;
const SEP = '[\\s:#°.\\-]*';
const END = '(?![\\p{L}])';
const REFERENCE_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${STRONG})${END}${SEP}(?:(?:${FILLER})${END}${SEP}){0,3}` +
    `|(?:${WEAK})${END}${SEP}(?:${NUMBER_WORD})${END}${SEP}(?:(?:${FILLER})${END}${SEP}){0,2})$`,
  'iu',
);

/** True when the text just before `start` names the number as a reference (order, ticket, tracking…). */
export function followsReferenceWord(text: string, start: number): boolean {
  return REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 48), start));
}
