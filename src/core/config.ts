import { z } from 'zod';
import { parseDuration } from './duration.ts';
import { ConfigError } from './errors.ts';

/** Everything Écoute reads from its environment, parsed once at start-up (nothing else reads process.env). */
export const ConfigSchema = z.object({
  databaseUrl: z.string().default('sqlite:./ecoute.db'),
  port: z.coerce.number().int().min(1).max(65535).default(4870),
  host: z.string().default('127.0.0.1'),
  workspace: z.string().default('default'),
  /** Directory where reports are written by `ecoute demo` / `ecoute report --out`. */
  reportDir: z.string().default('./reports'),
  smtpUrl: z.string().optional(),
  mailFrom: z.string().default('ecoute@localhost'),
  mailTo: z.string().optional(),
  webhookUrl: z.string().optional(),
  /** Cron-like schedule for digests run by `ecoute serve`: "weekly" (Mondays 08:00) | "daily" | "off". */
  digestSchedule: z.enum(['off', 'daily', 'weekly']).default('off'),
  workers: z.coerce.number().int().min(0).default(0),
  /** Alert rules: how often `ecoute serve` checks spike rules, as a duration ("15m"), or "off". */
  spikeCheck: z.string().trim().refine((s) => s === 'off' || (parseDuration(s) ?? 0) >= 60_000, {
    error: (iss) => `ECOUTE_SPIKE_CHECK ${JSON.stringify(iss.input)} must be "off" or a duration of at least 1m, such as "15m" or "1h"`,
  }).default('15m'),
  /** The dashboard's address as people reach it, for links in alerts (e.g. https://ecoute.example.com). */
  publicUrl: z.url({ protocol: /^https?$/, error: 'ECOUTE_PUBLIC_URL must be an http(s) address such as https://ecoute.example.com' })
    .transform((u) => u.replace(/\/+$/, '')).optional(),
  /** Alert deliveries: most tries per destination (URL or address) per minute; 0 = no limit. */
  deliveryRateLimit: z.coerce.number().int().min(0).default(30),
  /** Alert deliveries: tries before a delivery is marked failed (backoff 1 min doubling up to 6 h). */
  deliveryMaxAttempts: z.coerce.number().int().min(1).max(50).default(10),
  /** HTTP API: largest request body, in MB. */
  maxBodyMb: z.coerce.number().positive().max(1024).default(10),
  /** HTTP API: requests per client address per minute; 0 = no limit. */
  rateLimit: z.coerce.number().int().min(0).default(600),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment (pass `process.env` from the shell). Throws ConfigError naming the variable to fix. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse({
    databaseUrl: env.DATABASE_URL || undefined,
    port: env.PORT || env.ECOUTE_PORT || undefined,
    host: env.ECOUTE_HOST || undefined,
    workspace: env.ECOUTE_WORKSPACE || undefined,
    reportDir: env.ECOUTE_REPORT_DIR || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    mailTo: env.MAIL_TO || undefined,
    webhookUrl: env.DIGEST_WEBHOOK_URL || undefined,
    digestSchedule: env.DIGEST_SCHEDULE || undefined,
    workers: env.ECOUTE_WORKERS || undefined,
    spikeCheck: env.ECOUTE_SPIKE_CHECK || undefined,
    publicUrl: env.ECOUTE_PUBLIC_URL || undefined,
    deliveryRateLimit: env.DELIVERY_RATE_LIMIT || undefined,
    deliveryMaxAttempts: env.DELIVERY_MAX_ATTEMPTS || undefined,
    maxBodyMb: env.ECOUTE_MAX_BODY_MB || undefined,
    rateLimit: env.ECOUTE_RATE_LIMIT || undefined,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(
      `Invalid configuration at "${issue.path.join('.')}": ${issue.message}. Fix the matching environment variable (see README, "Configuration").`,
    );
  }
  const url = result.data.databaseUrl;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(url)) {
    throw new ConfigError(
      `DATABASE_URL "${url}" is not supported. Use sqlite:./path.db (default) or postgres://user:pass@host:port/db.`,
    );
  }
  return result.data;
}
