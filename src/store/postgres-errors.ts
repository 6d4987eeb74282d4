import { StoreError } from '../core/errors.ts';

interface ErrorLike {
  code?: string;
  message?: string;
  errors?: ErrorLike[];
}

/** Node reports "connection refused" on dual-stack hosts as an AggregateError with an empty message. */
function describe(err: unknown): { code: string; message: string } {
  const e = (err ?? {}) as ErrorLike;
  const inner = Array.isArray(e.errors) && e.errors.length > 0 ? e.errors[0] : undefined;
  const code = e.code ?? inner?.code ?? '';
  const message = e.message || inner?.message || code || String(err);
  return { code, message };
}

/** Turns a failure to reach PostgreSQL into a StoreError whose message names the fix. */
export function postgresConnectionError(err: unknown, target: { host: string; port: number; database: string }): StoreError {
  const { code, message } = describe(err);
  const at = `${target.host}:${target.port}`;
  const details = { host: target.host, port: target.port, database: target.database, code };
  switch (code) {
    case 'ECONNREFUSED':
      return new StoreError(`Cannot connect to PostgreSQL at ${at}: ECONNREFUSED. Start the server or fix DATABASE_URL.`, details);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StoreError(`Cannot resolve PostgreSQL host "${target.host}" (${code}). Fix the host in DATABASE_URL.`, details);
    case '28P01':
    case '28000':
      return new StoreError(`PostgreSQL at ${at} rejected the credentials: ${message}. Fix the user or password in DATABASE_URL.`, details);
    case '3D000':
      return new StoreError(
        `PostgreSQL database "${target.database}" does not exist at ${at}. Create it (createdb ${target.database}) or fix DATABASE_URL.`,
        details,
      );
    default:
      return new StoreError(`Cannot connect to PostgreSQL at ${at}: ${message}. Check that the server is running and DATABASE_URL is right.`, details);
  }
}
