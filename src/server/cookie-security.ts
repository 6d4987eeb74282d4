/**
 * Whether a cookie the server sets (the session, the remembered workspace) must be `Secure`: always,
 * unless the request came over plain HTTP from this machine (the local demo).
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The cookie is Secure unless the request came over plain HTTP from this machine (the local demo): a
 * browser elsewhere must use HTTPS (a TLS proxy in front of Écoute) for its cookies to be kept.
 */
export function needsSecureCookie(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https') return true;
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    return false; // in-process request (app.request): no network at all
  }
  return !remote || !LOOPBACK.test(remote);
}
