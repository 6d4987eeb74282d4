/**
 * French cues for needs, journey stage and signals (syntax: ../matcher.ts). Each group cites the
 * GUIDELINES.md section it implements. `need:*` and `stage:*` cues add evidence; the decision rules
 * (thresholds, priorities) live in ../needs.ts, ../stage.ts and ../signals.ts.
 */
import type { CxPatterns } from './types.ts';

export const CUES_FR: CxPatterns = {
  // Questions and requests (needs: "information for questions").
  q: [
    'comment', 'pourquoi', 'est ce que', 'est ce normal', 'puis je', 'peut on', 'peut-on', 'pouvez vous me dire', 'je voudrais savoir',
    'je aimerais savoir', 'quelqu un sait', 'quelqu un a', 'je fais quoi', 'que faire', 'je veux comprendre', 'vous me expliquez',
    'expliquez moi', 'combien', 'quand', 'il faut quels', 'connaitre', 'savoir si', 'renseignement*', 'je me demandais', 'quelle est', 'quels sont', 'ou en est', 'existe t il',
    'ce etait bien vous', 'je continue ou',
  ],
  // Polite requests phrased as questions ("pouvez-vous m'envoyer ... ?") ask for an action, not information.
  polite: ['pouvez vous', 'pourriez vous', 'vous pouvez', 'serait il possible de me', 'merci de me'],
  request: [
    'merci de', 'pouvez vous', 'pourriez vous', 'je souhaite', 'je demande', 'je exige', 'je veux', 'je voudrais', 'je vous saurais gre',
    'veuillez', 'sil vous plait', 'svp', 'en urgence', 'besoin de', 'help', 'aidez moi', 'faites quelque chose', 'rappelez moi',
  ],
  'need:information': [
    'je veux comprendre', 'expliquez', 'vous me expliquez', 'des nouvelles', 'je fais quoi', 'que faire', 'comment', 'pourquoi',
    'sans preciser', 'je ne comprends pas', 'je comprends pas', 'savoir', 'ce que ca veut dire', 'quelles demarches',
  ],
  'need:resolution': [
    'reglez', 'regler', 'reparer', 'reparez', 'retablir', 'restaurer', 'solution', 'corriger', 'corrigez', 'rectifier', 'debloquer',
    'renvoyer', 'envoyer', 'envoyez', 'transmettre', 'remplacer', 'remplacement', 'faire le necessaire', 'faites quelque chose', 'que ca marche', 'intervenir',
    'verifier', 'pause', 'suspendre',
  ],
  'need:fairness': [
    'rembours*', 'dedommag*', 'indemnis*', 'compensation', 'trop percu', 'prise en charge de la difference', 'geste commercial',
    'je exige', 'en double', 'deux fois', 'debite* deux fois', 'on paie plus', 'pas normal de payer', 'arnaque*', 'service fantome',
    'la difference', 'mediateur', '# fois plus cher', 'sans meme un mail', 'augmente encore',
  ],
  'need:reassurance': [
    'panique*', 'inquiet*', 'peur', 'angoiss*', 'stress*', 'arnaque', 'danger*', 'securite', 'est ce grave', 'je vais rater', 'risque de rater', 'rassure*',
  ],
  'need:respect': [
    'pas normal', 'comme si je', 'manque de respect', 'irrespectueu*', 'mepris*', 'deja assez difficile', 'sans excuse*', 'pas un mot de excuse', 'aucune excuse', 'un peu de consideration',
    'traite comme', 'pas un numero', 'humanite', 'compassion',
  ],
  'need:speed': [
    'en urgence', 'urgent*', 'rapidement', 'solution rapide', 'au plus vite', 'le plus vite', 'dans # h|heures|min|minutes',
    'tout de suite', 'immediatement', 'met # jours', 'mettent # jours', '# semaines pour', 'ce soir', 'avant samedi|dimanche|lundi',
    'je pars', 
  ],
  'need:reliability': [
    'chaque mise a jour', 'a chaque fois', 'a repetition', 'repetee*', 'recurrent*', 'encore', 'trop de', 'tout le temps', 'sans arret', 'tous les jours', 'pour moins',
    'valide par ecrit', 'promis', 'on paie plus pour moins', 'n existent pas', 'aucune trace',
    'pour rien',
  ],
  'need:autonomy': [
    'moi meme', 'en ligne', 'par courrier', 'dans le appli', 'depuis le appli', 'en autonomie', 'me meme', 'sans passer par',
    'self service', 'espace client',
  ],
  // Journey stages (GUIDELINES: stage).
  'stage:discover': ['avant de', 'nouveaux clients', 'proposez vous', 'propose encore', 'je compare', 'est ce que vous faites', 'comment on fait pour avoir'],
  'stage:purchase': [
    'ajouter un', 'apres la reservation', 'en magasin', 'au magasin', 'vendeuse', 'vendeur', 'au comptoir', 'au guichet', 'souscri*', 'fait signer', 'signature',
    'accord du credit', 'pret immobilier', 'passer commande', 'commander', 'panier', 'code promo', 'prise de rdv', 'prise de rendez vous',
    'creneaux', 'licences', 'billetterie', 'achat', 'devis',
  ],
  'stage:onboarding': [
    'installation', 'installateur', 'activation', 'activer', 'ouverture de compte', 'ouvrir un compte', 'portabilite', 'mise en service',
    'valider mon permis', 'mon permis', 'premiere connexion', 'nouveau client', 'raccordement', 'compteur installe',
    
  ],
  'stage:delivery': [
    'je ai commande', 'commande passee', 'ma commande',
    'livraison', 'livre', 'livree', 'livreur', 'colis', 'commande arrivee', 'est arrive* avec', 'click and collect', 'retrait en magasin',
    'transporteur', 'suivi de colis', 'expedi*', 'carton', 'frais de douane', 'ma commande',
  ],
  'stage:usage': [
    'vol', 'train', 'rer', 'bus', 'metro', 'voyage', 'trajet', 'reseau', 'appli', 'application', 'panne', 'sinistre', 'reseau',
    'correspondance', 'tarmac', 'voiture', 'vehicule', 'agenda', 'utilise*', 'virement', 'carte bloquee', 'prise de sang', 'consultation',
  ],
  'stage:billing': [
    'factur*', 'prelev*', 'rembours*', 'dedommag*', 'mensualite*', 'trop percu', 'debite*', 'honoraires', 'en double', 'frais de incident',
  ],
  'stage:support': [
    'service client', 'service a la clientele', 'en ligne avec', 'musique de attente', 'support', 'conseiller au telephone', 'chat',
    'robot', 'tourne en boucle', 'hotline', 'a regle en', 'du support',
  ],
  'stage:renewal': ['renouvellement de mon|du contrat|abonnement|forfait|assurance', 'au renouvellement', 'lors du renouvellement', 'renouvele* automatiquement', 'reconduit*', 'reconduction', 'echeance de mon contrat', '# € ~/ ~par mois sur mon forfait', 'sur mon forfait', 'a la date anniversaire'],
  'stage:cancellation': ['comment resilier', 'je dois resilier', 'resilier mon|ma|sa|son contrat|ligne|abonnement', 'releve de sortie', 'demenage*', 'fermer mon compte'],
  // Churn intent: explicit leave/cancel/switch/not buy again (GUIDELINES: churn_intent).
  churn: [
    'je resilie', 'je resilie tout', 'je vais resilier', 'je vais tout resilier', 'resilier mon|mon|notre|mes contrat|abonnement|forfait|ligne|compte',
    'resilie* mon|notre abonnement|contrat', 'je pars a la concurrence', 'je pars chez', 'je vais voir ailleurs', 'aller voir ailleurs',
    'je change de fournisseur|operateur|banque|assureur', 'changer de fournisseur|operateur|banque|assureur', 'on migre', 'nous migrons',
    'desinstall*', 'plus jamais', 'je ne commanderai plus', 'je ne reviendrai plus', 'je ne reviendrai pas', 'vous perdez un client',
    'supprimez mon compte', 'supprimer mon compte', 'fermer mon compte', 'cloturer mon compte', 'je cloture', 'dernier achat',
    'derniere commande chez vous', 'resiliation',
  ],
  // "Je compare avant de changer de fournisseur": a prospect, not a leaving customer.
  churn_block: ['avant de', 'si jamais', 'hesite a'],
  // Vulnerability (GUIDELINES: vulnerable).
  vuln: [
    'decede*', 'deces', 'est mort', 'est morte', 'veuve', 'veuf', 'obseques', 'enterrement', 'cancer', 'chimio*', 'dialyse*',
    'epilep*', 'sclerose', 'alzheimer', 'parkinson', 'handicap*', 'fauteuil roulant', 'malvoyant*', 'aveugle', 'sourd*', 'invalidite',
    'mobilite reduite', 'pmr', 'personne agee', 'octogenaire', 'nonagenaire', 'vit seule', 'vit seul', 'isolee', 'sous traitement', 'anticoagulant*', 'insuline',
    'depression', 'suicid*', 'idees noires', 'detresse', 'burn out', 'sans emploi', 'chomage', 'rsa', 'surendett*', 'pas les moyens',
    'fin de mois difficile', 'plus un sou', 'banque alimentaire', 'greffe', 'en soins palliatifs', 'hospitalise* depuis', 'malade chronique',
  ],
  age: ['# ans', 'agee de #', 'age de #'],
  third: ['voisin*', 'voisine*', 'collegue*', 'un ami', 'une amie', 'client de'],
  // Repeat contact: "3e fois que j'appelle", "toujours pas", "relancé".
  repeat: [
    'deja # fois', '# fois deja',
    '# fois que je', 'troisieme fois', 'deuxieme fois', 'quatrieme fois', 'toujours pas', 'toujours rien', 'relance*',
    'encore une fois', 'a nouveau', 'deja appele', 'deja ecrit', 'deja envoye', 'deja renvoye', 'je vous ai deja', 'a chaque fois on',
    'rappele* # fois', 'sans reponse',
  ],
  // High urgency (GUIDELINES: urgency high): safety, blocked money, full outage, travel within ~24 h, breach, escalation.
  'urg:high': [
    'gaz', 'odeur de gaz', 'allergi*', 'dosage', 'mauvais dosage', 'autoroute', 'sur le a #', 'voyant moteur', 'fumee', 'incendie',
    'electrocut*', 'a decouvert', 'decouvert', 'bloque*', 'plus rien a payer', 'tout a payer', 'sans internet', 'plus de ligne', 'plus de reseau', 'plus rien ne marche', 'sans ligne', 'plus de courant',
    'sans electricite', 'sans chauffage', 'maintenance en cours', 'dans # h|heures|min|minutes', 'ce soir', 'demain matin',
    'en urgence', 'urgence', 'fuite de donnees', 'piratage', 'pirate*', 'ont disparu', 'arnaque', 'mis ma carte', 'je panique',
    'plus du tout', 'journaliste*', 'avocat', 
  ],
  'urg:medium': [
    'rembours*', 'conteste*', 'litige', 'rectifier', 'cette semaine', 'samedi', 'dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi',
    'vendredi', 'sous huitaine', 'la difference', 'trop percu', 'solution rapide', 'rapidement',
  ],
  praise: ['bonne qualite', 'ne me plains pas', 'rien a redire', 'content*', 'ravi*', 'merci', 'bravo', 'parfait', 'top', 'genial', 'je recommande', 'satisfait*', 'chapeau', 'super', 'excellent*', 'impeccable'],
  // What the company did well, stated as an event (a praise reason, GUIDELINES "reason").
  deed: [
    'en # min|minutes|h|heure|heures|jours', 'en une heure', 'en une journee', 'le jour meme', 'retabli*', 'regle* en', 'remplace*',
    'rembourse* en|sous', 'pris le temps', 'a rappele', 'est venu', 'recu* en',
  ],
  cause: ['a cause de', 'parce que', 'car', 'depuis', 'suite a', 'apres'],
  // Traitement injuste au renouvellement (GUIDELINES : fairness « être traité justement », renewal) :
  // la pénalité de fidélité, la fin d'une promo. Une plainte même sans mot négatif : « client fidèle »
  // y est un grief. Une simple hausse chiffrée reste un thème prix (themes-fr.ts), sans étape imposée.
  unfair: [
    'nouveaux clients ont|paient|payent|beneficient|profitent|obtiennent', 'promo* pour les nouveaux', 'mieux traite* que',
    'et moi ~, client|cliente fidele', 'client|cliente fidele ~, je paie', 'aucun avantage fidelite', 'aucune remise fidelite',
    'la fidelite ne paie|compte|sert', 'pour les anciens', 'plus cher que les nouveaux', 'fin de ma|la promo*',
  ],
  // Ton de plainte (../themes.ts) : ce qui montre un grief quel que soit le modèle de sentiment.
  gripe: [
    'nul', 'nulle', 'honte*', 'honteu*', 'inadmissible', 'inacceptable', 'scandal*', 'lamentable', 'catastroph*', 'galere*',
    'marre', 'ras le bol', 'toujours pas', 'toujours rien', 'toujours en attente', 'encore une fois', 'de nouveau', 'jamais',
    'personne', 'pourquoi', 'decu*', 'decevant*', 'agac*', 'enerv*', 'furieu*', 'colere', 'pire', 'horrible', 'n importe quoi',
    'probleme*', 'souci*', 'aucune reponse', 'bloque*', 'coince*', 'incompetent*', 'mauvais*', 'pas normal', 'serieusement',
    'franchement', 'inutile', 'rien', 'sans', 'impossible', 'ne marche pas', 'ne fonctionne pas', 'perdu* mon|ma|mes|notre',
  ],
};
