/**
 * Made-up customer messages and replies for the coach tests (written for these tests; nothing is
 * copied from the data folder). Each pair has a tailored reply and a template reply.
 */
import type { CoachInput } from '../../src/act/coach/coach-model.ts';

export const EN_CUSTOMER = "This is my third call about order #QW-55213: the fridge arrived with a dented door and I'm really worried the seal won't hold, I have insulin in there.";
export const EN_GOOD = "Hi Dana, I'm so sorry: a dented door on a fridge that keeps your insulin cold is genuinely worrying, and having to call three times makes it worse. I've booked a replacement fridge for order #QW-55213 this Thursday before 12:00, and I'll call you myself on Wednesday at 5 pm to confirm the slot. Until then, is the insulin somewhere cold enough, or shall I arrange a cool bag today?";
export const EN_TEMPLATE = 'Dear Customer, thank you for contacting us. We apologise for any inconvenience caused. Your request has been forwarded to the relevant department, who will get back to you in due course. Kind regards, The Customer Care Team';

export const FR_CUSTOMER = "Bonjour, ça fait deux semaines que ma box ne marche plus, je télétravaille et je suis vraiment inquiète de perdre mon poste. Contrat FX-90311.";
export const FR_GOOD = "Bonjour Madame, je comprends votre inquiétude : deux semaines sans internet quand on télétravaille, c'est votre emploi qui est en jeu. J'ai programmé un technicien pour demain entre 8h et 12h sur le contrat FX-90311, et je vous rappelle moi-même à 14h pour confirmer. Avez-vous besoin d'une clé 4G en attendant ?";
export const FR_TEMPLATE = "Madame, Monsieur, nous accusons bonne réception de votre courrier et vous prions de nous excuser pour la gêne occasionnée. Votre demande a été transmise au service concerné, qui reviendra vers vous dans les meilleurs délais. Cordialement, Le Service Client";

/** A second customer, so the same template sent to both is a near-duplicate across customers. */
export const EN_OTHER_CUSTOMER = 'The app charged me twice for the same pizza last night, can you refund one of them?';
export const FR_OTHER_CUSTOMER = "Mon colis est marqué livré mais je n'ai rien reçu, que faire ?";

export const batch: CoachInput[] = [
  { id: 'en-good', customer: EN_CUSTOMER, reply: EN_GOOD },
  { id: 'en-tpl-1', customer: EN_CUSTOMER, reply: EN_TEMPLATE },
  { id: 'fr-good', customer: FR_CUSTOMER, reply: FR_GOOD },
  { id: 'fr-tpl-1', customer: FR_CUSTOMER, reply: FR_TEMPLATE },
];
