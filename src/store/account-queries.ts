/**
 * Accounts (migration 009): users, their role per workspace, sessions and API tokens. Secrets arrive
 * hashed; e-mails are stored trimmed and lower-case so a log-in does not depend on their case.
 */
import type { Kysely } from 'kysely';
import { InputError, NotFoundError } from '../core/errors.ts';
import type { Clock } from '../core/ports.ts';
import { parseRole, ROLES, type Role } from '../core/roles.ts';
import type { ApiTokenInfo, MemberInfo, SessionInfo, UserCredentials } from './account-store.ts';
import { writeAudit, type AuditEntry } from './audit-queries.ts';
import type { Database } from './db-types.ts';
import { toDbId } from './ids.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERS_FIX = 'List them with `ecoute user list`.';
const TOKENS_FIX = 'List them with `ecoute token list`.';

/** The e-mail as stored: trimmed, lower-case; InputError when it is not an address. */
export function normalizeEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!EMAIL.test(e)) throw new InputError(`"${email}" is not an e-mail address. Give the address the person logs in with, e.g. you@example.com.`);
  return e;
}

function toRole(value: string): Role {
  // Rows are written through parseRole; an unknown value means a newer version wrote it: least power.
  return parseRole(value) ?? 'viewer';
}

type UserRow = { id: number; email: string; name: string | null; created_at: number; disabled: number };
const user = (r: UserRow) => ({ id: String(r.id), email: r.email, name: r.name, createdAt: new Date(Number(r.created_at)), disabled: Number(r.disabled) === 1 });

/** Enabled users on this database. */
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('disabled', '=', 0).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The user of an e-mail (any case), with the password hash, or null. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserCredentials | null> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return r ? { ...user(r), passwordHash: r.password_hash } : null;
}

async function member(db: Kysely<Database>, workspaceId: string, email: string): Promise<MemberInfo | null> {
  const r = await db.selectFrom('users').innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.name', 'users.created_at', 'users.disabled', 'memberships.role'])
    .where('memberships.workspace_id', '=', workspaceId).where('users.email', '=', email).executeTakeFirst();
  return r ? { ...user(r), role: toRole(r.role) } : null;
}

/** Creates a user and their role in a workspace, in one transaction; InputError when the e-mail is taken. */
export async function addUser(
  db: Kysely<Database>, clock: Clock, workspaceId: string, input: { email: string; name?: string | null; passwordHash: string; role: Role },
): Promise<MemberInfo> {
  const email = normalizeEmail(input.email);
  const now = clock().getTime();
  await db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw new InputError(`A user with the e-mail ${email} exists already. Change their role with \`ecoute user add ${email} --role ROLE\` (no password asked), or remove them first.`);
    const { id } = await tx.insertInto('users')
      .values({ email, name: input.name ?? null, password_hash: input.passwordHash, created_at: now })
      .returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('memberships').values({ user_id: Number(id), workspace_id: workspaceId, role: input.role, created_at: now }).execute();
  });
  return (await member(db, workspaceId, email))!;
}

/** Gives an existing user a role in a workspace, or changes it; NotFoundError for an unknown e-mail. */
export async function setRole(db: Kysely<Database>, clock: Clock, workspaceId: string, email: string, role: Role): Promise<MemberInfo> {
  const found = await findUserByEmail(db, email);
  if (!found) throw new NotFoundError('User', email, USERS_FIX);
  await db.insertInto('memberships')
    .values({ user_id: Number(found.id), workspace_id: workspaceId, role, created_at: clock().getTime() })
    .onConflict((oc) => oc.columns(['user_id', 'workspace_id']).doUpdateSet({ role }))
    .execute();
  return (await member(db, workspaceId, found.email))!;
}

/** The members of a workspace with their role, by e-mail. */
export async function listMembers(db: Kysely<Database>, workspaceId: string): Promise<MemberInfo[]> {
  const rows = await db.selectFrom('users').innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.name', 'users.created_at', 'users.disabled', 'memberships.role'])
    .where('memberships.workspace_id', '=', workspaceId).orderBy('users.email').execute();
  return rows.map((r) => ({ ...user(r), role: toRole(r.role) }));
}

/** A user's role in a workspace; null when they have none or are disabled. */
export async function roleOf(db: Kysely<Database>, workspaceId: string, userId: string): Promise<Role | null> {
  const id = toDbId(userId);
  if (id === null) return null;
  const r = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('memberships.role')
    .where('memberships.workspace_id', '=', workspaceId).where('memberships.user_id', '=', id).where('users.disabled', '=', 0).executeTakeFirst();
  return r ? toRole(r.role) : null;
}

/** Takes a user out of a workspace and ends their sessions; deletes them with their last workspace. */
export async function removeMember(db: Kysely<Database>, workspaceId: string, email: string): Promise<void> {
  const found = await member(db, workspaceId, email.trim().toLowerCase());
  if (!found) throw new NotFoundError('User', `${email}" in workspace "${workspaceId}`, USERS_FIX);
  const id = Number(found.id);
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('memberships').where('user_id', '=', id).where('workspace_id', '=', workspaceId).execute();
    const left = await tx.selectFrom('memberships').select('user_id').where('user_id', '=', id).executeTakeFirst();
    // Sessions go either way: a removed person is logged out at once, not when their session expires.
    await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    if (!left) await tx.deleteFrom('users').where('id', '=', id).execute();
  });
}

