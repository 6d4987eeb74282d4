/**
 * The stop request of a long-running command (`serve`, `worker`, `deliver --watch`): the first SIGINT
 * (Ctrl-C) or SIGTERM. The handlers are removed once it comes, so a second Ctrl-C while the command
 * shuts down gets Node's default behaviour (exit at once).
 */

/** Resolves with the signal's name when the process receives SIGINT or SIGTERM. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
