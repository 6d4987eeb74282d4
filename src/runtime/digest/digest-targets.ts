import type { Config } from '../../core/config.ts';
import type { Workspace } from '../../core/workspace.ts';
import type { DeliveryTargets } from './deliver-digest.ts';

/**
 * Where one workspace's scheduled digest goes, or null when it has nowhere to go (no digest for it).
 * A workspace's own recipients (settings.digestTo) win; the default workspace (ECOUTE_WORKSPACE) falls
 * back to MAIL_TO and DIGEST_WEBHOOK_URL, as single-workspace installs always did. The environment's
 * recipients never receive another workspace's digest: its data is not theirs to read.
 * SMTP_URL and MAIL_FROM are the server's mail relay, shared by every workspace.
 */
export function digestTargetsFor(workspace: Workspace, config: Config): DeliveryTargets | null {
  const own = workspace.settings.digestTo;
  if (own && own.length > 0) return { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, mailTo: own.join(', ') };
  if (workspace.id !== config.workspace) return null;
  if (!config.mailTo && !config.webhookUrl) return null;
  return { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, mailTo: config.mailTo, webhookUrl: config.webhookUrl };
}
