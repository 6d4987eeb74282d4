/**
 * The learned emotion head names the customer's emotion *within the family the core model found*.
 *
 * Families are Ekman's six basic emotions (Ekman 1992), grouped as the GoEmotions authors grouped
 * their 27 labels (Demszky et al. 2020): frustration is anger, anxiety fear, gratitude, relief and
 * trust joy, disappointment sadness, confusion surprise. The core model, trained on public text,
 * finds the family well across kinds of text; the distinctions inside a family that the Écoute
 * guidelines draw for customers (anger against frustration, gratitude against relief) are what only
 * the corpus teaches. So the head reorders and renames inside a family and never adds, removes or
 * changes one: a message the core reads as calm stays calm, and the public emotion figures, which
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
 * The core's emotions with the head's choice first: `chosen` takes the place of the first emotion of
 * its family (or moves to the front if already there). Unchanged when the head chose no emotion, or
 * one whose family the core did not find. Same length and same families as `core`.
 */
export function refineEmotions<T extends { label: string }>(core: readonly T[], chosen: string | null | undefined, make: (label: Emotion, replaced: T) => T): T[] {
  if (!chosen || !isEmotion(chosen)) return [...core];
  const family = EMOTION_FAMILY[chosen];
  const at = core.findIndex((e) => e.label === chosen);
  const replaced = at >= 0 ? at : core.findIndex((e) => isEmotion(e.label) && EMOTION_FAMILY[e.label] === family);
  if (replaced < 0) return [...core];
  return [make(chosen, core[replaced]), ...core.filter((_, i) => i !== replaced)];
}
