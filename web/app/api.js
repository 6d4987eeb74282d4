/** Fetches JSON from the Écoute API; throws an Error carrying the server's message on failure. */
export async function getJson(path, init) {
  const res = await fetch(path, { headers: { accept: 'application/json' }, ...init });
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
