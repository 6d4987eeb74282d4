/**
 * Interned "theme:delay" / "stage:billing" / "emotion:anger" keys: each string is built once per label instead of once
 * per finding, which saves millions of allocations on big workspaces.
 */
export class FactorKeys {
  private readonly themes = new Map<string, string>();
  private readonly emotions = new Map<string, string>();
  private readonly stages = new Map<string, string>();

  theme(label: string): string {
    let k = this.themes.get(label);
    if (k === undefined) this.themes.set(label, (k = `theme:${label}`));
    return k;
  }

  stage(label: string): string {
    let k = this.stages.get(label);
    if (k === undefined) this.stages.set(label, (k = `stage:${label}`));
    return k;
  }

  emotion(label: string): string {
    let k = this.emotions.get(label);
    if (k === undefined) this.emotions.set(label, (k = `emotion:${label}`));
    return k;
  }
}
