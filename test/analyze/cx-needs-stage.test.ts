import { describe, expect, it } from 'vitest';
import { cx } from './cx-helpers.ts';

const firstNeed = (...a: Parameters<typeof cx>) => cx(...a).needs[0]?.label ?? null;

describe('needs', () => {
  it('is empty for pure praise and flat remarks', () => {
    expect(cx('Livraison rapide, produit impeccable, merci !', 'fr', 'positive').needs).toEqual([]);
    expect(cx('Service correct, sans plus.', 'fr', 'neutral').needs).toEqual([]);
  });
  it('information for questions', () => {
    expect(firstNeed('Bonjour, est-ce que la carte senior marche aussi le week-end ?', 'fr', 'neutral')).toBe('information');
    expect(firstNeed('Do you ship to Ireland, and how long does it take?', 'en', 'neutral')).toBe('information');
  });
  it('fairness for refunds and disputed charges', () => {
    expect(firstNeed('Vous m’avez facturé deux fois la même réparation, je veux être remboursé.', 'fr', 'negative', ['anger'])).toBe('fairness');
    expect(firstNeed('I was overcharged on my last invoice, I want a refund.', 'en', 'negative', ['anger'])).toBe('fairness');
  });
  it('reassurance when fear dominates', () => {
    expect(firstNeed("J'ai donné mon code à un faux conseiller, je suis inquiète, mon argent est-il en sécurité ?", 'fr', 'negative', ['anxiety'])).toBe('reassurance');
    expect(firstNeed("I'm really worried my data was leaked, is my account safe?", 'en', 'negative', ['anxiety'])).toBe('reassurance');
  });
  it('respect when staff behaviour hurt', () => {
    expect(firstNeed("L'employée m'a humiliée devant tout le monde, elle a été méprisante.", 'fr', 'negative', ['anger'])).toBe('respect');
    expect(firstNeed('The manager was rude and dismissive when I complained.', 'en', 'negative', ['anger'])).toBe('respect');
  });
  it('resolution for something broken, speed for waiting', () => {
    expect(firstNeed("Ma box ne fonctionne plus depuis hier, merci de réparer.", 'fr')).toBe('resolution');
    expect(firstNeed('Still waiting on hold, please answer the phone quickly, this is urgent.', 'en')).toBe('speed');
  });
  it('autonomy when the customer wants to do it themselves', () => {
    expect(cx("Je veux pouvoir résilier moi-même en ligne, sans passer par un conseiller.", 'fr').needs.map((n) => n.label)).toContain('autonomy');
  });
  it('never more than two needs, evidence verbatim', () => {
    const text = 'Remboursez-moi vite, je suis inquiet, pourquoi ce prélèvement ? Réparez ma box !';
    const r = cx(text, 'fr', 'negative', ['anxiety', 'anger']);
    expect(r.needs.length).toBeLessThanOrEqual(2);
    for (const n of r.needs) if (n.evidence) expect(text).toContain(n.evidence);
  });
});

describe('stage', () => {
  const stage = (...a: Parameters<typeof cx>) => cx(...a).stage?.label ?? null;
  it.each([
    ['Proposez-vous une offre pour les étudiants avant que je souscrive ?', 'fr', 'neutral', 'discover'],
    ['Le vendeur au magasin a refusé de me faire le devis.', 'fr', 'negative', 'purchase'],
    ["L'installation de la fibre a été ratée, le technicien est reparti sans brancher.", 'fr', 'negative', 'onboarding'],
    ['Le livreur a laissé le colis devant la porte sous la pluie.', 'fr', 'negative', 'delivery'],
    ['Le train de 8h était encore en retard ce matin.', 'fr', 'negative', 'usage'],
    ['Ma facture de mars est fausse, le prélèvement est trop élevé.', 'fr', 'negative', 'billing'],
    ['I spent an hour on hold with customer service and the agent hung up.', 'en', 'negative', 'support'],
    ['At renewal my premium went up by 40% with no explanation.', 'en', 'negative', 'renewal'],
    ['How do I cancel my contract? I am moving abroad.', 'en', 'neutral', 'cancellation'],
    ['The parcel tracking has not moved and the courier never came.', 'en', 'negative', 'delivery'],
  ] as const)('%s -> %s', (text, lang, s, want) => {
    expect(stage(text, lang, s)).toBe(want);
  });
  it('has a score in [0, 1]', () => {
    const r = cx('Mon vol a été annulé.', 'fr');
    expect(r.stage?.score).toBeGreaterThan(0);
    expect(r.stage?.score).toBeLessThanOrEqual(1);
  });
  it.each([
    // A stage cue names it ...
    ['At renewal my premium went up by 40% with no explanation.', 'en', 'negative', 'renewal', 'At renewal'],
    ['How do I cancel my contract? I am moving abroad.', 'en', 'neutral', 'cancellation', 'How do I cancel'],
    // ... a theme implies it (a hold time is support; a disputed bill is billing) ...
    ['I spent an hour on hold with customer service and the agent hung up.', 'en', 'negative', 'support', 'on hold'],
    ['Ma facture de mars est fausse, le prélèvement est trop élevé.', 'fr', 'negative', 'billing', 'facture'],
    // ... or the loyalty penalty does; a default stage points at what the message is about.
    ['Client fidèle depuis 10 ans, je paie plus cher que les nouveaux clients.', 'fr', 'negative', 'renewal', 'plus cher que les nouveaux'],
    ['Je suis très content, merci !', 'fr', 'positive', 'usage', 'Je suis très content'],
  ] as const)('points at the words that place "%s" (%s) at its stage', (text, lang, s, label, evidence) => {
    expect(cx(text, lang, s).stage).toMatchObject({ label, evidence });
  });
});

describe('reason', () => {
  it('is null iff there is no emotion', () => {
    expect(cx('Quels sont vos horaires ?', 'fr', 'neutral', []).reason).toBeNull();
    expect(cx('Mon colis est arrivé cassé.', 'fr').reason).not.toBeNull();
  });
  it('is a verbatim span pointing at the cause', () => {
    const text = "Bonjour. Je suis furieux : le technicien n'est jamais venu et j'ai posé une journée pour rien.";
    const r = cx(text, 'fr', 'negative', ['anger']).reason!;
    expect(text).toContain(r);
    expect(r.length).toBeLessThan(text.length / 2);
  });
});

describe('polite requests', () => {
  it('reads "pouvez-vous m’envoyer … ?" as a request for action, not a question', () => {
    expect(firstNeed("Bonjour, pouvez-vous m'envoyer une copie de mon contrat ? Merci", 'fr', 'neutral', [])).toBe('resolution');
    expect(firstNeed('Could you send me a copy of my last invoice?', 'en', 'neutral', [])).toBe('resolution');
  });
  it('keeps a real question a question', () => {
    expect(firstNeed('Pouvez-vous me dire comment fonctionne la garantie ?', 'fr', 'neutral', [])).toBe('information');
  });
});
