/**
 * A whole PostgreSQL database for one test file, beside the shared test server's (test/setup/postgres.ts):
 * for what a schema cannot isolate — the job queue's own schema, several processes, killed importers.
 */
import pg from 'pg';

async function asAdmin(adminUrl: string, sqlText: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sqlText);
  } finally {
    await admin.end();
  }
}

/** Creates database `name` afresh (dropping a leftover of a killed run) and returns its URL. */
export async function createScratchDatabase(adminUrl: string, name: string): Promise<string> {
  await asAdmin(adminUrl, `drop database if exists ${name} with (force)`);
  await asAdmin(adminUrl, `create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops database `name`, closing whatever connections are still open on it. */
export async function dropScratchDatabase(adminUrl: string, name: string): Promise<void> {
  await asAdmin(adminUrl, `drop database if exists ${name} with (force)`);
}
