/**
 * Écoute's own customer-experience valence lexicon (French and English), on VADER's −4..4 scale.
 * Entries are written naturally; they are normalised with the analysis pipeline when the model is
 * trained, so "j'en ai marre" matches "jen ai marre" and "J’en ai MARRE".
 * Multi-word entries take precedence over their words ("pas terrible" is negative although
 * "terrible" under negation would flip).
 */
export const CX_VALENCE_FR: Record<string, number> = {
  // complaints
  'nul': -2.5, 'nulle': -2.5, 'nuls': -2.5, 'c nul': -2.5, 'zéro': -1.5, 'catastrophe': -3, 'catastrophique': -3,
  'lamentable': -3, 'inadmissible': -3, 'inacceptable': -3, 'scandaleux': -3, 'scandale': -3, 'honteux': -3,
  'honte': -2.5, 'honteuse': -3, 'arnaque': -3.2, 'arnaqueurs': -3.2, 'escroc': -3.2, 'escrocs': -3.2, 'escroquerie': -3.2,
  'voleurs': -3, 'vol': -1.5, 'déçu': -2.2, 'déçue': -2.2, 'déçus': -2.2, 'décevant': -2.2, 'décevante': -2.2,
  'déception': -2.3, 'mécontent': -2.3, 'mécontente': -2.3, 'insatisfait': -2.3, 'insatisfaite': -2.3,
  'pas terrible': -1.6, 'pas top': -1.6, 'pas génial': -1.5, 'pas fou': -1.2, 'pas ouf': -1.5, 'pas à la hauteur': -2,
  'pas satisfait': -2, 'pas du tout satisfait': -2.8, 'pas content': -2, 'pas contente': -2, 'pas sérieux': -2,
  'pas professionnel': -2.2, 'pas de réponse': -2, 'aucune réponse': -2.2, 'sans réponse': -2, 'sans nouvelles': -1.8,
  'toujours pas': -1.6, 'toujours rien': -2, 'encore une fois': -1.2, 'ras le bol': -2.8, 'marre': -2.5, 'en ai marre': -2.8,
  'galère': -2, 'galérer': -2, 'bordel': -2, 'n importe quoi': -2.4, 'à fuir': -3.2, 'fuyez': -3.2, 'à éviter': -2.8,
  'je déconseille': -2.8, 'déconseille': -2.8, 'déplorable': -3, 'médiocre': -2.2, 'mauvais': -2, 'mauvaise': -2,
  'pire': -2.8, 'horrible': -3, 'affreux': -2.8, 'infect': -3, 'dégueulasse': -3, 'dégoûtant': -3, 'dégueu': -2.8,
  'problème': -1.2, 'problèmes': -1.3, 'souci': -1, 'soucis': -1.1, 'panne': -1.8, 'bug': -1.5, 'bugs': -1.6, 'beugue': -1.6,
  'bloqué': -1.5, 'bloquée': -1.5, 'impossible': -1.6, 'retard': -1.5, 'en retard': -1.5, 'annulé': -1.4, 'annulée': -1.4,
  'perdu': -1.4, 'perdue': -1.4, 'cassé': -1.8, 'abîmé': -1.8, 'endommagé': -1.8, 'erreur': -1.3, 'rembourser': -0.6,
  'remboursement': -0.5, 'rame': -1.5, 'lent': -1.3, 'lente': -1.3, 'trop cher': -2, 'hors de prix': -2.5, 'cher': -0.8,
  'attente': -0.8, 'attendre': -0.6, 'j attends': -1.2, 'relance': -1, 'relancé': -1.2, 'malheureusement': -1.2,
  'hélas': -1.3, 'dommage': -1.5, 'incompétent': -3, 'incompétents': -3, 'incompétence': -3, 'désagréable': -2.3,
  'impoli': -2.3, 'méprisant': -2.8, 'aberrant': -2.8, 'abusé': -2.2, 'abusif': -2.5, 'abusive': -2.5, 'colère': -2.5,
  'furieux': -3, 'furieuse': -3, 'énervé': -2.3, 'énervée': -2.3, 'agacé': -2, 'agacée': -2, 'inquiet': -1.5, 'inquiète': -1.5,
  'peur': -1.8, 'stress': -1.6, 'stressé': -1.8, 'angoisse': -2.2, 'résilier': -1.5, 'résilie': -1.5, 'je résilie': -2.2,
  'je vais résilier': -2.2, 'changer d opérateur': -1.8, 'voir ailleurs': -1.8, 'sans plus': -0.8, 'moyen': -0.9,
  'bof': -1.5, 'mouais': -1.2, 'tanné': -2.2, 'écoeurant': -2.5, 'niaiser': -1.8, 'plate': -0.8, 'chiant': -2.3,
  'pénible': -2.2, 'injoignable': -2.3, 'insupportable': -2.8, 'jamais reçu': -2, 'rien reçu': -2, 'pas reçu': -1.8,
  'faute': -1.2, 'sale': -1.8, 'froid': -0.8, 'froide': -0.8, 'trop long': -1.8, 'trop longue': -1.8, 'interminable': -2.3,
  'prélèvement en double': -1.8, 'frais': -0.6, 'découvert': -1, '3e semaine': -1.8, '3e fois': -1.8, '3e jour': -1.5,
  '3e mois': -1.8, '3ème fois': -1.8, '3ème semaine': -1.8, 'sans internet': -2, 'sans réseau': -2, 'sans connexion': -2,
  'sans électricité': -2.2, 'sans chauffage': -2.2, 'sans eau': -2, 'sans téléphone': -1.8, 'sans ligne': -1.8,
  // praise
  'merci': 1.6, 'merci beaucoup': 2.2, 'mille mercis': 2.5, 'grand merci': 2.4, 'remercie': 1.8, 'bravo': 2.3,
  'super': 2.2, 'génial': 2.6, 'géniale': 2.6, 'top': 2.2, 'au top': 2.5, 'parfait': 2.6, 'parfaite': 2.6, 'parfaitement': 2,
  'excellent': 2.8, 'excellente': 2.8, 'impeccable': 2.6, 'nickel': 2.4, 'efficace': 2, 'rapide': 1.4, 'rapidement': 1.2,
  'réactif': 2, 'réactive': 2, 'réactivité': 2, 'sympa': 1.8, 'sympathique': 1.8, 'agréable': 2, 'aimable': 2,
  'gentil': 1.8, 'gentille': 1.8, 'compétent': 2, 'compétente': 2, 'professionnel': 1.6, 'professionnelle': 1.6,
  'à l écoute': 2, 'satisfait': 2, 'satisfaite': 2, 'satisfaits': 2, 'très satisfait': 2.6, 'ravi': 2.6, 'ravie': 2.6,
  'content': 2, 'contente': 2, 'heureux': 2.3, 'heureuse': 2.3, 'je recommande': 2.6, 'recommande': 2.2,
  'je vous recommande': 2.6, 'recommander': 1.6, 'fidèle': 1.6, 'confiance': 1.6, 'soulagé': 1.8, 'soulagée': 1.8,
  'enfin': 0.3, 'pas mal': 1.2, 'pas cher': 1.8, 'pas chère': 1.8, 'pas trop cher': 1.6, 'bon rapport qualité prix': 2.4,
  'rien à dire': 1.8, 'rien à redire': 2.2, 'aucun problème': 1.6, 'aucun souci': 1.6, 'sans souci': 1.6, 'sans problème': 1.6,
  'pas de souci': 1.2, 'pas de problème': 1.2, 'tient la route': 1.6, 'tout fonctionne': 1.8, 'tout marche': 1.6, 'tout va bien': 1.8,
  'fonctionne parfaitement': 2.2, 'fonctionne à nouveau': 1.5, 'fonctionne de nouveau': 1.5, 'remarche': 1.4, 'bon': 1.2, 'bonne': 1.2, 'bien': 1.2, 'très bien': 2.2,
  'très bon': 2.2, 'très bonne': 2.2, 'délicieux': 2.6, 'délicieuse': 2.6, 'savoureux': 2.4, 'copieux': 1.6, 'chaleureux': 2.2,
  'chaleureuse': 2.2, 'accueillant': 2, 'accueil': 0.6, 'correct': 0.6, 'correcte': 0.6, 'convenable': 0.5, 'simple': 0.6,
  'clair': 0.8, 'claire': 0.8, 'pratique': 1.2, 'adore': 2.6, 'j adore': 2.8, 'merveilleux': 2.8, 'formidable': 2.6,
  'magnifique': 2.6, 'incroyable': 1.8, 'exceptionnel': 2.6, 'exceptionnelle': 2.6, 'qualité': 0.8, 'écoute': 0.6,
  // more complaints
  'lenteur': -1.8, 'lents': -1.3, 'retardé': -1.5, 'mal': -1.5, 'inutile': -2, 'incapable': -2.3, 'mensonge': -2.5,
  'menteurs': -2.8, 'mensonger': -2.5, 'trompé': -2.3, 'tromperie': -2.8, 'litige': -1.5, 'plainte': -1.5,
  'réclamation': -1.2, 'hausse': -0.8, 'augmentation': -0.8, 'augmenté': -0.8, 'refus': -1.5, 'refusé': -1.6,
  'résiliation': -1, 'fade': -1.8, 'brûlé': -1.5, 'trop cuit': -1.8, 'pas cuit': -1.8, 'immangeable': -3, 'bruyant': -1.5,
  'oublié': -1.5, 'oubli': -1.2, 'erreurs': -1.4, 'manque': -1.2, 'manque de': -1.4, 'laisse à désirer': -2.2,
  'à revoir': -1.5, 'regrette': -1.8, 'regret': -1.5, 'rien de spécial': -1, 'quelconque': -1.2, 'trop salé': -1.8,
  'harcèlement': -2.5, 'harcelé': -2.5, 'menace': -2, 'malhonnête': -3, 'malhonnêteté': -3, 'irrespectueux': -2.5,
  'mépris': -2.5, 'inadapté': -1.5, 'incompréhensible': -1.8, 'compliqué': -1.5, 'difficile': -1.2, 'problématique': -1.5,
  'dysfonctionnement': -2, 'plantage': -2, 'planté': -1.5, 'coupure': -1.8, 'hors service': -2, 'en panne': -2,
  'ne fonctionne pas': -2, 'fonctionne pas': -2, 'ne marche pas': -2, 'marche pas': -2, 'jamais plus': -2.2,
  'plus jamais': -2.5, 'sans intérêt': -1.8, 'cher payé': -1.8, 'trop cher payé': -2.2, 'attente interminable': -2.5,
  'mauvaise expérience': -2.5, 'mauvais service': -2.5, 'service client inexistant': -3, 'inexistant': -2,
  'désastreux': -3, 'pitoyable': -3, 'minable': -2.8, 'ridicule': -2.3, 'déplaisant': -2,
  // more praise
  'recommandé': 1.8, 'accueil chaleureux': 2.6, 'bonne adresse': 2.4, 'excellente adresse': 2.8, 'à recommander': 2.4,
  'agréablement surpris': 2.6, 'régal': 2.8, 'un régal': 2.8, 'régalé': 2.6, 'raffiné': 2, 'généreux': 2, 'généreuse': 2,
  'prix raisonnable': 1.8, 'raisonnable': 1, 'abordable': 1.6, 'abordables': 1.6, 'compétitif': 1.4, 'avantageux': 1.6,
  'satisfaisant': 1.6, 'satisfaction': 1.6, 'efficacité': 2, 'rapidité': 1.8, 'disponibilité': 1.2, 'bien conseillé': 2,
  'professionnalisme': 2.2, 'souriant': 2, 'souriante': 2, 'courtois': 1.8, 'courtoise': 1.8, 'poli': 1.4, 'polie': 1.4,
  'fiable': 1.8, 'simple et rapide': 2.2, 'facile': 1.5, 'facilement': 1.2, 'aucun regret': 2, 'je reviendrai': 2.2,
  'nous reviendrons': 2.2, 'à refaire': 2, 'plaisir': 1.8, 'apprécié': 1.8, 'apprécie': 1.6, 'bonne expérience': 2.2,
  'belle expérience': 2.2, 'bon accueil': 2.2, 'bien accueilli': 2.2, 'super service': 2.6, 'service impeccable': 2.8,
  'bons': 1.2, 'bonnes': 1.2, 'meilleur': 1.8, 'meilleure': 1.8, 'idéal': 2, 'chouette': 2, 'cool': 1.5,
  'trop bien': 2.5, 'trop bon': 2.5, 'trop bonne': 2.5, 'bien passé': 1.8, 'très bien passé': 2.4, 'rassurant': 1.8,
  'excellents': 2.8, 'agréables': 2, 'délicieuses': 2.6, 'succulent': 2.8, 'copieuse': 1.6,
  'joli': 1.6, 'jolie': 1.6, 'beau': 1.6, 'belle': 1.6, 'charmant': 2, 'charmante': 2, 'attentif': 1.8, 'attentive': 1.8,
  'merci de': 0.1, 'merci d avance': 0.1, 'merci par avance': 0.1, 'merci pour rien': -2.8, 'merci du cadeau': -2, 'quelle efficacité': 1,
  'sans frais': 1, 'sans discuter': 1.2, 'délirant': -2.2, 'délirante': -2.2, 'inutilisable': -2.5, 'je capote': -2.2,
  'en boucle': -1.2, 'tourne en boucle': -1.8, 'chapeau': 2.2, 'pédagogue': 1.8, 'rien changé': -0.8,
  'écoeuré': -2.5, 'mdr': 1, 'hâte': 1.4, 'à l heure': 1, 'disponible': 0.8, 'serviable': 2.2, 'attentionné': 2.2,
};