/** Stores a session by the SHA-256 of its id. */
export async function createSession(db: Kysely<Database>, input: { idHash: string; userId: string; csrfToken: string; expiresAt: Date; now: Date }): Promise<void> {
  // Expired sessions are swept here, at each log-in, so the table stays the size of the live ones.
  await db.deleteFrom('sessions').where('expires_at', '<=', input.now.getTime()).execute();
  await db.insertInto('sessions').values({
    id: input.idHash, user_id: Number(input.userId), csrf_token: input.csrfToken, expires_at: input.expiresAt.getTime(), created_at: input.now.getTime(),
  }).execute();
}

/** The live session of a hashed id at `now`, with its user; an expired one is deleted and answers null. */
export async function findSession(db: Kysely<Database>, idHash: string, now: Date): Promise<SessionInfo | null> {
  const r = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.csrf_token', 'sessions.expires_at', 'users.email', 'users.name', 'users.disabled'])
    .where('sessions.id', '=', idHash).executeTakeFirst();
  if (!r) return null;
  if (Number(r.expires_at) <= now.getTime() || Number(r.disabled) === 1) {
    await deleteSession(db, idHash);
    return null;
  }
  return { userId: String(r.user_id), email: r.email, name: r.name, csrfToken: r.csrf_token, expiresAt: new Date(Number(r.expires_at)) };
}

/** Ends a session (log-out). */
export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', idHash).execute();
}

type TokenRow = { id: number; name: string; workspace_id: string; role: string; created_at: number; last_used_at: number | null; revoked_at: number | null };
const date = (v: number | null) => (v === null ? null : new Date(Number(v)));
const token = (r: TokenRow): ApiTokenInfo => ({
  id: String(r.id), name: r.name, workspaceId: r.workspace_id, role: toRole(r.role),
  createdAt: new Date(Number(r.created_at)), lastUsedAt: date(r.last_used_at), revokedAt: date(r.revoked_at),
});
const TOKEN_COLUMNS = ['id', 'name', 'workspace_id', 'role', 'created_at', 'last_used_at', 'revoked_at'] as const;

/** Stores a token's SHA-256 for a workspace and role; InputError for a bad or taken name. */
export async function createApiToken(db: Kysely<Database>, clock: Clock, workspaceId: string, input: { name: string; role: Role; tokenHash: string }): Promise<ApiTokenInfo> {
  const name = input.name.trim();
  if (!/^[\w.@-]{1,64}$/.test(name) || /^\d+$/.test(name)) {
    throw new InputError(`"${input.name}" cannot name a token: use 1–64 letters, digits, dots, dashes or underscores, not only digits (ids are digits), e.g. "nightly-export".`);
  }
  if (!ROLES.includes(input.role)) throw new InputError(`"${input.role}" is not a role: use one of ${ROLES.join(', ')}.`);
  const active = await db.selectFrom('api_tokens').select('id').where('workspace_id', '=', workspaceId).where('name', '=', name)
    .where('revoked_at', 'is', null).executeTakeFirst();
  if (active) throw new InputError(`An active token is named "${name}" already. Pick another name, or revoke it first with \`ecoute token revoke ${name}\`.`);
  const row = await db.insertInto('api_tokens')
    .values({ name, workspace_id: workspaceId, role: input.role, token_hash: input.tokenHash, created_at: clock().getTime(), last_used_at: null, revoked_at: null })
    .returning(TOKEN_COLUMNS).executeTakeFirstOrThrow();
  return token(row);
}

/** The workspace's tokens, revoked ones included, oldest first. */
export async function listApiTokens(db: Kysely<Database>, workspaceId: string): Promise<ApiTokenInfo[]> {
  const rows = await db.selectFrom('api_tokens').select(TOKEN_COLUMNS).where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map(token);
}

/** Revokes an active token by name or id (the row stays, for the audit log). */
export async function revokeApiToken(db: Kysely<Database>, clock: Clock, workspaceId: string, nameOrId: string): Promise<ApiTokenInfo> {
  let q = db.selectFrom('api_tokens').select(TOKEN_COLUMNS).where('workspace_id', '=', workspaceId).where('revoked_at', 'is', null);
  const id = /^\d+$/.test(nameOrId) ? toDbId(nameOrId) : null;
  q = id !== null ? q.where('id', '=', id) : q.where('name', '=', nameOrId.trim());
  const found = await q.executeTakeFirst();
  if (!found) throw new NotFoundError('Active API token', nameOrId, TOKENS_FIX);
  const now = clock().getTime();
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', found.id).execute();
  return token({ ...found, revoked_at: now });
}

/** The token of a SHA-256, noting when an active one was last used; null when unknown. */
export async function useApiToken(db: Kysely<Database>, clock: Clock, tokenHash: string): Promise<ApiTokenInfo | null> {
  const r = await db.selectFrom('api_tokens').select(TOKEN_COLUMNS).where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!r) return null;
  if (r.revoked_at === null) await db.updateTable('api_tokens').set({ last_used_at: clock().getTime() }).where('id', '=', r.id).execute();
  return token(r);
}

/** Appends one audit line (an API export, change or read of personal data). */
export async function recordAudit(db: Kysely<Database>, clock: Clock, workspaceId: string, entry: Omit<AuditEntry, 'at'>): Promise<void> {
  await writeAudit(db, clock, workspaceId, entry);
}
