/**
 * The building blocks every part of the OpenAPI document uses (openapi.ts and its openapi-*.ts
 * sections): JSON answers, request bodies, path and query parameters, the shared error answer.
 */
import { CHANNELS } from '../core/labels.ts';
import { PERIOD_PRESETS } from '../insights/filter-input.ts';
import { MAX_FILTER_TEXT } from './insight-filter-params.ts';

/** The shared error answer `{error: {code, message}}` (components.responses.Error). */
export const errorRef = { $ref: '#/components/responses/Error' };

/** A JSON answer with its description (an object unless a schema is given). */
export const json = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A reference to a schema of components.schemas. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A required JSON request body. */
export const body = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } });

/** The `:id` path parameter. */
export const idParam = (description: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string' } });

/** An optional query parameter (a string unless a schema is given). */
export const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });

/** What each of the dashboard's shared filter parameters selects on one route (its description there). */
export type SharedFilterDescriptions = Record<'period' | 'from' | 'to' | 'team' | 'segment' | 'channel' | 'brand' | 'language', string>;

/**
 * The dashboard's shared filter (insight-filter-params.ts) as query parameters: one set of schemas for
 * every route that takes it, since one parser checks them all; each route says what they select there.
 */
export const sharedFilterParams = (d: SharedFilterDescriptions) => [
  query('period', d.period, { type: 'string', enum: [...PERIOD_PRESETS] }),
  query('from', d.from, { type: 'string', format: 'date' }),
  query('to', d.to, { type: 'string', format: 'date' }),
  query('team', d.team, { type: 'string', maxLength: MAX_FILTER_TEXT }),
  query('segment', d.segment, { type: 'string', maxLength: MAX_FILTER_TEXT }),
  query('channel', d.channel, { type: 'string', enum: [...CHANNELS] }),
  query('brand', d.brand, { type: 'string', maxLength: MAX_FILTER_TEXT }),
  query('language', d.language, { type: 'string', pattern: '^[a-z]{2,3}$' }),
];
