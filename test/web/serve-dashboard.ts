/**
 * How the browser tests serve the dashboard: the real app (createApp) over a store, on a free port of
 * the loopback interface, with the dashboard's own files from web/.
 */
import path from 'node:path';
import { createApp, type AppDeps } from '../../src/server/create-app.ts';
import { startServer, type RunningServer } from '../../src/server/http-server.ts';

/** The dashboard's files, as `ecoute serve` serves them. */
export const WEB_DIR = path.resolve(import.meta.dirname, '../../web');

/** Starts the app over `deps.store` on loopback, serving the dashboard (close it in afterAll). */
export function serveDashboard(deps: Omit<AppDeps, 'webDir'>): Promise<RunningServer> {
  return startServer(createApp({ webDir: WEB_DIR, ...deps }), { port: 0, host: '127.0.0.1' });
}
