/**
 * One id per feature name across every layer of a model (sentiment, emotions, the emotions' hidden
 * layer, the learned CX heads). Each layer used to look every feature of a message up in its own
 * hash map by name: four string lookups a feature, and a message has a few hundred features once
 * character grams are in (the heads' grams added 8 % to the analysis time). With the shared
 * vocabulary a feature name is looked up once (extractFeatures writes the ids into the FeatureSet)
 * and each layer maps the id to its row through a typed array.
 */

/** Feature name → shared id, and the number of ids. */
export interface Vocabulary {
  ids: Map<string, number>;
  size: number;
}

/** The union of the layers' feature lists, in first-seen order. */
export function buildVocabulary(lists: readonly (readonly string[])[]): Vocabulary {
  const ids = new Map<string, number>();
  for (const list of lists) for (const name of list) if (!ids.has(name)) ids.set(name, ids.size);
  return { ids, size: ids.size };
}

/** For one layer whose row r is `features[r]`: shared id → the layer's row (−1 where it does not know the feature). */
export function rowTable(vocab: Vocabulary, features: readonly string[]): Int32Array {
  const table = new Int32Array(vocab.size).fill(-1);
  features.forEach((name, row) => {
    const id = vocab.ids.get(name);
    if (id !== undefined) table[id] = row;
  });
  return table;
}

/** The shared id of each name (−1: no layer knows it). */
export function idsOf(vocab: Vocabulary, names: readonly string[]): Int32Array {
  const out = new Int32Array(names.length);
  for (let f = 0; f < names.length; f++) out[f] = vocab.ids.get(names[f]) ?? -1;
  return out;
}

/** A message's shared ids and the vocabulary they come from (ids of another model's vocabulary mean nothing). */
export interface SharedIds {
  vocab: Vocabulary;
  ids: Int32Array;
}

/** One layer's rows over a shared vocabulary (rowTable). */
export interface LayerRows {
  vocab: Vocabulary;
  rowOf: Int32Array;
}

/** A layer's own index, and its row table over a shared vocabulary when it was compiled with one. */
export interface VocabLayer {
  index: ReadonlyMap<string, number>;
  shared?: LayerRows;
}

/** The row table over `vocab` of a layer whose row r is `features[r]`. */
export function sharedRows(vocab: Vocabulary, features: readonly string[]): LayerRows {
  return { vocab, rowOf: rowTable(vocab, features) };
}

/**
 * The row of each of `names` in one layer (−1: unknown): through the shared ids when they come from the
 * layer's vocabulary (they may cover a prefix of `names`, as for the heads, whose own features follow
 * the core ones), else, and for the rest, by the layer's index.
 */
export function rowsIn(layer: VocabLayer, names: readonly string[], shared?: SharedIds): Int32Array {
  const rows = new Int32Array(names.length);
  let f = 0;
  if (shared && layer.shared && shared.vocab === layer.shared.vocab) {
    const { rowOf } = layer.shared;
    const { ids } = shared;
    const n = Math.min(ids.length, names.length);
    for (; f < n; f++) {
      const id = ids[f];
      rows[f] = id < 0 ? -1 : rowOf[id];
    }
  }
  for (; f < names.length; f++) rows[f] = layer.index.get(names[f]) ?? -1;
  return rows;
}
