/**
 * Adds 1 to `counts` for each distinct label among a message's findings. Findings are few per message,
 * so a nested scan beats allocating a Set for every one of a million messages.
 */
export function countLabelsOnce<K extends string>(counts: Map<K, number>, findings: readonly { label: K }[]): void {
  for (let i = 0; i < findings.length; i++) {
    const label = findings[i].label;
    let dup = false;
    for (let j = 0; j < i; j++) if (findings[j].label === label) dup = true;
    if (!dup) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
}
