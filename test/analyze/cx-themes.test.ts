import { describe, expect, it } from 'vitest';
import { cx, themesOf } from './cx-helpers.ts';

// Sentences written for these tests (not from the gold set), one per theme and language.
const CASES: Array<[string, 'fr' | 'en', string]> = [
  ['Ma commande devait arriver lundi, toujours rien et on est jeudi, trois jours de retard.', 'fr', 'delay'],
  ['Our train sat outside the station for ages, we got in 50 minutes late.', 'en', 'delay'],
  ['Vous avez annulé mon rendez-vous la veille sans prévenir.', 'fr', 'cancellation'],
  ['The airline cancelled our flight to Lisbon two hours before boarding.', 'en', 'cancellation'],
  ['Le colis est arrivé éventré et le vase était cassé en deux.', 'fr', 'lost_or_damaged'],
  ['My suitcase never showed up at baggage claim and nobody can tell me where it is.', 'en', 'lost_or_damaged'],
  ['45 minutes de musique d’attente avant de parler à quelqu’un.', 'fr', 'wait_time'],
  ['I was on hold for over an hour just to change my address.', 'en', 'wait_time'],
  ['Le conseiller était franchement désagréable et m’a raccroché au nez.', 'fr', 'staff_attitude'],
  ['The agent at the desk was incredibly rude to my elderly dad.', 'en', 'staff_attitude'],
  ["Toujours pas de solution après quatre appels, le dossier n'avance pas.", 'fr', 'unresolved'],
  ['Still no fix after I emailed you three times, ticket unresolved.', 'en', 'unresolved'],
  ["On m'a prélevé deux fois l'abonnement ce mois-ci.", 'fr', 'billing'],
  ['You charged my card twice for the same order.', 'en', 'billing'],
  ["Le tarif a encore augmenté, c'est beaucoup trop cher pour ce que c'est.", 'fr', 'price'],
  ['Way too expensive for what you get, prices keep going up.', 'en', 'price'],
  ['La bouilloire est défectueuse, elle fuit dès le premier jour.', 'fr', 'product_quality'],
  ['The blender is faulty, the blade came loose on day two.', 'en', 'product_quality'],
  ["L'appli plante dès que j'ouvre l'onglet paiement, message d'erreur à chaque fois.", 'fr', 'technical'],
  ['The app keeps crashing with an error when I try to pay.', 'en', 'technical'],
  ["Impossible de me connecter, mon mot de passe est refusé.", 'fr', 'account_access'],
  ['I got locked out of my account and the password reset never comes.', 'en', 'account_access'],
  ["Vous avez changé les horaires sans prévenir personne, aucune information sur le site.", 'fr', 'information'],
  ['Nobody told me the store hours had changed, zero warning anywhere.', 'en', 'information'],
  ["Je veux annuler ma réservation mais les conditions générales parlent de frais d'annulation.", 'fr', 'policy'],
  ['Your policy says the ticket is non refundable even though I was in hospital.', 'en', 'policy'],
  ["J'ai reçu la mauvaise taille et il manque un article dans la commande.", 'fr', 'booking'],
  ['They sent the wrong item and the hotel had no record of our reservation.', 'en', 'booking'],
];

describe('themes', () => {
  it.each(CASES)('%s -> %s', (text, lang, theme) => {
    expect(themesOf(cx(text, lang))).toContain(theme);
  });

  it('reads SMS French and missing accents', () => {
    expect(themesOf(cx('jsuis bloqué, l appli plante tt le temps c nul', 'fr'))).toContain('technical');
    expect(themesOf(cx('livraison en retard, 10 jours pr recevoir le colis', 'fr'))).toContain('delay');
  });

  it('ignores negated problems', () => {
    expect(themesOf(cx('Pas de retard cette fois, merci !', 'fr', 'positive'))).not.toContain('delay');
    expect(themesOf(cx('Aucun problème de connexion, tout fonctionne.', 'fr', 'positive'))).not.toContain('technical');
    expect(themesOf(cx("The flight wasn't delayed at all this time.", 'en', 'positive'))).not.toContain('delay');
  });

  it('keeps cancellation for the company only; the customer cancelling is policy', () => {
    const own = themesOf(cx('Je voudrais annuler ma commande passée hier, est-ce possible ?', 'fr', 'neutral'));
    expect(own).not.toContain('cancellation');
    expect(own).toContain('policy');
    expect(themesOf(cx('I want to cancel my booking for next week.', 'en', 'neutral'))).not.toContain('cancellation');
  });

  it('keeps staff and price themes in praise but not product_quality or technical', () => {
    const praise = themesOf(cx('Le technicien a été super sympa, et pour un prix correct. La panne est réparée.', 'fr', 'positive'));
    expect(praise).toEqual(expect.arrayContaining(['staff_attitude', 'price']));
    expect(praise).not.toContain('product_quality');
    expect(praise).not.toContain('technical');
  });

  it('returns at most three themes, evidence copied verbatim from the text', () => {
    const text = "Vol annulé, valise perdue, 2h d'attente au guichet, agent désagréable et remboursement refusé !";
    const r = cx(text, 'fr');
    expect(r.themes.length).toBeLessThanOrEqual(3);
    for (const t of r.themes) expect(text).toContain(t.evidence);
  });

  it('is deterministic', () => {
    const text = 'Ça fait 3 semaines que ma box ne marche plus et le support ne répond pas.';
    expect(cx(text, 'fr')).toEqual(cx(text, 'fr'));
  });
});

describe('theme precedence', () => {
  it('lets a longer phrase of another theme win ("late fee" is billing, not delay)', () => {
    const t = themesOf(cx('They added a late fee to my account for no reason.', 'en'));
    expect(t).toContain('billing');
    expect(t).not.toContain('delay');
    expect(themesOf(cx('Mon compte est bloqué depuis ce matin.', 'fr'))).toContain('account_access');
  });
  it('treats an out-of-order lift or machine as technical', () => {
    expect(themesOf(cx("L'ascenseur de la gare est encore en panne.", 'fr'))).toContain('technical');
    expect(themesOf(cx('The ticket machine at the station has been broken all week.', 'en'))).toContain('technical');
  });
  it('does not read a churn announcement as a company cancellation', () => {
    const r = cx("Fifteen years as a customer and this is how you treat me. I'm cancelling everything.", 'en', 'negative', ['anger']);
    expect(r.signals.churnIntent).toBe(true);
    expect(themesOf(r)).not.toContain('cancellation');
  });
});

describe('edge inputs', () => {
  it.each(['', '   ', '?!?!', '😡😡😡', "'", '3e', 'a'.repeat(5000), "j'", 'c', '# @ -'])('handles %j', (text) => {
    const r = cx(text, 'fr');
    expect(r.themes.length).toBeLessThanOrEqual(3);
    expect(r.needs.length).toBeLessThanOrEqual(2);
    if (r.reason !== null) expect(text).toContain(r.reason);
  });
  it('scans long messages without blowing up', () => {
    const text = 'Le colis est en retard et le service client ne répond pas. '.repeat(400);
    const r = cx(text, 'fr');
    expect(r.themes.map((t) => t.label)).toEqual(expect.arrayContaining(['delay']));
  });
});
