/**
 * Named errors. Each carries a stable `code`, an HTTP status and a message that names the problem
 * and the fix. Edges (CLI, HTTP) translate them once; nothing else formats errors for users.
 */
export class EcouteError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The user asked for something malformed (bad flag, bad query parameter, bad JSON body). */
export class UsageError extends EcouteError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('usage', message, 400, details);
  }
}

/** Input data could not be understood (a file, a row, a mapping). */
export class InputError extends EcouteError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('bad_input', message, 422, details);
  }
}

/** Configuration (environment, config file) is invalid. */
export class ConfigError extends EcouteError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('bad_config', message, 500, details);
  }
}

/** A requested resource does not exist. */
export class NotFoundError extends EcouteError {
  /** `fix` names how to find a valid id (e.g. "List them with `ecoute import list`."). */
  constructor(what: string, id: string, fix = 'Check the id, or list what exists first.') {
    super('not_found', `${what} "${id}" was not found. ${fix}`, 404, { what, id });
  }
}

/** The database could not be reached or rejected an operation. */
export class StoreError extends EcouteError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('store', message, 503, details);
  }
}

/**
 * The database stopped answering for now (a PostgreSQL restart, a dropped connection): the request failed
 * (its transaction rolled back), and the same request later succeeds without restarting Écoute (the
 * pool opens new connections). HTTP 503, so clients and proxies know to retry.
 */
export class DatabaseUnavailableError extends EcouteError {
  constructor(details?: Record<string, unknown>) {
    super(
      'db_unavailable',
      'The database is not reachable right now (it may be restarting): try again in a few seconds. Écoute reconnects by itself; if this lasts, check that the database server is running.',
      503,
      details,
    );
  }
}

/** A model file is missing or corrupt. */
export class ModelError extends EcouteError {
  constructor(message: string) {
    super('model', message, 500);
  }
}

/** Turns anything thrown into an EcouteError, keeping named errors as they are. */
export function toEcouteError(err: unknown): EcouteError {
  if (err instanceof EcouteError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new EcouteError('internal', `Unexpected error: ${message}`, 500);
}
