import type { Role } from '../core/roles.ts';
import type { AuditEntry } from './audit-queries.ts';

/** A user as listed (never with the password hash). */
export interface UserInfo {
  id: string;
  email: string;
  name: string | null;
  createdAt: Date;
  disabled: boolean;
}

/** A user with their role in one workspace. */
export interface MemberInfo extends UserInfo {
  role: Role;
}

/** A user found for a log-in: with the hash to verify the password against. */
export interface UserCredentials extends UserInfo {
  passwordHash: string;
}

/** A live dashboard session, with its user. */
export interface SessionInfo {
  userId: string;
  email: string;
  name: string | null;
  csrfToken: string;
  expiresAt: Date;
}

/** An API token as listed (the token itself is never stored). */
export interface ApiTokenInfo {
  id: string;
  name: string;
  workspaceId: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * The Store's part for accounts (migration 009): users and their role per workspace, dashboard sessions,
 * API tokens, and the audit lines the API writes. Secrets arrive hashed (src/runtime/accounts/credentials.ts):
 * nothing here sees a password, a session id or a token.
 */
export interface AccountStore {
  /** Users defined on this database (any workspace, disabled ones excluded): none means the API is open. */
  countUsers(): Promise<number>;
  /** Creates a user with a role in a workspace; InputError when the e-mail is taken or malformed. */
  addUser(workspaceId: string, input: { email: string; name?: string | null; passwordHash: string; role: Role }): Promise<MemberInfo>;
  /** Gives an existing user a role in a workspace (or changes it); NotFoundError for an unknown e-mail. */
  setRole(workspaceId: string, email: string, role: Role): Promise<MemberInfo>;
  /** The user of an e-mail (any case), with the password hash, or null. */
  findUserByEmail(email: string): Promise<UserCredentials | null>;
  /** The members of a workspace, by e-mail. */
  listMembers(workspaceId: string): Promise<MemberInfo[]>;
  /** A user's role in a workspace, or null when they have none (or are disabled). */
  roleOf(workspaceId: string, userId: string): Promise<Role | null>;
  /** Removes a user from a workspace (and deletes them, with their sessions, when it was their last); NotFoundError when not a member. */
  removeMember(workspaceId: string, email: string): Promise<void>;

  /** Stores a session under the SHA-256 of its cookie value at `now` (the server's clock), sweeping expired ones. */
  createSession(input: { idHash: string; userId: string; csrfToken: string; expiresAt: Date; now: Date }): Promise<void>;
  /** The live session of a hashed id at `now` (the server's clock; expired ones are deleted and answer null). */
  findSession(idHash: string, now: Date): Promise<SessionInfo | null>;
  deleteSession(idHash: string): Promise<void>;

  /** Stores a token (its SHA-256) for a workspace and role; InputError when an active token has this name. */
  createApiToken(workspaceId: string, input: { name: string; role: Role; tokenHash: string }): Promise<ApiTokenInfo>;
  /** The workspace's tokens, revoked ones included, oldest first. */
  listApiTokens(workspaceId: string): Promise<ApiTokenInfo[]>;
  /** Revokes an active token by name or id; NotFoundError naming `ecoute token list` otherwise. */
  revokeApiToken(workspaceId: string, nameOrId: string): Promise<ApiTokenInfo>;
  /** The token of a SHA-256 (any workspace, revoked ones included), noting its use; null when unknown. */
  useApiToken(tokenHash: string): Promise<ApiTokenInfo | null>;

  /** Appends one line to the workspace's audit log (reads of personal data, exports, changes). */
  recordAudit(workspaceId: string, entry: Omit<AuditEntry, 'at'>): Promise<void>;
}
