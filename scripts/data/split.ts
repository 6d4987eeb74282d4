/**
 * Deterministic held-out split: a line is held out when the FNV-1a hash of its text is 0 mod 10.
 * XED lines held out this way are never used by training (scripts/train.ts) and are the XED
 * evaluation set of scripts/eval.ts. The same rule (mod 10 == 1) gives training's internal
 * validation slice for threshold tuning.
 */
import { fnv1a } from '../../src/core/prng.ts';

/** True for the 10% of XED lines reserved for evaluation. */
export function isHeldOut(text: string): boolean {
  return fnv1a(text) % 10 === 0;
}

/** True for training's internal validation slice (threshold tuning), disjoint from isHeldOut. */
export function isValidation(text: string): boolean {
  return fnv1a(text) % 10 === 1;
}
