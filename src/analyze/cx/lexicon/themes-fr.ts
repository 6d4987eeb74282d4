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
    'retard*', 'en retard', 'toujours pas arrive*', 'pas encore arrive*', '!ne est pas arrive*', '!ne sont pas arrive*',
    'pas ete livre*', 'jamais arrive*', 'livraison un peu|trop|tres longue', 'livraison longue', 'delai de livraison',
    'bloque* sur le tarmac', 'bloque* depuis', 'est bloque*', 'prevue hier', 'prevu hier', 'devait arriver',
    '# jours|semaines|mois pour', 'decale*', 'reporte*', 'toujours en attente de livraison', 'pas a l heure', 'rate ma correspondance',
    'rater ma correspondance', 'je vais la rater', 'correspondance ratee', 'en souffrance',
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
    'ont perdu|a perdu|avez perdu', 'est perdu*', 'ete perdu*', 'colis|valise*|bagage*|paquet|commande|carton perdu*', 'egare*', 'cassees', 'casses', 'arrive* casse*', 'est casse*', 'abime*', 'endommage*', 'brise*', 'fissure*',
    'raye*', 'deteriore*', 'pas retrouve*', 'jamais retrouve*', 'valise perdue', 'bagage perdu', 'colis perdu', 'colis vole',
    'ecran casse', 'carton eventre', 'en morceaux', 'aucune protection',
  ],
  'theme:wait_time': [
    '!attente', '!musique de attente', '!file de attente', '!en ligne depuis', '# h|heures|minutes|min que je suis en ligne',
    '# h|heures|minutes|min au telephone', '# h|heures|minutes|min de attente', '!personne ne repond', '!met # jours a repondre',
    '!mettent # jours a repondre', '!delai de reponse', '!toujours pas de reponse', '!aucune reponse', '!pas de reponse',
    'injoignable*', 'impossible de les joindre', 'impossible de joindre', 'ca sonne dans le vide', 'queue', 'faire la queue',
    '!attendu # h|heures|minutes|min', '!attendre # h|heures|minutes|min', 'temps de attente',
  ],
  'theme:unresolved': [
    '!toujours pas', '!toujours rien', '!toujours le meme probleme', '# fois que je appelle', '# fois que je ecris',
    'troisieme|deuxieme|quatrieme|# fois', '!a chaque fois on me dit', '!relance*', '!sans reponse', '!sans suite',
    '!aucune suite', '!personne ne me rappelle', '!jamais rappele*', 'on me renvoie', 'renvoie de service en service',
    'tourne en boucle', 'en boucle', '!deja renvoye*', '!deja envoye*', '!deja appele*', 'pas resolu*', 'pas regle*',
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
    '!abordable*', '!rapport qualite prix', '!on paie plus', '!euros par mois', '!# €|euros ~/ ~par mois', '!passe de # a #',
    '!# fois plus cher', '!hors de prix', '!bon marche', '!forfait pas cher',
  ],
  'theme:product_quality': [
    'defectueu*', 'defaut*', 'mauvaise qualite', 'qualite mediocre', 'qualite deplorable', 'sale', 'sales', 'crasseu*',
    'toilettes', 'voyant moteur', 'voyant allume', 'tombe* en panne', 'panne moteur', 'pas frais', 'perime*', 'immangeable',
    'froid* a la livraison', 'moisi*', 'allergene*', 'arachide*', 'gluten', 'viande dans', 'contenait de la viande',
    'ne tient pas', 'se decolle', 'fuit', 'fuite de eau', 'bruyant*', 'pas conforme', 'non conforme', 'trou dans le mur',
  ],
  'theme:technical': [
    'bug*', 'beug*', 'bogue*', 'plante*', 'crash*', 'inutilisable', 'rame', 'erreur*', 'maintenance', 'panne de reseau',
    'panne internet', 'en panne', 'hors service', 'sans internet', 'plus de internet', 'pas de internet', 'coupure*',
    'pas de reseau', 'ne marche pas', 'ne marche plus', 'ne fonctionne pas', 'ne fonctionne plus', 'ne charge pas',
    'mise a jour casse', 'casse quelque chose', 'synchronisation', 'ont disparu', 'a disparu', 'donnees effacees',
    'fuite de donnees', 'pirate*', 'piratage', 'jamais genere*', 'page blanche', 'site bloque', 'appli bloquee',
    'affiche des creneaux', 'creneaux fantomes', 'appli|site|application|connexion|internet|reseau|wifi ~tres ~trop lent|lente', 'ecran noir', 'service fantome', 'panne de signalisation',
  ],
  'theme:account_access': [
    'connecter', 'connexion a mon compte', 'me connecter', 'se connecter', 'mot de passe', 'mdp', 'identifiant*',
    'compte bloque', 'compte suspendu', 'code de verification', 'authentification', 'identite non verifiee',
    'verification de identite', 'piece de identite', 'valider mon permis', 'valider mon identite', 'acces a mon compte',
    'acceder a mon compte', 'photo est refusee', 'document illisible', 'code sms',
  ],
  'theme:information': [
    '!sans preciser', '!sans prevenir', '!sans meme un mail', '!sans explication', '!aucune explication',
    '!aucune information', '!aucune info', '!pas de info', '!pas informe*', '!personne ne me a prevenu', '!pas clair*',
    '!incomprehensible*', '!informations contradictoires', '!je trouve pas', '!je ne trouve pas', '!introuvable',
    'plateforme indiquait', 'site indiquait', 'indiquait', '!on ne sait rien', '!aucune nouvelle*', '!pas de nouvelles',
    '!sans motif', 'mal informe*', '!dossier incomplet',
  ],
  'theme:policy': [
    'conditions generales', 'cgv', 'reglement', 'clause', 'politique de', 'non remboursable', 'pas remboursable',
    'franchise', 'pas autorise*', 'interdit*', 'obligatoire', 'passer en boutique', 'se deplacer en agence',
    'en cours de verification', 'sans frais', 'en cabine', 'bagage a main', 'ne sapplique pas', 'ne se applique pas',
    'conditions', 'engagement', 'a le droit', 'avons le droit', 'on me demande de', 'me demande de passer|fournir|envoyer',
    'il faut fournir', 'exigent',
  ],
  'theme:booking': [
    'reservation*', 'mauvaise taille', 'pas la bonne taille', 'mauvais article', 'mauvais produit', 'pas le bon article',
    'il manque', 'manquant*', 'commande incomplete', 'article manquant', 'commande en double', 'double reservation',
    'surbooking', 'surreservation', 'aucune trace de ma reservation', 'changer la adresse de livraison',
    'erreur dans ma commande', 'erreur de commande', 'pas ce que je ai commande',
  ],
  // Direct attitude phrases that need no staff noun.
  'theme:staff_attitude': ['parle comme si', 'mal parle', 'a soupire', 'raccroche au nez', 'pris de haut', 'avec le sourire', 'chapeau aux|a le'],
  'role:staff': [
    'conseiller*', 'conseillere*', 'vendeur*', 'vendeuse*', 'agent*', 'employe*', 'personnel', 'equipe', 'livreur*',
    'chauffeur*', 'conducteur de bus', 'technicien*', 'installateur*', 'infirmier*', 'infirmiere*', 'medecin*', 'docteur',
    'secretaire', 'receptionniste', 'hotesse*', 'steward*', 'pnc', 'equipage', 'monteurs', 'monteur*', 'collegue*',
    'service client', 'service a la clientele', 'support', 'standardiste', 'caissier*', 'caissiere*', 'guichetier*',
    'controleur*', 'accueil', 'pharmacien*', 'gerant*', 'serveur*', 'serveuse*', 'depanneur*', 'interlocuteur*',
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
    'pas a le ecoute',
  ],
};
