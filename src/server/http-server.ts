import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A running HTTP server. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4870 (the real port when 0 was asked). */
  url: string;
  /** Stops accepting connections and waits for open ones to end. */
  close(): Promise<void>;
}

/**
 * Serves a Hono app over Node's HTTP server. Port 0 picks a free port (tests).
 * Rejects with a clear message when the port is taken, instead of crashing later.
 */
export function startServer(app: Hono, options: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      server.off('error', onError);
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            // Idle keep-alive sockets would otherwise hold close() open.
            if ('closeIdleConnections' in server) server.closeIdleConnections();
            server.close((err) => (err ? fail(err) : done()));
          }),
      });
    });
    const onError = (err: NodeJS.ErrnoException): void => {
      const hint =
        err.code === 'EADDRINUSE'
          ? `Port ${options.port} on ${options.host} is already in use. Stop the other process or pick another with --port.`
          : `Could not listen on ${options.host}:${options.port}: ${err.message}`;
      reject(new Error(hint));
    };
    server.once('error', onError);
  });
}
