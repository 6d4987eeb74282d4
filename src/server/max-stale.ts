/**
 * How stale an answer the client accepts, from its `Cache-Control: max-stale[=seconds]` request
 * directive (RFC 9111 §5.2.1.2): the dashboard sends it for its insight views, so that during an
 * import it gets the last figures at once rather than waiting for a recomputation. Without the
 * directive an answer is always of the data as it is now.
 */

/** Milliseconds of staleness accepted (Infinity for a bare `max-stale`, 0 without the directive or with a malformed value). */
export function maxStaleMs(cacheControl: string | undefined): number {
  if (!cacheControl) return 0;
  for (const part of cacheControl.split(',')) {
    const m = /^\s*max-stale\s*(?:=\s*"?(\d{1,9})"?)?\s*$/i.exec(part);
    if (m) return m[1] === undefined ? Infinity : Number(m[1]) * 1000;
  }
  return 0;
}
