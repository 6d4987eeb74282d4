/**
 * A destination fit to show (API, CLI, logs): an e-mail address as is; a webhook URL without its
 * credentials, path and query, which for Slack, Teams and most receivers hold the secret token.
 */
export function redactDestination(channel: string, destination: string): string {
  if (channel !== 'webhook') return destination;
  try {
    const u = new URL(destination);
    return `${u.protocol}//${u.host}${u.pathname.length > 1 || u.search ? '/…' : '/'}`;
  } catch {
    return '(invalid URL)';
  }
}
