/**
 * The learned emotion head names the customer's emotion *within the family the core model found*,
 * and in its own right only where it is sure.
 *
 * Families are Ekman's six basic emotions (Ekman 1992), grouped as the GoEmotions authors grouped
 * their 27 labels (Demszky et al. 2020): frustration is anger, anxiety fear, gratitude, relief and
 * trust joy, disappointment sadness, confusion surprise. The core model, trained on public text,
 * finds the family well across kinds of text; the distinctions inside a family that the Écoute
 * guidelines draw for customers (anger against frustration, gratitude against relief) are what only
 * the corpus teaches. So on other text the head names and ranks first an emotion of a family the core
 * found, and never adds, removes or changes a family, except where its probability reaches the head's
 * `freeAbove`: trained beside general-domain lines (scripts/train/cx-heads/general-examples.ts), the
 * head is that sure mostly on customer messages. On a customer's message (the `customer` head's
 * reading, HeadData.freeOnCustomer) it decides alone (anxiety where the core read frustration, calm
 * where the core read a feeling): under cross-validation top emotion rose from 0.520 / 0.514 to
 * 0.654 / 0.645 while GoEmotions and XED stayed over their floors, and its runner-up is the second
 * emotion (decide-heads.ts, SECOND_EMOTION_AT) (README, "Learned heads").
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

/**
 * The emotions of a message from the core's and the head's choice. `free` (the head is sure,
 * HeadData.freeAbove, or reads a customer's message, HeadData.freeOnCustomer): the head's emotion
 * first, whatever its family, then: on a known customer's message (`second` not undefined:
 * HeadDecision.emotion2) its runner-up where there is one, on other text the core's others. The head
 * choosing none clears them. Otherwise refineEmotions. `make` gets the core's emotion of the label's family,
 * when there is one (its evidence names the feeling's cue).
 */
export function headEmotions<T extends { label: string }>(
  core: readonly T[], chosen: string | null | undefined, free: boolean, make: (label: Emotion, kin: T | undefined) => T,
  second?: { label: string } | null,
): T[] {
  if (!free) return refineEmotions(core, chosen, make);
  if (chosen === null) return [];
  if (chosen === undefined || !isEmotion(chosen)) return [...core];
  const kinOf = (label: Emotion) => core.find((e) => e.label === label) ?? core.find((e) => isEmotion(e.label) && EMOTION_FAMILY[e.label] === EMOTION_FAMILY[label]);
  const head = make(chosen, kinOf(chosen));
  if (second === undefined) return [head, ...core.filter((e) => e.label !== chosen)];
  const next = second?.label;
  return next !== undefined && next !== chosen && isEmotion(next) ? [head, make(next, kinOf(next))] : [head];
}
