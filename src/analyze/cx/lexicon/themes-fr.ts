/**
 * French theme patterns (syntax: ../matcher.ts). Keys are `theme:<THEME>`; `role:*` keys feed the
 * pair rules of ../themes.ts (a staff noun near an attitude word = staff_attitude). Written from the
 * definitions of GUIDELINES.md ("themes"), in the registers customers use: formal letters, chat/SMS,
 * Québec French. Patterns are matched on folded, canonicalized text, so accents are optional.
 */
import type { CxPatterns } from './types.ts';

export const THEMES_FR: CxPatterns = {
  // "something arrived or happened late" (GUIDELINES: delay).
  'theme:delay': [
    'retard*', 'en retard', 'toujours pas arrive*', 'toujours pas passe*', 'pas encore passe*', 'toujours pas venu*', 'pas encore arrive*', '!ne est pas arrive*', '!ne sont pas arrive*',
    'pas ete livre*', 'jamais arrive*', 'livraison un peu|trop|tres longue', 'livraison longue', 'delai de livraison',
    'bloque* sur le tarmac', 'virement|paiement|colis|commande|remboursement|dossier|transfert ~est ~reste ~toujours bloque*',
    '# jours|semaines|mois de plus', 'encore # jours|semaines|mois', 'toujours pas livre*', 'pas encore livre*', 'prevue hier', 'prevu hier', 'devait arriver',
    '# jours|semaines|mois pour', 'decale*', 'a ete reporte*', 'vol|livraison|rendez vous|intervention reporte*', 'toujours en attente de livraison', 'pas a l heure', 'en souffrance', 'rate* ma|la|notre correspondance', 'rater ma|la|notre correspondance',
  ],
  // Only when the company cancelled (GUIDELINES); customer cancellations are `cust_cancel` below.
  'theme:cancellation': [
    'annule*', 'annulation de mon|notre|du|de la vol|train|rendez vous|rdv|commande|reservation|livraison', 'vol annule*',
    'train supprime*', 'trains supprime*', 'supprime* sans prevenir', 'annule* par vos soins', 'annulee* par vos soins',
    'resto qui annule', 'restaurant qui annule', 'ne est pas venu', 'personne ne est venu', 'pas venu au rendez vous',
  ],
  // The customer cancels: theme policy (GUIDELINES), and never a company cancellation.
  cust_cancel: [
    'je annule', 'je ai annule', 'annuler ma|mon|mes|notre commande|reservation|billet|vol|sejour|rendez vous|rdv',
    'frais de annulation', 'conditions de annulation', 'veux annuler', 'voudrais annuler', 'souhaite annuler', 'comment annuler',
  ],
  'theme:lost_or_damaged': [
    'ont perdu|a perdu|avez perdu', 'est perdu*', 'ete perdu*', 'colis|valise*|bagage*|paquet|commande|carton perdu*', 'egare*', 'cassees', 'casses', 'arrive* casse*', 'est|etait|etaient|sont|ete|recu* casse*', 'eventre*', 'casse* en deux|en morceaux|en mille morceaux', 'abime*', 'endommage*', 'brise*', 'fissure*',
    'raye*', 'deteriore*', 'pas retrouve*', 'jamais retrouve*', 'valise perdue', 'bagage perdu', 'colis perdu', 'colis vole',
    'ecran casse', 'carton eventre', 'en morceaux', 'aucune protection', 'ecrase*', 'renverse*', 'fondu', '!rien recu',
    '!jamais recu*', 'indique* livre*', 'marque* comme livre*', 'colis introuvable',
  ],
  'theme:wait_time': [
    '!attente', '!musique de attente', '!file de attente', '!en ligne depuis', '# h|heures|minutes|min que je suis en ligne',
    '# h|heures|minutes|min au telephone', '# h|heures|minutes|min de attente', '!personne ne repond', '!met # jours a repondre',
    '!mettent # jours a repondre', '!delai de reponse', '!toujours pas de reponse', '!aucune reponse', '!pas de reponse',
    'injoignable*', 'personne ne decroche', 'sonne dans le vide', 'impossible de les joindre', 'impossible de joindre', 'ca sonne dans le vide', 'queue', 'faire la queue',
    '!# min|minutes|h|heures que je attends', '!attends au telephone', '!au telephone depuis', '!attendu # h|heures|minutes|min', '!attendre # h|heures|minutes|min', 'temps de attente',
  ],
  'theme:unresolved': [
    '!toujours pas', '!toujours rien', '!toujours le meme probleme', '# fois que je appelle', '# fois que je ecris',
    'troisieme|deuxieme|quatrieme|# fois', '!a chaque fois on me dit', '!relance*', '!sans reponse', '!sans suite',
    '!aucune suite', '!personne ne me rappelle', '!jamais rappele*', 'on me renvoie', 'renvoie de service en service',
    'tourne en boucle', 'en boucle', 'tourner en rond', 'parler a un humain', 'un vrai conseiller', '!deja renvoye*', '!deja envoye*', '!deja appele*', 'pas resolu*', 'pas regle*',
    'probleme persiste', 'ticket ouvert depuis', 'dossier ouvert depuis', 'que je attends', 'semaine sans',
    '!rien ne bouge', '!rien ne avance', 'promis*',
  ],
  'theme:billing': [
    '!factur*', '!prelev*', '!debit*', '!rembours*', '!trop percu', 'frais', '!mensualite*', '!paiement*', '!paye* deux fois',
    '!double prelevement', '!en double', '!dedommag*', '!indemnis*', '!code promo', '!montant*', '!echeance*', '!surfactur*',
    '!honoraires', '!credite*', '!releve de compte', '!penalite*', '!geste commercial', '!compensation',
  ],
  'theme:price': [
    '!prix', '!cher', '!chere', '!cheres', '!chers', '!coute*', '!cout', '!couts', '!tarif*', '!augment*', '!hausse*', '!combien',
    '!abordable*', '!rapport qualite prix', '!on paie plus', '!euros par mois', '!# €|euros ~/ ~par mois', '!passe de # €|euros|eur a #', '!passe de # a # €|euros|eur',
    '!# fois plus cher', '!hors de prix', '!bon marche', '!forfait pas cher',
  ],
  'theme:product_quality': [
    'defectueu*', 'defaut*', 'mauvaise qualite', 'qualite mediocre', 'qualite deplorable', 'sale', 'sales', 'crasseu*',
    'toilettes', 'voyant moteur', 'crevaison', 'pneu creve', 'batterie a plat', 'mauvais dosage', 'mauvais medicament', 'erreur de dosage', 'voyant allume', 'tombe* en panne', 'panne moteur', 'pas frais', 'perime*', 'immangeable',
    'froid* a la livraison', 'moisi*', 'allergene*', 'arachide*', 'gluten', 'viande dans', 'contenait de la viande',
    'ne tient pas', 'se decolle', 'fuit', 'fuite de eau', 'bruyant*', 'pas conforme', 'non conforme', 'trou dans le mur',
  ],
  'theme:technical': [
    'bug*', 'beug*', 'bogue*', 'echoue*', 'plus de ligne', 'sans ligne', 'ligne coupee', 'plus de reseau', 'impossible de valider|payer|commander|telecharger|acceder|ouvrir|finaliser',
    'n accepte pas', 'ne accepte pas', 'refuse ma|mon|mes carte|paiement|code', 'plante*', 'crash*', 'inutilisable', 'rame', 'erreur*', 'maintenance', 'panne de reseau',
    'panne internet', 'en panne', 'hors service', 'ascenseur|escalator|borne|automate|distributeur ~est ~encore ~toujours en panne|bloque|hs', 'sans internet', 'plus de internet', 'pas de internet', 'coupure*',
    'pas de reseau', 'ne marche pas', 'ne marche plus', 'ne fonctionne pas', 'ne fonctionne plus', 'ne charge pas',
    'mise a jour casse', 'casse quelque chose', 'synchronisation', 'ont disparu', 'a disparu', 'donnees effacees',
    'fuite de donnees', 'pirate*', 'piratage', 'jamais genere*', 'page blanche', 'site bloque', 'appli bloquee',
    'appli|site|application|connexion|internet|reseau|wifi ~tres ~trop lent|lente', 'ecran noir', 'service fantome', 'panne de signalisation',
  ],
  'theme:account_access': [
    'connecter', 'connexion a mon compte', 'me connecter', 'se connecter', 'mot de passe', 'mdp', 'identifiant*',
    'compte ~est ~a ~ete bloque|suspendu|verrouille|desactive', 'code de verification', 'authentification', 'identite non verifiee',
    'verification de identite', 'piece de identite', 'valider mon permis', 'valider mon identite', 'acces a mon compte',
    'acceder a mon compte', 'photo est refusee', 'document illisible', 'code sms',
  ],
  'theme:information': [
    '!sans preciser', '!sans prevenir', '!sans meme un mail', '!sans explication', '!aucune explication',
    '!aucune information', '!aucune info', '!pas de info', '!pas informe*', '!personne ne me a prevenu', '!pas clair*',
    '!incomprehensible*', '!informations contradictoires', '!je trouve pas', '!je ne trouve pas', '!introuvable',
    'plateforme indiquait', 'site indiquait', 'indiquait', '!on ne sait rien', '!aucune nouvelle*', '!pas de nouvelles',
    '!sans motif', '!sans me expliquer', '!personne ne nous|me informe|previent', '!ne nous informe', '!sans nous informer', 'mal informe*', '!dossier incomplet',
  ],
  'theme:policy': [
    'conditions generales', 'cgv', 'reglement', 'clause', 'politique de', 'non remboursable', 'pas remboursable',
    'franchise', 'pas autorise*', 'interdit*', 'obligatoire', 'passer en boutique', 'se deplacer en agence',
    'en cours de verification', 'sans frais', 'en cabine', 'bagage a main', 'ne sapplique pas', 'ne se applique pas',
    'conditions', 'engagement', 'puis je emmener|amener|prendre', 'est ce autorise', 'est il possible de emmener', 'a le droit', 'avons le droit', 'on me demande de', 'me demande de passer|fournir|envoyer',
    'il faut fournir', 'exigent',
  ],
  'theme:booking': [
    'reservation*', 'mauvaise taille', 'pas la bonne taille', 'mauvais article', 'mauvais produit', 'pas le bon article',
    'il manque', 'manquant*', 'commande incomplete', 'article manquant', 'commande en double', 'double reservation',
    'surbooking', 'surreservation', 'aucune trace de ma reservation', 'changer la adresse de livraison',
    'erreur dans ma commande', 'la moitie de ma|mes|du|de la', 'erreur de commande', 'pas ce que je ai commande', 'au lieu de le|la|les|de|du|des', 'mauvaise couleur', 'mauvais modele',
  ],
  // Direct attitude phrases that need no staff noun.
  'theme:staff_attitude': [
    'me a fait signer', 'force* la main', 'pousse* a souscrire|acheter|prendre',
    'pour sa|son|leur patience|gentillesse|disponibilite|bienveillance|professionnalisme|aide|accueil', 'doigt de honneur', 'insulte*','parle comme si', 'mal parle', 'a soupire', 'raccroche au nez', 'pris de haut', 'avec le sourire', 'chapeau aux|a le'],
  'role:staff': [
    'conseiller*', 'conseillere*', 'vendeur*', 'vendeuse*', 'agent*', 'employe*', 'personnel', 'equipe', 'livreur*',
    'chauffeur*', 'conducteur de bus', 'technicien*', 'installateur*', 'infirmier*', 'infirmiere*', 'medecin*', 'docteur',
    'secretaire', 'receptionniste', 'hotesse*', 'steward*', 'pnc', 'equipage', 'monteurs', 'monteur*', 'collegue*',
    'service client', 'service a la clientele', 'support', 'standardiste', 'caissier*', 'caissiere*', 'guichetier*',
    'controleur*', 'accueil', 'pharmacien*', 'gerant*', 'serveur*', 'serveuse*', 'depanneur*', 'interlocuteur*',
  ],
  'role:device': [
    'ascenseur*', 'escalator*', 'escalier mecanique', 'machine*', 'borne*', 'automate*', 'distributeur*', 'portique*', 'terminal',
    'box', 'decodeur', 'modem', 'compteur', 'chaudiere', 'caisse* automatique*', 'valideur*',
  ],
  'role:broken': [
    'en panne', 'hs', 'hors service', 'ne marche pas|plus|jamais', 'ne fonctionne pas|plus|jamais', 'marche pas', 'fonctionne pas',
    'bloque*', 'mort', 'defaillant*', 'a lache',
  ],
  'role:good': [
    'sympa*', 'gentil*', 'aimable*', 'genial*', 'adorable*', 'patient', 'patiente', 'pedagogue', 'professionnel*',
    'serviable*', 'a le ecoute', 'souriant*', 'avec le sourire', 'douce', 'doux', 'chaleureu*', 'au top', 'competent*',
    'reactif*', 'formidable*', 'chapeau', 'bravo', 'remercier', 'merci a', 'prime', 'efficace*', 'super', 'top',
  ],
  'role:bad': [
    'desagreable*', 'impoli*', 'malpoli*', 'agressi*', 'meprisant*', 'froid', 'froide', 'incompetent*', 'arrogant*',
    'condescendant*', 'hautain*', 'irrespectueu*', 'pas aimable', 'insupportable*', 'raccroche*', 'soupire', 'crie',
    'ignore*', 'parle comme', 'mal parle', 'lit un script', 'se en fiche*', 'se en fout', 'nul', 'nulle', 'mal recu*',
    'pas a le ecoute', 'refuse* de', 'grossier*', 'vulgaire*', 'menace*', 'moque* de moi', 'se est moque*', 'hurle*',
  ],
};
