/**
 * What every answer of the HTTP app passes through before its route: security headers, a body-size
 * limit on the API, and a per-client rate limit. Each refusal is a named error with the limit and what
 * to do (error-response.ts turns it into JSON), never a dropped connection.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { EcouteError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';

/** The API's limits (ECOUTE_MAX_BODY_MB, ECOUTE_RATE_LIMIT) and the host names it answers to. */
export interface ApiLimits {
  /** Largest request body on /api (bytes). */
  maxBodyBytes: number;
  /** Requests per client address per minute on /api; 0 = no limit. */
  requestsPerMinute: number;
  /**
   * Host names the server answers to besides loopback names and IP addresses (see hostGuard): the
   * bound host, ECOUTE_PUBLIC_URL's host, ECOUTE_ALLOWED_HOSTS. ["*"] answers to any (not advised).
   */
  allowedHosts?: string[];
}

/** 10 MB bodies, 600 requests a minute per address: far above a person's use, below a runaway script's. */
export const DEFAULT_LIMITS: ApiLimits = { maxBodyBytes: 10 * 1024 * 1024, requestsPerMinute: 600 };

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** Security headers on every answer; API answers (customers' words) are never cached by a browser or proxy. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  if (c.req.path.startsWith('/api/')) c.res.headers.set('cache-control', 'no-store');
};

/** Refuses a body over the limit: by its declared length at once, else while it is read. */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  const tooLarge = (what: string) => new EcouteError(
    'payload_too_large',
    `${what}, over the limit of ${maxBytes} bytes. Send it in smaller batches, or raise ECOUTE_MAX_BODY_MB on the server.`,
    413,
  );
  return async (c, next) => {
    if (!c.req.raw.body) return next();
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > maxBytes) throw tooLarge(`The request body is ${declared} bytes`);
    if (Number.isNaN(declared)) {
      // No declared length (chunked): read up to the limit here, so a huge body is cut off early and
      // the refusal is this guard's 413 whatever the route does with a failed read.
      const reader = c.req.raw.body.getReader();
      const chunks: Uint8Array[] = [];
      let seen = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        seen += value.byteLength;
        if (seen > maxBytes) {
          await reader.cancel();
          throw tooLarge('The request body is larger');
        }
        chunks.push(value);
      }
      c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks), duplex: 'half' } as RequestInit);
    }
    return next();
  };
}

/** The client's address as the socket gives it (no proxy header is trusted); 'local' for in-process requests. */
function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/**
 * A fixed one-minute window per client address: simple, memory bounded by the addresses seen in the
 * current minute, and exact enough to stop a runaway script without ever slowing a person.
 */
export function rateLimit(perMinute: number, clock: Clock): MiddlewareHandler {
  let window = -1;
  let counts = new Map<string, number>();
  return async (c, next) => {
    if (perMinute <= 0) return next();
    const now = clock().getTime();
    const w = Math.floor(now / 60_000);
    if (w !== window) { window = w; counts = new Map(); }
    const who = clientOf(c);
    const n = (counts.get(who) ?? 0) + 1;
    counts.set(who, n);
    if (n > perMinute) {
      const wait = Math.max(1, Math.ceil(((w + 1) * 60_000 - now) / 1000));
      c.header('retry-after', String(wait));
      throw new EcouteError('rate_limited', `Too many requests from ${who}: more than ${perMinute} a minute. Retry in ${wait} s, or raise ECOUTE_RATE_LIMIT on the server.`, 429);
    }
    return next();
  };
}

/** The name part of a Host header or address, lowercased: no port, no IPv6 brackets, no trailing dot. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(h);
  if (v6) return v6[1];
  if ((h.match(/:/g) ?? []).length > 1) return h; // a bare IPv6 address
  return h.replace(/:\d+$/, '').replace(/\.$/, '');
}

/** True for an IP literal (v4 or v6): DNS rebinding needs a name, so an address in Host is safe. */
function isIpLiteral(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || (name.includes(':') && /^[0-9a-f:.]+$/.test(name));
}

/** The host names to allow for a server bound to `bindHost`, with ECOUTE_PUBLIC_URL and ECOUTE_ALLOWED_HOSTS. */
export function allowedHostsFor(bindHost: string, publicUrl: string | null | undefined, configured: readonly string[]): string[] {
  const names = new Set(configured.map((h) => (h === '*' ? h : hostName(h))).filter((h) => h));
  if (!['0.0.0.0', '::', ''].includes(hostName(bindHost))) names.add(hostName(bindHost));
  if (publicUrl) names.add(hostName(new URL(publicUrl).host));
  return [...names];
}

/**
 * Refuses a request whose Host header names a host this server is not (DNS rebinding: a web page on
 * evil.example whose name is re-pointed at 127.0.0.1 would otherwise read everything through the
 * visitor's browser). Answered: loopback names (localhost, *.localhost), IP addresses (rebinding
 * needs a name), and `allowed` (the bound host, ECOUTE_PUBLIC_URL's host, ECOUTE_ALLOWED_HOSTS).
 * A request without a Host header (in-process) is not a browser's and passes.
 */
export function hostGuard(allowed: readonly string[]): MiddlewareHandler {
  const names = new Set(allowed.map((h) => (h === '*' ? h : hostName(h))));
  return async (c, next) => {
    const header = c.req.header('host');
    if (header === undefined || names.has('*')) return next();
    const name = hostName(header);
    if (name === 'localhost' || name.endsWith('.localhost') || isIpLiteral(name) || names.has(name)) return next();
    throw new EcouteError(
      'host_not_allowed',
      `This server does not answer to the host name "${name}" (a page on another site may be trying to reach it through your browser). If people reach Écoute under this name, add it to ECOUTE_ALLOWED_HOSTS (comma-separated) or set ECOUTE_PUBLIC_URL, and restart the server.`,
      421,
    );
  };
}

/**
 * The line `ecoute serve` prints when it listens beyond this machine with accounts on: what is
 * exposed, and what to put in front.
 */
export function exposureWarning(host: string, allowed: readonly string[]): string {
  const names = allowed.filter((h) => h !== '*');
  return `Warning: serving on ${host}, reachable from other machines. Log-ins protect the data, but over plain HTTP passwords, session cookies and customers' words cross the network readable: put a TLS proxy (HTTPS) in front, and a firewall around the port. Host names answered besides IP addresses and localhost: ${names.length ? names.join(', ') : 'none'}${allowed.includes('*') ? ' (and any, ECOUTE_ALLOWED_HOSTS=*)' : ''}; set ECOUTE_PUBLIC_URL or ECOUTE_ALLOWED_HOSTS for the names people use.\n`;
}

/** Installs the guards on an app, before any route. */
export function installGuards(app: Hono, limits: ApiLimits, clock: Clock): void {
  app.use('*', securityHeaders);
  app.use('*', hostGuard(limits.allowedHosts ?? []));
  app.use('/api/*', rateLimit(limits.requestsPerMinute, clock));
  app.use('/api/*', bodyLimit(limits.maxBodyBytes));
}
