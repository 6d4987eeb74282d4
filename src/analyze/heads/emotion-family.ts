/**
 * The learned emotion head names the customer's emotion *within the family the core model found*.
 *
 * Families are Ekman's six basic emotions (Ekman 1992), grouped as the GoEmotions authors grouped
 * their 27 labels (Demszky et al. 2020): frustration is anger, anxiety fear, gratitude, relief and
 * trust joy, disappointment sadness, confusion surprise. The core model, trained on public text,
 * finds the family well across kinds of text; the distinctions inside a family that the Écoute
 * guidelines draw for customers (anger against frustration, gratitude against relief) are what only
 * the corpus teaches. So the head names and ranks first an emotion of a family the core found, and
 * never adds, removes or changes a family: a message the core reads as calm stays calm, and the public emotion figures, which
 * are scored by family, cannot move. Under cross-validation on the corpus a head free to change
 * families read top emotion better (README, "Learned heads") but lowered GoEmotions and XED.
 */
import type { Emotion } from '../../core/labels.ts';

/** Ekman family of each Écoute emotion. */
export const EMOTION_FAMILY: Readonly<Record<Emotion, string>> = {
  anger: 'anger', frustration: 'anger', disgust: 'disgust', anxiety: 'fear',
  joy: 'joy', gratitude: 'joy', relief: 'joy', trust: 'joy',
  sadness: 'sadness', disappointment: 'sadness', surprise: 'surprise', confusion: 'surprise',
};

const isEmotion = (label: string): label is Emotion => Object.hasOwn(EMOTION_FAMILY, label);

/**
 * The core's emotions with the head's choice first: moved to the front if the core named it, else
 * added in front of them when the core found an emotion of its family (`replaced`, the first such,
 * stays: "enfin, tout fonctionne" keeps the core's relief beside the head's joy). Unchanged when
 * the head chose no emotion, or one whose family the core did not find. Same families as `core`.
 */
export function refineEmotions<T extends { label: string }>(core: readonly T[], chosen: string | null | undefined, make: (label: Emotion, replaced: T) => T): T[] {
  if (!chosen || !isEmotion(chosen)) return [...core];
  const family = EMOTION_FAMILY[chosen];
  const at = core.findIndex((e) => e.label === chosen);
  const kin = at >= 0 ? at : core.findIndex((e) => isEmotion(e.label) && EMOTION_FAMILY[e.label] === family);
  if (kin < 0) return [...core];
  return [make(chosen, core[kin]), ...core.filter((e) => e.label !== chosen)];
}
