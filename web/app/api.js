let csrfToken = null;
/** The workspace the dashboard asked for (the switcher, ?workspace= in the page's address); null: the server's choice. */
let workspace = null;

/** The session's CSRF token (GET/POST /api/session), sent with every change; null when logged out or open. */
export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

/** The workspace every request names (X-Ecoute-Workspace); null to let the server choose (cookie, default). */
export function setWorkspace(id) {
  workspace = id || null;
}

// The insight views (computed from the whole workspace): during an import the dashboard takes the last
// figures at once (with a note saying so) rather than waiting for each recomputation.
const INSIGHT_VIEWS = /^\/api\/(overview|journey|themes|personas|risk|competitors|spikes|filter-options)(\?|$)/;
const ACCEPTED_STALENESS_S = 600;
let staleAsOf = null;

/** The time of the oldest stale figures fetched since the last call (ISO string), or null; resets. */
export function takeStaleAsOf() {
  const at = staleAsOf;
  staleAsOf = null;
  return at;
}

/**
 * Fetches JSON from the Écoute API; throws an Error carrying the server's message (and `status`: 401
 * means "log in") on failure. Changes carry the session's CSRF token.
 */
export async function getJson(path, init = {}) {
  const headers = { accept: 'application/json', ...init.headers };
  if (csrfToken && !/^(GET|HEAD)$/i.test(init.method ?? 'GET')) headers['x-csrf-token'] = csrfToken;
  if (workspace) headers['x-ecoute-workspace'] = workspace;
  if (INSIGHT_VIEWS.test(path) && !init.method) headers['cache-control'] = `max-stale=${ACCEPTED_STALENESS_S}`;
  const res = await fetch(path, { ...init, headers });
  const asOf = res.headers.get('x-ecoute-insights-stale') ? res.headers.get('x-ecoute-insights-as-of') : null;
  if (asOf && (!staleAsOf || asOf < staleAsOf)) staleAsOf = asOf;
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const message = body?.error?.message ?? `${res.status} ${res.statusText}`;
    const err = new Error(message);
    err.status = res.status;
    throw err;
  }
  return body;
}

/** Builds a query string from defined, non-empty values. */
export function query(params) {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') usp.set(k, String(v));
  const s = usp.toString();
  return s ? `?${s}` : '';
}
