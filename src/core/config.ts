import { z } from 'zod';
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
