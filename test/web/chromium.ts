/**
 * Where the browser tests find Chromium (Debian's `chromium`), and whether they can run here: on a
 * machine without it `npm test` skips them with a message that says how to install it; under
 * CI=true (`bash .ci/run` installs it) they always run, and fail if it is missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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

/** A page opened by openPage, with the errors it raised so far (a test expects none). */
export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * A new page in `locale`, `width` × 900 pixels, collecting its uncaught errors and, with
 * `consoleErrors`, what it logs as errors (left out where a page is meant to show a failed request).
 */
export async function openPage(browser: Browser, locale: string, width = 1360, opts: { consoleErrors?: boolean } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  if (opts.consoleErrors) page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}
