import { z } from 'zod';
import { EMOTIONS, STAGES } from './labels.ts';

/** Workspace settings: language of digests and UI default, signature moments per stage, own brand. */
export const WorkspaceSettingsSchema = z.object({
  /** Digests, reports and the UI default; also the prior of language detection (analyzePending). */
  language: z.enum(['fr', 'en']).default('fr'),
  /** Desired emotion per journey stage ("signature moments", Body): the gap is shown on the journey map. */
  desiredEmotions: z.partialRecord(z.enum(STAGES), z.enum(EMOTIONS)).default({}),
  /**
   * The workspace's own brand, as tagged on imported records (compared case- and accent-insensitively).
   * Records of other brands (competitor reviews) only feed the competitor comparison. Optional: when
   * unset, untagged records are own, plus the brand if only one appears outside review channels.
   */
  brand: z.string().trim().min(1, 'brand must not be empty: leave it out to infer it from the data').max(200).optional(),
  /** ISO 4217 code of customer values (value at risk, high-value customers); EUR when unset. */
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code such as EUR, USD, GBP or CAD').optional(),
  /** Retention: conversations whose last message is older than this many months are deleted (`ecoute retention apply`); 0 or unset keeps everything. */
  retentionMonths: z.number().int('retention-months must be a whole number of months').min(0, 'retention-months must be 0 (keep forever) or more').max(1200).optional(),
  /**
   * Who receives this workspace's scheduled digest (DIGEST_SCHEDULE), by e-mail through SMTP_URL. Unset:
   * the default workspace (ECOUTE_WORKSPACE) falls back to MAIL_TO and DIGEST_WEBHOOK_URL; any other gets none.
   */
  digestTo: z.array(z.string().trim().email('digest-to must list e-mail addresses such as team@example.com')).max(50, 'digest-to takes at most 50 addresses').optional(),
  /** Close-the-loop targets: hours a case of each urgency may stay open before it is overdue (defaults: high 4, medium 48, low 168). */
  caseTargetHours: z.object({
    high: z.number().positive('case target hours must be more than 0').max(24 * 365).optional(),
    medium: z.number().positive('case target hours must be more than 0').max(24 * 365).optional(),
    low: z.number().positive('case target hours must be more than 0').max(24 * 365).optional(),
  }).optional(),
});

/** The currency customer values are shown in when the workspace sets none. */
export const DEFAULT_CURRENCY = 'EUR';
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;

export const WorkspaceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  settings: WorkspaceSettingsSchema,
  createdAt: z.date(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

/** The workspace used when none is named (single-tenant installs). */
export const DEFAULT_WORKSPACE_ID = 'default';
