import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AnalyzerModel } from '../../analyze/model.ts';
import { UsageError } from '../../core/errors.ts';
import { createApp } from '../../server/create-app.ts';
import { startServer } from '../../runtime/http-server.ts';
import type { Store } from '../../store/store.ts';
import type { Command, CommandContext } from '../command.ts';

const USAGE = `Usage: ecoute serve [--port N] [--host H]

Starts the dashboard and the HTTP API (GET /api/openapi.json describes it).
  --port N   port to listen on (default: PORT or 4870)
  --host H   address to bind (default: ECOUTE_HOST or 127.0.0.1; use 0.0.0.0 to expose it)
Runs until interrupted (Ctrl-C).`;

/** The dashboard's static files, shipped with the package. */
const WEB_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

/** Resolves when the process receives SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
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

/**
 * Starts the digest schedule named by DIGEST_SCHEDULE. Returns its stop function, or null when off.
 */
async function startDigestScheduleIfConfigured(ctx: CommandContext, _store: Store): Promise<(() => void) | null> {
  if (ctx.config.digestSchedule === 'off') return null;
  ctx.stderr.write(`ecoute serve: DIGEST_SCHEDULE=${ctx.config.digestSchedule} is not available in this build; run "ecoute digest" from cron instead.\n`);
  return null;
}

/** `ecoute serve`: the dashboard and API, plus the digest schedule when configured. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the dashboard and HTTP API',
  usage: USAGE,
  async run(args, ctx) {
    let values: { port?: string; host?: string };
    try {
      ({ values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } }, strict: true }));
    } catch (err) {
      throw new UsageError(`${(err as Error).message}\n${USAGE}`);
    }
    const port = parsePort(values.port, ctx.config.port);
    const host = values.host ?? ctx.config.host;
    const store = await ctx.openStore();
    const stops: (() => Promise<void> | void)[] = [];
    try {
      await store.ensureWorkspace(ctx.config.workspace);
      let model: AnalyzerModel | undefined;
      try {
        model = await ctx.loadModel();
      } catch (err) {
        ctx.stderr.write(`ecoute serve: analysis model unavailable (${(err as Error).message}); POST /api/analyze will answer 503.\n`);
      }
      const app = createApp({ store, workspaceId: ctx.config.workspace, model, clock: ctx.clock, webDir: WEB_DIR });
      const server = await startServer(app, { port, host });
      stops.push(() => server.close());
      const stopDigest = await startDigestScheduleIfConfigured(ctx, store);
      if (stopDigest) stops.push(stopDigest);
      ctx.stdout.write(`Écoute is listening on ${server.url} (workspace "${ctx.config.workspace}"). Press Ctrl-C to stop.\n`);
      await untilSignal();
      ctx.stdout.write('Stopping…\n');
      return 0;
    } finally {
      for (const stop of stops.reverse()) await stop();
      await store.close();
    }
  },
};
