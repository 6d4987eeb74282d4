import { ConfigError } from '../core/errors.ts';

/** Where the store lives, parsed from a DATABASE_URL. */
export type DatabaseTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; host: string; port: number; database: string };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Parses `sqlite:./file.db`, `sqlite::memory:`, `sqlite:///abs/path.db` or `postgres(ql)://user:pass@host:port/db`.
 * Throws ConfigError naming the accepted forms.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith('sqlite:')) {
    let path = trimmed.slice('sqlite:'.length);
    // sqlite:///abs/path and sqlite://./rel are accepted as well as sqlite:./rel.
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') {
      throw new ConfigError(`DATABASE_URL "${url}" names no SQLite file. Use sqlite:./ecoute.db or sqlite::memory:.`);
    }
    return { kind: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw new ConfigError(`DATABASE_URL "${redact(url)}" is not a valid URL. Use postgres://user:pass@host:5432/dbname.`);
    }
    if (!parsed.hostname && !parsed.searchParams.get('host')) {
      throw new ConfigError(`DATABASE_URL "${redact(url)}" names no host. Use postgres://user:pass@host:5432/dbname.`);
    }
    return {
      kind: 'postgres',
      url: trimmed,
      host: parsed.hostname || parsed.searchParams.get('host') || 'localhost',
      port: parsed.port ? Number(parsed.port) : 5432,
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.username || 'postgres',
    };
  }
  throw new ConfigError(
    `DATABASE_URL "${redact(url)}" is not supported. Use sqlite:./path.db (default), sqlite::memory: or postgres://user:pass@host:port/db.`,
  );
}

/** Validates a PostgreSQL schema name (used to isolate tenants or test files). */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new ConfigError(
      `Schema name "${schema}" is invalid. Use lowercase letters, digits and underscores, starting with a letter.`,
    );
  }
  return schema;
}

/** Hides the password of a URL before it appears in a message. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
