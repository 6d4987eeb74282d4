import { describe, expect, it } from 'vitest';
import { cx } from './cx-helpers.ts';

describe('churn intent', () => {
  it.each([
    ["Si rien n'est fait d'ici vendredi, je résilie mon abonnement.", 'fr'],
    ['Franchement je vais voir ailleurs, trop de galères.', 'fr'],
    ['jveux résilier mon forfait, plus jamais chez vous', 'fr'],
    ["I'm switching to another bank next month.", 'en'],
    ['Please cancel my subscription today.', 'en'],
    ['Worst stay ever. Never again.', 'en'],
  ] as const)('detects explicit churn: %s', (text, lang) => {
    expect(cx(text, lang).signals.churnIntent).toBe(true);
  });

  it.each([
    ['Boutique à fuir.', 'fr'],
    ['Je compare les offres avant de changer de fournisseur.', 'fr'],
    ["I'm not cancelling, I just want the bill fixed.", 'en'],
    ['Switched from my old provider last year and very happy.', 'en'],
    ['Je dois résilier la ligne de ma mère décédée.', 'fr'],
  ] as const)('does not flag implicit or negated churn: %s', (text, lang) => {
    expect(cx(text, lang).signals.churnIntent).toBe(false);
  });
});

describe('vulnerability', () => {
  it.each([
    ['Mon mari est décédé le mois dernier et je reçois encore ses factures.', 'fr'],
    ['Je suis en chimio et je ne peux pas me déplacer en agence.', 'fr'],
    ["I'm in a wheelchair and the ramp has been broken for weeks.", 'en'],
    ["My dad is 86 and can't manage the online form.", 'en'],
    ["I can't afford the fee, I lost my job last month.", 'en'],
  ] as const)('detects a vulnerable customer: %s', (text, lang) => {
    expect(cx(text, lang).signals.vulnerable).toBe(true);
  });

  it.each([
    ["J'ai un rhume mais je voulais signaler le retard.", 'fr'],
    ['Mon voisin est sous dialyse et sa ligne est coupée.', 'fr'],
    ['I had the flu last week so I missed the delivery.', 'en'],
  ] as const)('ignores minor illness and third parties: %s', (text, lang) => {
    expect(cx(text, lang).signals.vulnerable).toBe(false);
  });
});

describe('repeat contact', () => {
  it.each([
    ["C'est la 3e fois que j'appelle pour ça.", 'fr'],
    ['Je vous ai relancé deux fois, toujours pas de réponse.', 'fr'],
    ['This is the third time I contact you about this.', 'en'],
    ["I've already called and I'm still waiting.", 'en'],
  ] as const)('%s', (text, lang) => {
    expect(cx(text, lang).signals.repeatContact).toBe(true);
  });
  it('is false for a first contact', () => {
    expect(cx('Bonjour, ma facture comporte une erreur.', 'fr').signals.repeatContact).toBe(false);
  });
});

describe('urgency', () => {
  it('is high for safety, blocked money, travel within hours', () => {
    expect(cx("Ça sent le gaz dans la cave depuis l'intervention de votre technicien.", 'fr', 'negative', ['anxiety']).signals.urgency).toBe('high');
    expect(cx('My account is blocked and rent is due, I will be overdrawn.', 'en').signals.urgency).toBe('high');
    expect(cx('Mon vol part dans 3h et la réservation a disparu !', 'fr', 'negative', ['anxiety']).signals.urgency).toBe('high');
  });
  it('is medium for refunds and disputes, low for venting and praise', () => {
    expect(cx('Merci de me rembourser les 30 € prélevés par erreur.', 'fr').signals.urgency).toBe('medium');
    expect(cx('Trains always late on this line. Typical.', 'en').signals.urgency).toBe('low');
    expect(cx('Super accueil à la boutique, merci !', 'fr', 'positive').signals.urgency).toBe('low');
  });
  it('follows the vulnerable-customer rules (problem high, neutral request medium, thanks low)', () => {
    expect(cx('Ma mère a 88 ans et sa box ne marche plus.', 'fr').signals.urgency).toBe('high');
    expect(cx('Ma mère a 88 ans, pouvez-vous lui envoyer la facture par courrier ?', 'fr', 'neutral').signals.urgency).toBe('medium');
    expect(cx('My mum is 91 and your engineer was so kind to her, thank you.', 'en', 'positive', ['gratitude']).signals.urgency).toBe('low');
  });
});
