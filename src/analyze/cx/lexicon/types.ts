/** Lexicon data: key (e.g. `theme:delay`, `churn`) -> patterns in the ../matcher.ts syntax. */
export type CxPatterns = Readonly<Record<string, readonly string[]>>;
