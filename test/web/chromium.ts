/**
 * Where the browser tests find Chromium (Debian's `chromium`), and whether they can run here: on a
 * machine without it `npm test` skips them with a message that says how to install it; under
 * CI=true (`bash .ci/run` installs it) they always run, and fail if it is missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why the browser tests cannot run on this machine, or null when they can (or must: CI). */
export function browserSkipReason(): string | null {
  if (process.env.CI === 'true' || existsSync(CHROMIUM_PATH)) return null;
  return `Browser tests skipped: Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install chromium\` (bash .ci/run does).`;
}

/** Chromium's flags for the tests: headless, no sandbox (containers), nothing that reaches the network on its own. */
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts the browser every dashboard test drives (close it in afterAll). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
}
