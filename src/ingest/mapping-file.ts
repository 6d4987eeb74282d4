import { z } from 'zod';
import { InputError } from '../core/errors.ts';
import { CANONICAL_FIELDS, EMPLOYEE_FIELDS } from './header-aliases.ts';

const DATE_FORMATS = ['DD/MM/YYYY', 'MM/DD/YYYY', 'ISO'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const KEYS = ['kind', 'channel', 'brand', 'dateFormat', 'columns'] as const;

/** A `--map mapping.json` file: which header holds which canonical field, plus file-wide defaults. */
export const MappingSchema = z
  .object({
    kind: z.enum(['conversation', 'employee']).default('conversation'),
    channel: z.string().min(1).optional(),
    brand: z.string().min(1).optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    columns: z.record(z.string(), z.string().min(1)).default({}),
  })
  .strict();
export type Mapping = z.infer<typeof MappingSchema>;

/**
 * Validates a parsed mapping file. Errors name the offending key and list the valid ones, e.g.
 * `Mapping file: unknown column key "txt". Valid keys: conversationId, messageId, text, ...`.
 */
export function parseMapping(raw: unknown, fileName = 'mapping file'): Mapping {
  const result = MappingSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    let key = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') key = issue.keys.join(', ');
    throw new InputError(
      `${fileName}: invalid key "${key || '(root)'}": ${issue.message}. Valid top-level keys: ${KEYS.join(', ')}` +
        (key === 'dateFormat' ? `; dateFormat is one of ${DATE_FORMATS.join(', ')}` : '') +
        '. Fix the mapping file and run again.',
      { key },
    );
  }
  const mapping = result.data;
  const valid: readonly string[] = mapping.kind === 'employee' ? [...EMPLOYEE_FIELDS, 'items'] : CANONICAL_FIELDS;
  for (const key of Object.keys(mapping.columns)) {
    if (!valid.includes(key) && !(mapping.kind === 'employee' && /^item[:_]/.test(key))) {
      throw new InputError(
        `${fileName}: unknown column key "${key}" in "columns". Valid keys: ${valid.join(', ')}. Fix the mapping file and run again.`,
        { key },
      );
    }
  }
  return mapping;
}

/** Resolves mapping column names (header text) to indexes; a header that does not exist is an error. */
export function resolveMappedColumns(mapping: Mapping, headers: string[], fileName: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, header] of Object.entries(mapping.columns)) {
    let col = headers.indexOf(header);
    if (col < 0) col = headers.findIndex((h) => h.trim().toLowerCase() === header.trim().toLowerCase());
    if (col < 0) {
      throw new InputError(
        `${fileName}: the mapping says "${key}" is in column "${header}", but the file has no such header. Headers found: ${headers.map((h) => JSON.stringify(h)).join(', ')}. Fix "columns.${key}" in the mapping file.`,
        { key },
      );
    }
    out[key] = col;
  }
  return out;
}
