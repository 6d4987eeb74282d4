/**
 * Slot filling: fragments carry `{slot}` placeholders; a context holds the values for one
 * conversation. Fragments whose slots are not all available are skipped, so e.g. an IBAN line only
 * appears in a conversation chosen to carry personal data.
 */
import type { Rng } from './prng.ts';

export type Ctx = Record<string, string | undefined>;

const SLOT = /\{([a-zA-Z]+)\}/g;

/** Slot names used by a fragment. */
export function slotsOf(fragment: string): string[] {
  return [...fragment.matchAll(SLOT)].map((m) => m[1]);
}

/** Whether every slot of the fragment has a value in ctx. */
export function fits(fragment: string, ctx: Ctx): boolean {
  return slotsOf(fragment).every((s) => ctx[s] !== undefined);
}

const GENDERED = /\[([^|\]]*)\|([^\]]*)\]/g;

/**
 * Replaces slots; throws on a missing one so a typo in a fragment fails loudly. `[masc|fem]`
 * alternatives follow ctx.gender ("f" picks the second), for French agreement ("déçu|déçue").
 */
export function fill(fragment: string, ctx: Ctx): string {
  return fragment.replace(GENDERED, (_, m: string, f: string) => (ctx.gender === 'f' ? f : m)).replace(SLOT, (_, name: string) => {
    const v = ctx[name];
    if (v === undefined) throw new Error(`sample: slot {${name}} has no value in "${fragment}"`);
    return v;
  });
}

/** Picks a fitting fragment and fills it; '' when none fits. */
export function pickFill(rng: Rng, fragments: readonly string[], ctx: Ctx): string {
  const ok = fragments.filter((f) => fits(f, ctx));
  if (ok.length === 0) return '';
  return fill(rng.pick(ok), ctx);
}

/** Fragments that mention one of the given slots (used to force a PII-bearing detail). */
export function withSlot(fragments: readonly string[], slots: readonly string[]): string[] {
  return fragments.filter((f) => slotsOf(f).some((s) => slots.includes(s)));
}
