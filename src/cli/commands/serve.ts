import { fileURLToPath } from 'node:url';
import type { AnalyzerModel } from '../../analyze/model.ts';
import { ConfigError, UsageError } from '../../core/errors.ts';
import { createApp } from '../../server/create-app.ts';
import { startServer } from '../../server/http-server.ts';
import { allowedHostsFor, exposureWarning } from '../../server/guards.ts';
import { OutageLog } from '../../server/outage-log.ts';
import { reportBackgroundFailure } from '../../runtime/db-outage-watch.ts';
import { workerCanShare } from '../../runtime/insights/compute-insights-in-worker.ts';
import { InsightsWorkerHost } from '../../runtime/insights/insights-worker-host.ts';
import { listeningOffThread } from '../../runtime/listening/listening-workers.ts';
import { startConfiguredDigests } from '../../runtime/digest/scheduled-digests.ts';
import { startConfiguredDelivery } from '../../runtime/act/configured-delivery.ts';
import { startConfiguredSpikeChecks } from '../../runtime/act/spike-check.ts';
import { startForEveryWorkspace } from '../../runtime/workspaces/every-workspace.ts';
import type { Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';
import { untilSignal } from '../until-signal.ts';

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

/** True for an address only this machine reaches (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\./.test(h);
}

/** `ecoute serve`: the dashboard and API, plus the digest schedule when configured. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the dashboard and API on http://localhost:4870',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseFlags(args, { options: { port: { type: 'string' }, host: { type: 'string' } } }, USAGE);
    const port = parsePort(values.port, ctx.config.port);
    const host = values.host ?? ctx.config.host;
    const store = await ctx.openStore();
    const stops: (() => Promise<void> | void)[] = [];
    try {
      await store.ensureWorkspace(ctx.config.workspace);
      // Accounts: without a user the API is open, which is only acceptable where only this machine reaches it.
      const users = await store.countUsers();
      if (users === 0 && !isLoopbackHost(host)) {
        throw new ConfigError(`Refusing to serve on ${host}: no user is defined, so anyone who reaches this address could read and change the workspace. Add an admin first with \`ecoute user add you@example.com --role admin\`, or serve on 127.0.0.1.`);
      }
      if (users === 0) ctx.stdout.write(`No user is defined: the dashboard and API are open to anyone on this machine. Add one with \`ecoute user add you@example.com --role admin\` to require a log-in.\n`);
      // Host names answered (DNS rebinding guard); beyond loopback, say what is exposed and what to put in front.
      const allowedHosts = allowedHostsFor(host, ctx.config.publicUrl, ctx.config.allowedHosts);
      if (users > 0 && !isLoopbackHost(host)) ctx.stderr.write(exposureWarning(host, allowedHosts));
      let model: AnalyzerModel | undefined;
      try {
        model = await ctx.loadModel();
      } catch (err) {
        ctx.stderr.write(`ecoute serve: analysis model unavailable (${(err as Error).message}); POST /api/analyze will answer 503.\n`);
      }
      // Listen for signals before announcing the URL, so a stop request right after start is never missed.
      const stopped = untilSignal();
      const { databaseUrl, workspace } = ctx.config;
      // SQLite: listening-station searches run in worker threads, so a long one holds up no other request.
      const listening = listeningOffThread(store, databaseUrl);
      stops.push(() => listening.close());
      // Insights off the event loop, in one worker holding every workspace's facts (read incrementally).
      const insightsHost = workerCanShare(databaseUrl) ? new InsightsWorkerHost(databaseUrl) : null;
      if (insightsHost) stops.push(() => insightsHost.close());
      // One view of the database's outages for requests and background tasks alike: one line per outage.
      const outageLog = new OutageLog((line) => { ctx.stderr.write(`${line}\n`); });
      const app = createApp({
        outageLog,
        store: listening.store,
        workspaceId: workspace,
        model,
        clock: ctx.clock,
        webDir: WEB_DIR,
        computeInsights: insightsHost ? (ws, filter) => insightsHost.compute(ws, ctx.clock(), filter) : undefined,
        limits: { maxBodyBytes: Math.round(ctx.config.maxBodyMb * 1024 * 1024), requestsPerMinute: ctx.config.rateLimit, allowedHosts },
        publicUrl: ctx.config.publicUrl ?? null,
      });
      const server = await startServer(app, { port, host });
      stops.push(() => server.close());
      // DIGEST_SCHEDULE=daily|weekly: digests are built and sent from this process (e-mail / webhook).
      const stopDigests = startConfiguredDigests(store, ctx.config, ctx.clock, ctx.stderr);
      if (stopDigests) {
        stops.push(stopDigests);
        ctx.stdout.write(`Digests: ${ctx.config.digestSchedule} (08:00 local time).\n`);
      }
      // Per workspace, for every workspace of the database (the server answers for all), new ones included:
      // spike rules checked now and every ECOUTE_SPIKE_CHECK (default 15m), and the alert outbox (e-mail via
      // SMTP_URL, webhooks) sent every 5 s, each delivery logged.
      stops.push(startForEveryWorkspace({
        list: async () => (await store.listWorkspaces()).map((w) => w.id),
        start: (ws) => {
          const config = { ...ctx.config, workspace: ws };
          const stopSpikes = startConfiguredSpikeChecks(store, config, ctx.clock, ctx.stderr, outageLog);
          const stopDelivery = startConfiguredDelivery(store, config, ctx.clock, ctx.stderr, { prefix: 'ecoute: ', outage: outageLog });
          return async () => {
            await stopSpikes?.();
            await stopDelivery();
          };
        },
        onError: (err) => reportBackgroundFailure(err, 'look for new workspaces', (m) => ctx.stderr.write(`ecoute: background tasks: ${m}\n`), outageLog),
      }));
      ctx.stdout.write(`Écoute is listening on ${server.url} (workspace "${ctx.config.workspace}"). Press Ctrl-C to stop.\n`);
      await stopped;
      ctx.stdout.write('Stopping…\n');
      return 0;
    } finally {
      for (const stop of stops.reverse()) await stop();
      await store.close();
    }
  },
};