export const CX_VALENCE_EN: Record<string, number> = {
  'not bad': 1.2, 'not too bad': 1.2, 'everything works': 1.8, 'all good': 1.6, 'works perfectly': 2.2, 'working again': 1.5, 'works again': 1.5,
  'not great': -1.5, 'not good': -1.8, 'not happy': -2, 'not unhappy': 0.8,
  'not impressed': -2, 'not acceptable': -2.5, 'unacceptable': -3, 'ridiculous': -2.6, 'outrageous': -3, 'disgraceful': -3,
  'shameful': -2.8, 'scam': -3, 'rip off': -3, 'ripoff': -3, 'fed up': -2.6, 'sick of': -2.4, 'tired of': -2,
  'still not': -1.6, 'still no': -1.6, 'still waiting': -2, 'still nothing': -2, 'no response': -2, 'no answer': -1.8,
  'no reply': -1.8, 'on hold': -1.2, 'delayed': -1.5, 'delay': -1.3, 'cancelled': -1.5, 'canceled': -1.5,
  'cancellation': -1, 'lost': -1.4, 'broken': -1.8, 'damaged': -1.8, 'stuck': -1.6, 'stranded': -2.2, 'missed': -1.3,
  'worst': -3, 'terrible': -2.8, 'horrible': -3, 'awful': -2.8, 'useless': -2.6, 'incompetent': -3, 'rude': -2.6,
  'never again': -2.8, 'hours': -0.6, 'again': -0.6, 'issue': -1, 'issues': -1.1, 'problem': -1.2, 'problems': -1.3,
  'refund': -0.5, 'charged twice': -2, 'overcharged': -2.4, 'down': -0.6, 'outage': -2, 'not working': -2,
  'doesnt work': -2, 'dont work': -2, 'didnt work': -2, 'wont work': -2, 'cant login': -2, 'cant log in': -2,
  'waste of time': -2.8, 'waste': -1.8, 'wasted': -2, 'disappointed': -2.4, 'disappointing': -2.4, 'frustrated': -2.4,
  'frustrating': -2.4, 'annoyed': -2, 'annoying': -2.2, 'worried': -1.6, 'confused': -1.2, 'unhelpful': -2.4,
  'thanks in advance': 0.1, 'thank you in advance': 0.1, 'thanks for nothing': -2.8, 'love waiting': -2, 'love being on hold': -2.5, 'just great': 1, 'well done': 2, 'thank you for nothing': -2.8, 'great job': 2.6, 'thank you': 2, 'thanks': 1.8,
  'thank you so much': 2.8, 'thanks so much': 2.8, 'appreciate': 2, 'appreciated': 2, 'love': 2.6, 'loved': 2.6,
  'amazing': 2.8, 'awesome': 2.8, 'great': 2.6, 'excellent': 2.8, 'perfect': 2.6, 'recommend': 2, 'highly recommend': 2.8,
  'helpful': 2, 'quick': 1.2, 'fast': 1.2, 'smooth': 1.6, 'friendly': 2, 'on time': 1.4, 'seamless': 2, 'easy': 1.4,
  'late': -1.2, 'wait': -0.6, 'waiting': -0.8, 'no one': -1.2, 'never received': -2, 'never arrived': -2, 'hung up': -2,
  'lost my': -1.5, 'missed my': -1.5, 'overbooked': -1.8, 'no info': -1.5, 'no updates': -1.5, 'zero updates': -1.8,
  'no help': -2, 'no refund': -2, 'still havent': -1.8, 'still hasnt': -1.8, 'wrong': -1.5, 'charged': -0.8, 'twice': -0.6,
  'out of order': -1.8, 'unreachable': -2, 'nowhere': -1, 'misleading': -2.2, 'hidden fees': -2.4, 'wtf': -2.5,
  'outages': -2, 'done with': -2, 'no hassle': 1.8, 'hassle free': 2, 'above and beyond': 2.8, 'made my day': 2.8,
  'class act': 2.5, 'no record': -1.8, 'used to be': -0.8, 'scammed': -2.8,
  'relieved': 1.8, 'finally': 0.2, 'kudos': 2.4, 'shoutout': 1.6, 'shout out': 1.6, 'best': 2.4, 'loyal': 1.6,
  'why we stay': 2.2, 'no problem': 1, 'no issues': 1.6, 'no complaints': 1.8, 'not a problem': 1,
};

