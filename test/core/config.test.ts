import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.ts';
import { ConfigError } from '../../src/core/errors.ts';

describe('parseConfig', () => {
  it('defaults to the embedded SQLite store and port 4870', () => {
    const c = parseConfig({});
    expect(c.databaseUrl).toBe('sqlite:./ecoute.db');
    expect(c.port).toBe(4870);
    expect(c.digestSchedule).toBe('off');
  });

  it('reads DATABASE_URL and PORT', () => {
    const c = parseConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', PORT: '8080' });
    expect(c.databaseUrl).toBe('postgres://u:p@127.0.0.1:5432/db');
    expect(c.port).toBe(8080);
  });

  it('names the variable to fix when a value is invalid', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/port/);
  });

  it('rejects unsupported database URLs with the accepted forms', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/sqlite:.*postgres:\/\//);
  });
});
