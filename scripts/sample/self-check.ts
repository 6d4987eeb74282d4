/** Sanity checks on the generated sample: checksum-valid PII is really valid, no unfilled slots. */
import { ibanIsValid } from './pii.ts';
import type { Conv } from './thread.ts';

/** Throws when a generated text carries an unfilled slot or an invalid IBAN. */
export function selfCheck(convs: readonly Conv[]): void {
  for (const conv of convs) {
    for (const m of conv.messages) {
      if (/\{[a-zA-Z]+\}|\[[^\]|]*\|[^\]]*\]/.test(m.text)) throw new Error(`sample: unfilled slot in "${m.text}"`);
      for (const iban of m.text.match(/FR\d{2}(?: ?\d{4}){5} ?\d{3}/g) ?? []) {
        if (!ibanIsValid(iban)) throw new Error(`sample: invalid IBAN ${iban}`);
      }
    }
  }
}
