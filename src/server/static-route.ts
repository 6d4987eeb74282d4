/**
 * The dashboard's static files (web/), served last, with a strict Content-Security-Policy on pages:
 * everything from this server, nothing from elsewhere.
 */
import type { Hono } from 'hono';
import { readStaticFile } from './static-files.ts';

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Mounts the catch-all static route for `webDir` on `app`. */
export function registerStaticRoute(app: Hono, webDir: string): void {
  app.get('*', async (c) => {
    const file = await readStaticFile(webDir, new URL(c.req.url).pathname);
    if (!file) return c.text('Not found', 404);
    c.header('content-type', file.contentType);
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'no-cache');
    if (file.contentType.startsWith('text/html')) c.header('content-security-policy', CSP);
    return c.body(new Uint8Array(file.body));
  });
}
