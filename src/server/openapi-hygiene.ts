/**
 * The OpenAPI description of the data-hygiene routes (hygiene-routes.ts): imports and their undo,
 * customer erasure, the retention period. Spread into openapi.ts.
 */
import { body, errorRef, idParam, json, query } from './openapi-parts.ts';
import { MAX_RETENTION_MONTHS } from './hygiene-routes.ts';

const count = { type: 'integer', minimum: 0 };
const removed = {
  type: 'object',
  description: 'Rows removed, per kind',
  properties: {
    conversations: count, messages: count, analyses: count, surveyAnswers: count, employeeAnswers: count, customers: count, cases: count, alerts: count,
  },
};
const importListing = {
  type: 'object',
  properties: {
    id: { type: 'string' }, importedAt: { type: 'string', format: 'date-time' }, sourceName: { type: 'string' }, fileName: { type: 'string' },
    sha256: { type: 'string' }, records: count,
    recordsAdded: { type: ['integer', 'null'], description: 'null for imports made before Écoute recorded what each adds (they cannot be undone)' },
    messagesAdded: { type: ['integer', 'null'] }, finished: { type: 'boolean' },
  },
};
const months = { type: 'object', required: ['months'], properties: { months: { type: 'integer', minimum: 0, maximum: MAX_RETENTION_MONTHS, description: '0 keeps everything' } } };
const ADMINS = 'Admins only (erase-data); audited with the caller as actor.';

export const hygieneApiPaths = {
  '/api/imports': {
    get: {
      summary: 'Every import of the workspace, oldest first: file, source, SHA-256, records in the file, records and messages it added',
      description: 'Admins and analysts (ingest).',
      tags: ['hygiene'],
      responses: { 200: json('{imports: Import[]}', { type: 'object', properties: { imports: { type: 'array', items: importListing } } }) },
    },
  },
  '/api/imports/{id}': {
    delete: {
      summary: 'Undo an import: delete exactly what it added (its conversations with messages, analyses, survey answers and cases; replies it appended to older threads; customers nothing else names)',
      description: `Records that existed before it are kept, and the file can be imported again. Invalidates the insights cache. ${ADMINS}`,
      tags: ['hygiene'],
      parameters: [idParam('Import id (GET /api/imports)')],
      responses: { 200: json('{import, removed}', { type: 'object', properties: { import: importListing, removed } }), 403: errorRef, 404: errorRef, 422: errorRef },
    },
  },
  '/api/customers/{id}': {
    delete: {
      summary: 'Erase a customer everywhere (right to erasure): conversations, messages, analyses, corrections, survey scores, cases and alerts, and the customer',
      description: `id: the customer's public id ("c_…", as messages, the risk list, cases and alerts give it) or the customer id of your source system, URL-encoded (an e-mail address is accepted: it is pseudonymised as imports store it); never a sequential number. The audit line keeps the id only as a SHA-256 prefix. 404 when nothing about the id is stored (the request is still audited). ${ADMINS}`,
      tags: ['hygiene'],
      parameters: [idParam('Public customer id (c_…), customer id of the source system, or e-mail address')],
      responses: { 200: json('{removed}', { type: 'object', properties: { removed } }), 400: errorRef, 403: errorRef, 404: errorRef },
    },
  },
  '/api/retention': {
    get: {
      summary: 'The retention period: conversations whose last message is older than this many months are deleted when retention is applied (0 keeps everything)',
      tags: ['hygiene'],
      responses: { 200: json('{months}', months) },
    },
    put: {
      summary: 'Set the retention period in months (0 keeps everything)',
      description: `Deletes nothing by itself: POST /api/retention/apply, or ecoute serve before each scheduled digest. ${ADMINS}`,
      tags: ['hygiene'],
      requestBody: body({ ...months, additionalProperties: false }),
      responses: { 200: json('{months}', months), 400: errorRef, 403: errorRef },
    },
  },
  '/api/retention/apply': {
    post: {
      summary: 'Apply the retention period now: delete conversations whose last message is older than it, with everything attached',
      description: `dryRun=true counts what would go and deletes nothing. 422 when the workspace has no retention period. ${ADMINS}`,
      tags: ['hygiene'],
      parameters: [query('dryRun', 'true: count, delete nothing', { type: 'string', enum: ['true', 'false'] })],
      responses: {
        200: json('{months, cutoff, dryRun, removed}', { type: 'object', properties: { months: count, cutoff: { type: 'string', format: 'date-time' }, dryRun: { type: 'boolean' }, removed } }),
        400: errorRef, 403: errorRef, 422: errorRef,
      },
    },
  },
};
