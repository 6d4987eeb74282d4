import { EcouteError } from './errors.ts';

/** No valid session or API token came with a request that needs one (HTTP 401). */
export class UnauthorizedError extends EcouteError {
  constructor(message: string) {
    super('unauthorized', message, 401);
  }
}

/** The session or token is valid but its role may not do this, or the CSRF token is missing (HTTP 403). */
export class ForbiddenError extends EcouteError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('forbidden', message, 403, details);
  }
}
