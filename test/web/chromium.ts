/**
 * Where the browser tests find Chromium (Debian's `chromium`), and whether they can run here: on a
 * machine without it `npm test` skips them with a message that says how to install it; under
 * CI=true (`bash .ci/run` installs it) they always run, and fail if it is missing.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why the browser tests cannot run on this machine, or null when they can (or must: CI). */
export function browserSkipReason(): string | null {
  if (process.env.CI === 'true' || existsSync(CHROMIUM_PATH)) return null;
  return `Browser tests skipped: Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install chromium\` (bash .ci/run does).`;
}
