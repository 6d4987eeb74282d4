/**
 * The coach's input contract, shared by the CLI (one JSON line per reply) and the HTTP route, so
 * both accept and reject exactly the same things with the same explanation.
 */
import { z } from 'zod';
import type { CoachInput } from './coach-model.ts';

/** Longest customer message or reply accepted (characters), as for POST /api/analyze. */
export const MAX_TEXT = 20_000;

/** One reply to coach: `{id?, customer, reply, lang?}`. */
export const CoachItemSchema = z.object({
  id: z.union([z.string(), z.number(), z.null()]).optional(),
  customer: z.string().trim().min(1).max(MAX_TEXT),
  reply: z.string().trim().min(1).max(MAX_TEXT),
  lang: z.enum(['fr', 'en']).optional(),
});

/** The shape every error message reminds the user of. */
export const ITEM_SHAPE = '{"id", "customer", "reply", "lang"?: "fr"|"en"}';

/** A readable reason for the first problem of an item ("missing \"reply\"", "\"lang\" must be fr or en"). */
export function describeItemProblem(error: z.ZodError, input: unknown): string {
  const issue = error.issues[0];
  const field = String(issue.path[issue.path.length - 1] ?? 'item');
  const given = input && typeof input === 'object' ? (input as Record<string, unknown>)[field] : undefined;
  if (field === 'item') return `expected a JSON object ${ITEM_SHAPE}`;
  if (given === undefined) return `missing "${field}"`;
  if (field === 'lang') return '"lang" must be "fr" or "en" (or left out to detect it)';
  if (field === 'id') return '"id" must be a string, a number or null';
  if (typeof given !== 'string') return `"${field}" must be a string`;
  return given.trim() === '' ? `"${field}" is empty` : `"${field}" is longer than ${MAX_TEXT} characters`;
}

/** Validated input, with `id` defaulting to null. */
export type ParsedItem = { ok: true; item: CoachInput } | { ok: false; id?: unknown; problem: string };

/** Validates one item of unknown shape. */
export function parseCoachItem(input: unknown): ParsedItem {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, problem: `expected a JSON object ${ITEM_SHAPE}` };
  const parsed = CoachItemSchema.safeParse(input);
  if (!parsed.success) return { ok: false, id: (input as Record<string, unknown>).id, problem: describeItemProblem(parsed.error, input) };
  const { id, customer, reply, lang } = parsed.data;
  return { ok: true, item: { id: id ?? null, customer, reply, ...(lang ? { lang } : {}) } };
}
