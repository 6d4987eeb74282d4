import { z } from 'zod';
import { parseDuration } from './duration.ts';
import { ConfigError } from './errors.ts';

const QUEUE_BATCH_HINT = 'ECOUTE_QUEUE_BATCH must be a whole number from 10 to 5000 (messages per analysis job)';

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
  /** HTTP: host names the server answers to besides localhost, IP addresses, the bound host and ECOUTE_PUBLIC_URL's ("*" = any). */
  allowedHosts: z.string().default('').transform((s) => s.split(',').map((h) => h.trim()).filter((h) => h))
    .refine((hs) => hs.every((h) => h === '*' || /^[a-z0-9.:[\]-]+$/i.test(h)), {
      error: 'ECOUTE_ALLOWED_HOSTS must be comma-separated host names such as "ecoute.example.com,ecoute.intra" (or "*")',
    }),
  /** PostgreSQL only: `ecoute ingest` enqueues analysis batches for `ecoute worker` processes instead of analysing in-process. */
  queue: z.enum(['0', '1', 'false', 'true'], { error: 'ECOUTE_QUEUE must be 1 (on) or 0 (off)' })
    .transform((v) => v === '1' || v === 'true').default(false),
  /** Messages per queued analysis job: smaller loses less work when a worker dies, larger costs fewer round trips. */
  queueBatch: z.coerce.number({ error: QUEUE_BATCH_HINT }).int({ error: QUEUE_BATCH_HINT })
    .min(10, { error: QUEUE_BATCH_HINT }).max(5000, { error: QUEUE_BATCH_HINT }).default(200),
  /** `ecoute worker`: how long a job may run before another worker takes it over (its worker presumed dead). */
  jobTimeout: z.string().trim().refine((s) => (parseDuration(s) ?? 0) >= 1000, {
    error: (iss) => `ECOUTE_JOB_TIMEOUT ${JSON.stringify(iss.input)} must be a duration of at least 1s, such as "30s" or "5m"`,
  }).default('5m'),
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
    allowedHosts: env.ECOUTE_ALLOWED_HOSTS || undefined,
    queue: env.ECOUTE_QUEUE || undefined,
    queueBatch: env.ECOUTE_QUEUE_BATCH || undefined,
    jobTimeout: env.ECOUTE_JOB_TIMEOUT || undefined,
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