/** Intensifiers (VADER's booster idea: ±0.293 per booster). */
export const BOOSTERS = new Set([
  'very', 'really', 'so', 'extremely', 'totally', 'absolutely', 'incredibly', 'completely', 'super', 'truly', 'too',
  'tres', 'vraiment', 'trop', 'tellement', 'hyper', 'archi', 'ultra', 'grave', 'vachement', 'completement',
  'totalement', 'absolument', 'particulierement', 'extremement', 'fort', 'full', 'mega', 'si', 'tout',
]);

/** Phrases that are sarcastic on their own ("merci pour rien"). */
export const SARCASTIC_PHRASES = new Set([
  'merci pour rien', 'merci du cadeau', 'bravo pour', 'quelle efficacité', 'thanks for nothing', 'thank you for nothing',
  'great job', 'well done', 'just great', 'just perfect', 'love waiting', 'love being on hold',
]);

/**
 * Openers that read positive but, followed by a complaint, are sarcastic ("Super, 3e semaine sans
 * internet", "Great, another delay").
 */
export const SARCASM_OPENERS = new Set([
  'super', 'genial', 'bravo', 'merci', 'parfait', 'top', 'felicitations', 'chapeau', 'excellent', 'magnifique', 'formidable',
  'great', 'awesome', 'perfect', 'wonderful', 'thanks', 'fantastic', 'lovely', 'brilliant', 'nice', 'congrats', 'yay', 'wow',
]);

/**
 * Lukewarm verdicts (folded, normalised words): a 3-star "correct sans plus", "average", "decent but
 * could be better" is neutral unless something stronger is said (gold guidelines: "Service correct
 * sans plus" is neutral).
 */
export const LUKEWARM: readonly string[] = [
  'sans plus', 'moyen', 'moyenne', 'passable', 'mitige', 'mitigee', 'rien de special', 'rien de exceptionnel',
  'correct mais', 'correcte mais', 'peut mieux faire', 'pourrait etre mieux', 'ni bon ni mauvais',
  'average', 'decent', 'so so', 'nothing special', 'ok but', 'okay but', 'could be better', 'mixed feelings', 'not bad not great',
];
