import { z } from 'zod';
import { EMOTIONS, STAGES } from './labels.ts';

/** Workspace settings: language of digests and UI default, signature moments per stage. */
export const WorkspaceSettingsSchema = z.object({
  language: z.enum(['fr', 'en']).default('fr'),
  /** Desired emotion per journey stage ("signature moments", Body): the gap is shown on the journey map. */
  desiredEmotions: z.partialRecord(z.enum(STAGES), z.enum(EMOTIONS)).default({}),
});
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
