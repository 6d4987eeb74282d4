/** Injected effects, so pure code stays deterministic in tests. */
export type Clock = () => Date;
export type IdGenerator = () => string;

/** The system clock. Only the shell (CLI, server, main) should construct it. */
export const systemClock: Clock = () => new Date();
