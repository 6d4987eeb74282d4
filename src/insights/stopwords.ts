/**
 * Function words removed before looking for recurring phrases, in folded form (lowercase, no
 * accents, as `fold()` produces). Written for Écoute; they also drop chat fillers and politeness
 * formulas ("bonjour", "merci", "cordialement") that recur in every message and mean nothing.
 */
const FR = `a ai aie aient aies ait alors apres as au aucun aucune aujourd aupres aura aurai auraient aurais aurait
auras aurez auriez aurions aurons auront aussi autre autres aux avaient avais avait avant avec avez aviez avions
avoir avons ayant ayez ayons bah beaucoup bien bon bonjour bonsoir c ca car ce ceci cela celle celles celui cependant
ces cet cette ceux chaque chez ci comme comment cordialement d dans de deja depuis des deux devrait dire dit doit donc dont du
elle elles en encore entre es est et etaient etais etait etant ete etes etre eu eue eues eurent eus eut eux fait faire
fais faut fois font hier ici il ils j je juste l la le les leur leurs lui m ma madame mais me meme mes merci
moi mon monsieur n ne ni non nos notre nous on ont ou oui par parce pas pendant peu peut peux plus pour pourquoi pourtant
puis qu quand que quel quelle quelles quels qui quoi rien s sa sans se sera seront ses si sien soit sommes son sont
sous suis sur t ta te tes toi ton tous tout toute toutes tres tu un une uns vers via voici voila vos votre vous vraiment y
svp stp salut bonne journee merci cdt bien slt ok est-ce qu'est-ce veux voudrais voudrait souhaite souhaiterais
remerciant avance salutations sentiments distingues veuillez agreer`;

const EN = `a about above after again against all also am an and any are aren as at be because been before being below
between both but by can cannot could couldn did didn do does doesn doing don down during each even ever few for from
further get got had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it
its itself just let ll me more most much my myself no nor not now of off on once only or other our ours ourselves out
over own please re really s same she should shouldn so some still such t than thank thanks that the their theirs them
themselves then there these they this those through to too under until up us ve very was wasn we were weren what when
where which while who whom why will with won would wouldn yes yet you your yours yourself yourselves hi hello dear
regards best ok okay im ive dont cant good morning afternoon evening sincerely cheers kind want wanted like
every getting`;

const LISTS: Record<string, ReadonlySet<string>> = {
  fr: new Set(FR.split(/\s+/).filter(Boolean)),
  en: new Set(EN.split(/\s+/).filter(Boolean)),
};

/**
 * Letter and chat formulas that survive stopword removal but say nothing about the customer's issue
 * ("dans l'attente de votre retour", "looking forward to your reply"), as folded content bigrams.
 */
const FORMULAS: Record<string, ReadonlySet<string>> = {
  fr: new Set(['attente retour', 'attente reponse', 'bonne soiree', 'bonne fin', 'vous remercie', 'remercie avance', 'veux savoir']),
  en: new Set(['looking forward', 'forward reply', 'forward hearing', 'hearing back', 'let know', 'thank you', 'many thanks']),
};

/** True when a folded phrase contains a letter formula of the language. */
export function isFormula(language: string, phrase: string): boolean {
  const set = FORMULAS[language.slice(0, 2).toLowerCase()];
  if (!set) return false;
  const w = phrase.split(' ');
  for (let i = 0; i + 1 < w.length; i++) if (set.has(`${w[i]} ${w[i + 1]}`)) return true;
  return false;
}

/** The stopword set of a language, or null when Écoute has none for it. */
export function stopwordsFor(language: string): ReadonlySet<string> | null {
  return LISTS[language.slice(0, 2).toLowerCase()] ?? null;
}
