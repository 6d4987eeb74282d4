import nodemailer from 'nodemailer';
import { ConfigError } from '../../core/errors.ts';

/** One digest in the forms each channel wants. */
export interface DigestMessage {
  subject: string;
  /** Plain text (e-mail text part and Slack/Teams webhook text). */
  text: string;
  html: string;
}

/** Where to deliver; any subset may be configured (from Config: SMTP_URL, MAIL_FROM, MAIL_TO, DIGEST_WEBHOOK_URL). */
export interface DeliveryTargets {
  smtpUrl?: string;
  mailFrom: string;
  mailTo?: string;
  webhookUrl?: string;
}

/** What happened on one delivery channel. */
export type ChannelOutcome = 'sent' | 'skipped' | 'failed';

/** The outcome of one digest delivery, per channel. */
export interface DeliveryResult {
  email: ChannelOutcome;
  webhook: ChannelOutcome;
  /** One message per failed channel, naming the channel and the cause. */
  errors: string[];
}

/**
 * Sends a digest by e-mail (SMTP via nodemailer) and/or to an incoming webhook (Slack and Microsoft
 * Teams both accept POST {"text": "..."}). Each channel is tried even when the other fails; a channel
 * with no configuration is skipped. Throws ConfigError when no channel is configured at all.
 */
export async function deliverDigest(message: DigestMessage, targets: DeliveryTargets, fetchImpl: typeof fetch = fetch): Promise<DeliveryResult> {
  const wantsMail = Boolean(targets.smtpUrl && targets.mailTo);
  if (!wantsMail && !targets.webhookUrl) {
    throw new ConfigError(
      'Nowhere to send the digest. Set SMTP_URL and MAIL_TO (e-mail; or SMTP_URL and a workspace\'s own recipients: `ecoute workspace --digest-to`) and/or DIGEST_WEBHOOK_URL (Slack/Teams webhook), or drop --send to print it.',
    );
  }
  const result: DeliveryResult = { email: 'skipped', webhook: 'skipped', errors: [] };
  if (wantsMail) {
    try {
      const transport = nodemailer.createTransport(targets.smtpUrl!);
      try {
        await transport.sendMail({ from: targets.mailFrom, to: targets.mailTo, subject: message.subject, text: message.text, html: message.html });
      } finally {
        transport.close();
      }
      result.email = 'sent';
    } catch (err) {
      result.email = 'failed';
      result.errors.push(`E-mail via ${redact(targets.smtpUrl!)} failed: ${(err as Error).message}. Check SMTP_URL and MAIL_TO.`);
    }
  }
  if (targets.webhookUrl) {
    try {
      const res = await fetchImpl(targets.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: message.text }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
      result.webhook = 'sent';
    } catch (err) {
      result.webhook = 'failed';
      result.errors.push(`Webhook ${redact(targets.webhookUrl)} failed: ${(err as Error).message}. Check DIGEST_WEBHOOK_URL.`);
    }
  }
  return result;
}

/** Hides credentials and webhook secrets (path tokens) from URLs shown in messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    if (u.pathname.length > 1) u.pathname = '/…';
    u.search = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
