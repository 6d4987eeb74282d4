/**
 * Écoute's own emotion cue lexicon for customer messages (French and English). Each cue is written
 * naturally and normalised with the analysis pipeline at training time; `w` is the strength the cue
 * alone gives the emotion (0..1), combined with the statistical model's probability as a noisy-or.
 * Cues are short on purpose: the evidence shown to people is the clause around them.
 */
import type { Emotion } from '../../core/labels.ts';

export const CX_EMOTION_CUES: Record<Emotion, Record<string, number>> = {
  frustration: {
    'en boucle': 0.7, 'tourne en boucle': 0.85, 'je capote': 0.8, 'inutilisable': 0.7, 'trying to get through': 0.75, 'cant get through': 0.75,
    '3e fois': 0.85, 'troisième fois': 0.85, 'quatrième fois': 0.85, 'énième fois': 0.85, 'encore une fois': 0.7,
    'à chaque fois': 0.55, 'toujours pas': 0.75, 'toujours rien': 0.8, 'toujours aucune': 0.8, 'ras le bol': 0.9,
    'marre': 0.85, 'en ai marre': 0.9, 'raz le bol': 0.9, 'on me balade': 0.85, 'me renvoie': 0.6, 'tourne en rond': 0.8,
    'personne ne répond': 0.75, 'aucune réponse': 0.75, 'sans réponse': 0.7, 'pas de réponse': 0.7, 'je relance': 0.7,
    'relancé': 0.65, 'impossible de': 0.55, 'galère': 0.75, 'pénible': 0.7, 'tanné': 0.85, 'agacé': 0.8, 'agaçant': 0.8,
    'énervé': 0.75, 'énervant': 0.75, 'n importe quoi': 0.6, 'ça fait': 0.35, 'depuis des semaines': 0.6,
    'depuis des mois': 0.6, 'des heures': 0.45, 'injoignable': 0.7, 'chiant': 0.7,
    'still not': 0.75, 'still no': 0.7, 'still waiting': 0.8, 'still nothing': 0.8, 'third time': 0.85, 'again': 0.45,
    'fed up': 0.9, 'sick of': 0.85, 'tired of': 0.8, 'frustrated': 0.9, 'frustrating': 0.9, 'annoyed': 0.85,
    'annoying': 0.8, 'no response': 0.7, 'no answer': 0.65, 'no reply': 0.65, 'on hold': 0.55, 'every time': 0.5,
    'waste of time': 0.8, 'hours': 0.35, 'nobody': 0.4, 'keeps': 0.45, 'over and over': 0.8, 'ugh': 0.7,
  },
  anger: {
    'délirant': 0.7, 'délirante': 0.7, 'scammed': 0.85, 'arnaqué': 0.85, 'arnaquée': 0.85,
    'inadmissible': 0.85, 'inacceptable': 0.85, 'scandaleux': 0.9, 'scandale': 0.85, 'honteux': 0.85, 'honte': 0.75,
    'arnaque': 0.8, 'voleurs': 0.85, 'escrocs': 0.85, 'furieux': 0.95, 'furieuse': 0.95, 'en colère': 0.9,
    'colère': 0.8, 'révoltant': 0.9, 'lamentable': 0.7, 'incompétents': 0.7, 'foutez': 0.85, 'se fout': 0.8,
    'se moque': 0.75, 'vous moquez': 0.85, 'à cause de vous': 0.6, 'mépris': 0.75, 'méprisant': 0.8,
    'unacceptable': 0.85, 'outrageous': 0.9, 'disgraceful': 0.85, 'furious': 0.95, 'angry': 0.9, 'livid': 0.95,
    'pissed': 0.9, 'ridiculous': 0.7, 'scam': 0.8, 'shame on you': 0.9, 'wtf': 0.8, 'how dare': 0.9, 'rude': 0.55,
  },
  anxiety: {
    'cant afford': 0.8, 'peux pas me permettre': 0.8, 'peur de perdre': 0.85, 'failli perdre': 0.6,
    'inquiet': 0.9, 'inquiète': 0.9, 'inquiétude': 0.9, 'j ai peur': 0.9, 'peur': 0.75, 'angoisse': 0.9, 'angoissé': 0.9,
    'stress': 0.75, 'stressé': 0.85, 'stressée': 0.85, 'panique': 0.85, 'paniqué': 0.85, 'je vais rater': 0.8,
    'je fais quoi': 0.6, 'que faire': 0.5, 'urgence': 0.45, 'urgent': 0.45, 'danger': 0.7, 'dangereux': 0.7,
    'fuite de gaz': 0.85, 'odeur de gaz': 0.85, 'worried': 0.9, 'worry': 0.8, 'anxious': 0.9, 'nervous': 0.85,
    'scared': 0.9, 'afraid': 0.9, 'fear': 0.8, 'panic': 0.85, 'what do i do': 0.6, 'miss my': 0.7, 'going to miss': 0.75,
    'concerned': 0.7, 'unsafe': 0.8,
  },
  confusion: {
    'je veux comprendre': 0.8, 'voudrais comprendre': 0.8, 'rien changé': 0.6, 'didnt change anything': 0.7, 'want to understand': 0.8,
    'je comprends pas': 0.85, 'je ne comprends pas': 0.85, 'comprends rien': 0.9, 'incompréhensible': 0.85,
    'pourquoi': 0.45, 'je trouve pas': 0.7, 'je ne trouve pas': 0.7, 'je ne sais pas': 0.45, 'je sais pas': 0.45,
    'c est quoi': 0.5, 'comment faire': 0.55, 'pas clair': 0.75, 'perdu': 0.35, 'confus': 0.85, 'bizarre': 0.55,
    'confused': 0.9, 'confusing': 0.9, 'dont understand': 0.85, 'do not understand': 0.85, 'doesnt make sense': 0.85,
    'makes no sense': 0.85, 'how do i': 0.5, 'cant find': 0.65, 'unclear': 0.75, 'why': 0.35, 'what does': 0.4,
  },
  disappointment: {
    'used to be': 0.7, 'not impressed': 0.8, 'pas impressionné': 0.75,
    'déçu': 0.9, 'déçue': 0.9, 'déçus': 0.9, 'décevant': 0.9, 'décevante': 0.9, 'déception': 0.9, 'dommage': 0.65,
    'je m attendais à mieux': 0.9, 'pas à la hauteur': 0.85, 'pas terrible': 0.6, 'sans plus': 0.55, 'bof': 0.6,
    'dommage que': 0.7, 'hélas': 0.5, 'malheureusement': 0.45, 'moyen': 0.45,
    'disappointed': 0.9, 'disappointing': 0.9, 'let down': 0.85, 'expected better': 0.85, 'expected more': 0.85,
    'not worth': 0.7, 'shame': 0.45, 'meh': 0.6, 'unfortunately': 0.45,
  },
  sadness: {
    'triste': 0.85, 'tristesse': 0.85, 'décès': 0.8, 'décédé': 0.85, 'décédée': 0.85, 'deuil': 0.85, 'chagrin': 0.85,
    'perdu mon mari': 0.9, 'perdu ma femme': 0.9, 'perdu ma mère': 0.9, 'perdu mon père': 0.9, 'dévasté': 0.85,
    'sad': 0.85, 'passed away': 0.85, 'died': 0.75, 'funeral': 0.7, 'heartbroken': 0.9, 'grief': 0.85, 'lost my': 0.5,
  },
  disgust: {
    'dégoûtant': 0.9, 'dégueulasse': 0.9, 'dégueu': 0.85, 'écoeurant': 0.85, 'écoeuré': 0.8, 'infect': 0.85,
    'cafard': 0.8, 'cafards': 0.85, 'crasseux': 0.85, 'sale': 0.5, 'répugnant': 0.9, 'cheveu dans': 0.8,
    'disgusting': 0.9, 'gross': 0.75, 'filthy': 0.85, 'nasty': 0.7, 'cockroach': 0.85, 'revolting': 0.9, 'moldy': 0.8,
  },
  surprise: {
    'surpris': 0.8, 'surprise': 0.7, 'étonné': 0.8, 'étonnée': 0.8, 'je ne m attendais pas': 0.75, 'incroyable': 0.45,
    'choqué': 0.6, 'choquée': 0.6, 'hallucine': 0.7, 'sidéré': 0.75,
    'surprised': 0.8, 'wow': 0.55, 'unexpected': 0.7, 'shocked': 0.65, 'omg': 0.5, 'cant believe': 0.6,
  },
  joy: {
    'made my day': 0.9, 'très content': 0.85,
    'ravi': 0.85, 'ravie': 0.85, 'content': 0.75, 'contente': 0.75, 'satisfait': 0.75, 'satisfaite': 0.75, 'heureux': 0.85,
    'heureuse': 0.85, 'super': 0.6, 'génial': 0.75, 'top': 0.55, 'parfait': 0.7, 'excellent': 0.75, 'impeccable': 0.7,
    'nickel': 0.7, 'bravo': 0.65, 'j adore': 0.85, 'adore': 0.75, 'au top': 0.75, 'très bien': 0.55, 'délicieux': 0.75,
    'happy': 0.85, 'glad': 0.8, 'delighted': 0.9, 'love': 0.7, 'great': 0.6, 'amazing': 0.8, 'awesome': 0.8,
    'excellent service': 0.8, 'perfect': 0.7, 'fantastic': 0.8, 'wonderful': 0.8, 'pleased': 0.8, 'satisfied': 0.75,
  },
  gratitude: {
    'remercier': 0.8, 'je voulais remercier': 0.9, 'thanks so much': 0.9, 'thank you so much': 0.95, 'above and beyond': 0.7,
    'merci': 0.7, 'merci beaucoup': 0.9, 'mille mercis': 0.95, 'grand merci': 0.9, 'je vous remercie': 0.9,
    'remercie': 0.8, 'remerciements': 0.85, 'reconnaissant': 0.85, 'reconnaissante': 0.85,
    'thank you': 0.85, 'thanks': 0.75, 'thank u': 0.8, 'many thanks': 0.9, 'grateful': 0.9, 'appreciate': 0.8,
    'much appreciated': 0.9, 'kudos': 0.7, 'shoutout': 0.8, 'shout out': 0.8,
  },
  relief: {
    'soulagé': 0.9, 'soulagée': 0.9, 'soulagement': 0.9, 'ouf': 0.8, 'enfin': 0.4, 'heureusement': 0.6,
    'enfin réglé': 0.85, 'enfin résolu': 0.85, 'relieved': 0.9, 'relief': 0.85, 'phew': 0.85, 'finally': 0.35,
    'thank god': 0.6, 'finally fixed': 0.85, 'finally resolved': 0.85,
  },
  trust: {
    'je recommande': 0.85, 'recommande': 0.7, 'je vous recommande': 0.9, 'fidèle': 0.75, 'fidèle depuis': 0.9,
    'client depuis': 0.7, 'cliente depuis': 0.7, 'confiance': 0.75, 'fiable': 0.7, 'toujours fiable': 0.85,
    'jamais déçu': 0.85, 'je reste': 0.6, 'sérieux': 0.45, 'professionnalisme': 0.6,
    'recommend': 0.8, 'highly recommend': 0.9, 'loyal': 0.8, 'customer for': 0.6, 'trust': 0.75, 'reliable': 0.75,
    'why we stay': 0.9, 'never disappointed': 0.85, 'never let me down': 0.85, 'always reliable': 0.85,
  },
};
