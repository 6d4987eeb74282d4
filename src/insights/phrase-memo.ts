/**
 * The content phrases of each message text, kept between two computations of the insights by whoever
 * holds the facts (IncrementalInsights, for the life of a server), so that theme discovery extracts
 * phrases only from texts it has not seen before. Extraction (folding, tokenising, stopwords) is most of
 * the cost of discovered themes, which is most of the cost of the insights on real messages: on
 * 100,000 distinct texts discovery took 2.6 s with every text extracted, 0.17 s after a batch of 1,000
 * new ones (README, "Insights follow the data incrementally").
 *
 * Passed in by the caller that holds it, like a model: discoverThemes gives the same output with or
 * without it (tests check deep equality), only faster; it never reads or writes anything but itself. Phrases are stored as ids into one shared dictionary, so a text
 * costs its Map entry and a small integer array, and texts written many times share one entry.
 */

/** The phrase ids of the texts of one language, under one stopword list. */
export class PhraseTable {
  private readonly idOf = new Map<string, number>();
  /** Phrase key by id. */
  readonly keys: string[] = [];
  private readonly byText = new Map<string, { ids: Int32Array; pass: number }>();
  /** The words of built-in theme evidence spans, which repeat across messages ("en retard", "on hold"). */
  private readonly byEvidence = new Map<string, readonly string[]>();
  private pass = 0;
  private asked = 0;

  /**
   * @param keepSlack once the table holds more than twice the texts the last computation asked for plus
   *   this many, texts not asked for in the last `keepPasses` computations are forgotten (deleted or
   *   re-worded messages). A filtered view asks for fewer texts; the unfiltered view's texts, asked for
   *   every few computations, stay.
   * @param keepPasses see keepSlack.
   * @param maxPhrases the dictionary is cleared past this many phrases (bounded memory; the next
   *   computation extracts again).
   */
  constructor(private readonly keepSlack = 10_000, private readonly keepPasses = 4, private readonly maxPhrases = 2_000_000) {}

  /** Starts one computation's use of the table. */
  begin(): void {
    this.pass++;
    this.asked = 0;
  }

  /** The phrase ids of `text`, extracted by `extract` (phrase keys, in their order) the first time it is seen. */
  of(text: string, extract: () => Iterable<string>): Int32Array {
    const hit = this.byText.get(text);
    if (hit) {
      if (hit.pass !== this.pass) {
        hit.pass = this.pass;
        this.asked++;
      }
      return hit.ids;
    }
    const ids: number[] = [];
    for (const key of extract()) {
      let id = this.idOf.get(key);
      if (id === undefined) {
        id = this.keys.length;
        this.idOf.set(key, id);
        this.keys.push(key);
      }
      ids.push(id);
    }
    const entry = { ids: Int32Array.from(ids), pass: this.pass };
    this.byText.set(text, entry);
    this.asked++;
    return entry.ids;
  }

  /** The words of an evidence span, extracted by `extract` the first time it is seen. */
  evidenceWords(evidence: string, extract: () => string[]): readonly string[] {
    let words = this.byEvidence.get(evidence);
    if (!words) {
      // Evidence spans are few and short; past this many (a long life of reworded messages) start again.
      if (this.byEvidence.size >= this.keepSlack * 10) this.byEvidence.clear();
      this.byEvidence.set(evidence, (words = extract()));
    }
    return words;
  }

  /** Ends a computation: forgets what it no longer needs (see the constructor). */
  end(): void {
    if (this.keys.length > this.maxPhrases) {
      this.byText.clear();
      this.idOf.clear();
      this.keys.length = 0;
      return;
    }
    if (this.byText.size <= 2 * this.asked + this.keepSlack) return;
    for (const [text, entry] of this.byText) if (entry.pass <= this.pass - this.keepPasses) this.byText.delete(text);
  }

  /** Texts held (for tests and diagnostics). */
  get size(): number {
    return this.byText.size;
  }
}

/** Phrase tables per language; a language's table starts again when its stopword list changes (a new brand name). */
export class PhraseMemo {
  private readonly tables = new Map<string, { signature: string; table: PhraseTable }>();

  /** The table of `language` for stopwords that `signature` identifies. */
  table(language: string, signature: string): PhraseTable {
    const held = this.tables.get(language);
    if (held && held.signature === signature) return held.table;
    const table = new PhraseTable();
    this.tables.set(language, { signature, table });
    return table;
  }
}
