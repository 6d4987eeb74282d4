/** Versions kept per group: the unfiltered view's and a few filtered views' (a filter changes a group's facts). */
const VARIANTS_PER_GROUP = 4;
/** A group's version not used by this many computations in a row is forgotten (deleted data, an old filter). */
const FORGET_AFTER = 4;

interface Variant<T> {
  parts: readonly (readonly unknown[])[];
  value: T;
  used: number;
}

/**
 * Values computed from a group of facts (one day's messages, one customer's messages and answers),
 * kept between computations and reused while the group's facts are the very same objects in the same
 * order: the server's held facts (runtime/insights/incremental-facts.ts) replace a fact object whenever
 * anything of it changes (a new analysis, a customer's filled-in name) and add new ones, so identity is
 * an exact test that costs one comparison a fact. Used by DayMemo and CustomerMemo.
 */
export class GroupMemo<K, T> {
  private readonly groups = new Map<K, Variant<T>[]>();
  private computations = 0;

  /** `same` compares two items of a part: identity unless told otherwise (PersonasMemo compares vectors by value). */
  constructor(private readonly same: (a: unknown, b: unknown) => boolean = (a, b) => a === b) {}
  /** Groups reused and groups computed since the last `begin` (tests, bench). */
  last = { reused: 0, counted: 0 };

  /** Starts a computation. */
  begin(): void {
    this.computations++;
    this.last = { reused: 0, counted: 0 };
  }

  /** The value of group `key` made of `parts` (arrays of facts): kept from before, or made by `count`. */
  get(key: K, parts: readonly (readonly unknown[])[], count: () => T): T {
    const now = this.computations;
    const variants = this.groups.get(key) ?? [];
    const hit = variants.find((v) => v.parts.length === parts.length && v.parts.every((p, i) => sameItems(p, parts[i], this.same)));
    if (hit) {
      hit.used = now;
      this.last.reused++;
      return hit.value;
    }
    const value = count();
    this.last.counted++;
    variants.unshift({ parts, value, used: now });
    if (variants.length > VARIANTS_PER_GROUP) variants.sort((a, b) => b.used - a.used).pop();
    this.groups.set(key, variants);
    return value;
  }

  /** Ends a computation: forgets the versions no recent computation used. */
  end(): void {
    const now = this.computations;
    for (const [key, variants] of this.groups) {
      // Most groups were used by this computation: test before copying (a million facts make many groups).
      if (!hasStale(variants, now)) continue;
      const kept = variants.filter((v) => now - v.used < FORGET_AFTER);
      if (kept.length === 0) this.groups.delete(key);
      else if (kept.length < variants.length) this.groups.set(key, kept);
    }
  }
}

/** Whether a version of the group was last used FORGET_AFTER computations ago or more. */
function hasStale(variants: readonly Variant<unknown>[], now: number): boolean {
  for (const v of variants) if (now - v.used >= FORGET_AFTER) return true;
  return false;
}

/** The same items in the same order (by `same`: identity unless told otherwise; one comparison an item). */
export function sameItems(a: readonly unknown[], b: readonly unknown[], same: (x: unknown, y: unknown) => boolean = (x, y) => x === y): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}
