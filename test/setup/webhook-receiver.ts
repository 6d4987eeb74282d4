/**
 * A real HTTP webhook receiver for tests, on loopback: records every request (headers and body) and
 * answers what `respond` says — a status with optional headers, or 'hang' (never answers, to test
 * timeouts). It can be stopped and started again on the same port to play a receiver that is down.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type WebhookAnswer = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

export interface WebhookReceiver {
  /** Base URL with a secret-looking path, like Slack's. */
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** What the next requests get (default 200 "ok"). */
  respond: (req: ReceivedRequest) => WebhookAnswer;
  /** Stops listening (connections are refused until start()). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  const receiver: WebhookReceiver = {
    url: '',
    port: 0,
    requests: [],
    respond: () => ({ status: 200, body: 'ok' }),
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((r) => s.close(() => r()));
    },
    async start() {
      const s = createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (c: string) => (body += c));
        req.on('end', () => {
          const received: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
          receiver.requests.push(received);
          const answer = receiver.respond(received);
          if (answer === 'hang') return;
          res.writeHead(answer.status, answer.headers).end(answer.body ?? '');
        });
      });
      s.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(receiver.port, '127.0.0.1', () => resolve());
      });
      server = s;
      receiver.port = (s.address() as AddressInfo).port;
      receiver.url = `http://127.0.0.1:${receiver.port}/hooks/T000/B000/SECRET`;
    },
  };
  await receiver.start();
  return receiver;
}
