/**
 * Who may do what: the four roles of a workspace, the one permission table, and the one mapping from an
 * API request (method + path) to the action it performs. The server's auth middleware asks `can` once
 * per request; the README's role table is this table.
 */

/** The roles a person or an API token holds in one workspace, most powerful first. */
export const ROLES = ['admin', 'analyst', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a request does, as far as permissions go. */
export const ACTIONS = [
  'read', 'drill', 'export', 'correct', 'write-cases', 'write-rules', 'assess', 'ingest', 'configure', 'manage-users', 'read-audit',
  'erase-data',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The permission table: each role and the actions it may perform. Everyone may practise empathy drills
 * (the listening habit is for every employee); agents also work cases and correct labels; analysts also
 * export, ingest, change rules and read candidates' hiring-mode attempts (`assess`); only admins manage
 * people, read the audit log and erase data (import undo, customer erasure, retention).
 */
export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  admin: ACTIONS,
  analyst: ['read', 'drill', 'export', 'correct', 'write-cases', 'write-rules', 'assess', 'ingest'],
  agent: ['read', 'drill', 'correct', 'write-cases'],
  viewer: ['read', 'drill'],
};

/** True when `role` may perform `action`: the one check every route goes through. */
export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/** The roles that may perform `action` (for a 403 that names the role needed). */
export function rolesAllowed(action: Action): Role[] {
  return ROLES.filter((r) => can(r, action));
}

/** Parses a role name; null when it is not one. */
export function parseRole(value: unknown): Role | null {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;
}

/** What one API request needs: its action, and whether it exports data (checked and audited as an export too). */
export interface RouteAccess {
  action: Action;
  exports: boolean;
}

const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;

/** Method + path patterns, first match wins; `*` is any method, `unsafe` any of POST/PUT/PATCH/DELETE. */
const ROUTE_ACTIONS: readonly [method: 'GET' | 'POST' | 'PUT' | 'unsafe' | '*', path: RegExp, action: Action][] = [
  ['*', /^\/api\/audit(\/|$)/, 'read-audit'],
  // Data hygiene: undoing imports, erasing customers, retention delete data for good: admins only.
  ['unsafe', /^\/api\/(imports|customers|retention)(\/|$)/, 'erase-data'],
  ['GET', /^\/api\/imports$/, 'ingest'],
  // Candidates' hiring-mode attempts are personal data about applicants: assessors only.
  ['GET', /^\/api\/drills\/attempts$/, 'assess'],
  ['POST', /^\/api\/drills\/attempts$/, 'drill'],
  ['*', /^\/api\/(users|tokens)(\/|$)/, 'manage-users'],
  // Computations that store nothing: whoever may read may run them.
  ['POST', /^\/api\/(analyze|coach|rules\/test)$/, 'read'],
  ['POST', /^\/api\/messages$/, 'ingest'],
  ['PUT', /^\/api\/messages\/[^/]+\/corrections$/, 'correct'],
  ['unsafe', /^\/api\/(cases|root-causes|alerts)(\/|$)/, 'write-cases'],
  ['unsafe', /^\/api\/(rules|deliveries)(\/|$)/, 'write-rules'],
  ['unsafe', /^\/api\/assessments$/, 'assess'],
];

/**
 * The action of an API request. GET reads (an export when the path is /api/export… or the query asks
 * `format=csv`); writes are classed by their path family; an unsafe request no pattern names is
 * `configure` (admins only), so a new route is closed until it is given its place here.
 */
export function routeAccess(method: string, path: string, search: URLSearchParams): RouteAccess {
  const m = method.toUpperCase();
  const exports = (m === 'GET' || m === 'HEAD') && (/^\/api\/export(\/|$|s\b)/.test(path) || search.getAll('format').includes('csv'));
  for (const [want, pattern, action] of ROUTE_ACTIONS) {
    const methodMatches = want === '*' || want === m || (want === 'unsafe' && UNSAFE.test(m));
    if (methodMatches && pattern.test(path)) return { action, exports };
  }
  if (UNSAFE.test(m)) return { action: 'configure', exports: false };
  return { action: 'read', exports };
}

/** Every API token starts with this, so scripts and secret scanners recognise one. */
export const TOKEN_PREFIX_TEXT = 'ec_';

/** True for methods that change something (they need the CSRF token when authenticated by cookie). */
export function isUnsafeMethod(method: string): boolean {
  return UNSAFE.test(method.toUpperCase());
}
