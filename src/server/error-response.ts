import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { EcouteError, toEcouteError } from '../core/errors.ts';

/** The JSON body of every error answer: `{error: {code, message, details?}}`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/**
 * The one place where thrown errors become HTTP answers (Hono's onError). Named errors keep their status;
 * anything else is a 500 whose message does not leak internals beyond the error text.
 */
export function errorResponse(err: unknown, c: Context): Response {
  const e: EcouteError = toEcouteError(err);
  const body: ErrorBody = { error: { code: e.code, message: e.message } };
  if (e.details) body.error.details = e.details;
  return c.json(body, e.status as ContentfulStatusCode);
}
