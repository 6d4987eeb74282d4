/**
 * The OpenAPI description of ingestion over HTTP (ingest-route.ts) and label corrections
 * (correction-routes.ts), spread into openapi.ts so that file stays one document.
 */
import { CORRECTION_FIELDS } from '../core/correction.ts';
import { MAX_INGEST_BYTES, MAX_INGEST_RECORDS } from './ingest-route.ts';
import { errorRef, json } from './openapi-parts.ts';

const idParam = { name: 'id', in: 'path', required: true, description: 'Message id (messageId in the listening station)', schema: { type: 'string' } };
const time = { type: 'string', format: 'date-time' };
const valueSchema = { description: 'A list of labels (emotions, needs, themes), one label (stage, urgency, sentiment; null: no stage) or a boolean (churn, vulnerable)' };
const correction = {
  type: 'object',
  properties: { messageId: { type: 'string' }, field: { type: 'string', enum: [...CORRECTION_FIELDS] }, value: valueSchema, actor: { type: 'string' }, at: time },
};
const ingestResult = {
  type: 'object',
  required: ['inserted', 'updated', 'skipped', 'analysed', 'errors'],
  properties: {
    inserted: { type: 'integer', description: 'Conversations newly stored' },
    updated: { type: 'integer', description: 'Conversations stored before that gained messages or scores' },
    skipped: { type: 'integer', description: 'Conversations stored already with nothing new (a re-post adds nothing)' },
    analysed: { type: 'integer', description: 'Customer messages analysed in this request (alert rules ran on them)' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { index: { type: ['integer', 'null'], description: 'Position of the record in the request (null: a whole conversation)' }, message: { type: 'string' } } },
    },
  },
};

/** `post` of /api/messages: pushing conversations as they happen. */
export const ingestPost = {
  summary: 'Push conversations (helpdesk webhook, script): stored, analysed, alert rules run',
  description: `Body: one record, an array of records, or {"records": [...]}, with the fields of a JSON/JSONL file for \`ecoute ingest\` (text, date, conversation_id, role, author, customer_id, channel, nps, csat, ces..., or a thread with "messages"). At most ${MAX_INGEST_RECORDS} records and ${MAX_INGEST_BYTES} bytes. Re-posting the same records adds nothing (natural key: source + conversation id). With an Idempotency-Key, an exact replay gets the first answer (200); the key with another body is refused (422).`,
  tags: ['messages'],
  parameters: [
    { name: 'source', in: 'query', required: false, description: 'Source name, part of every natural key (default "api")', schema: { type: 'string', maxLength: 100 } },
    { name: 'Idempotency-Key', in: 'header', required: false, description: 'Names this batch: a replay gets the first answer', schema: { type: 'string', maxLength: 200 } },
  ],
  requestBody: { required: true, content: { 'application/json': { schema: { oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }] } } } },
  responses: {
    201: json('Stored (and analysed when the server has a model); bad records are listed in errors, the good ones kept', ingestResult),
    200: json('A replay of an Idempotency-Key: the first answer', ingestResult),
    400: errorRef,
    413: errorRef,
    422: json('No record could be stored (see errors), or an Idempotency-Key reused with another body (error body)', ingestResult),
  },
};

export const correctionApiPaths = {
  '/api/messages/{id}/corrections': {
    get: {
      summary: 'Corrections of a message: the latest per field, and every one made',
      tags: ['messages'],
      parameters: [idParam],
      responses: {
        200: json('Corrections', { type: 'object', properties: { corrections: { type: 'array', items: correction }, history: { type: 'array', items: correction, description: 'Newest first' } } }),
        404: errorRef,
      },
    },
    put: {
      summary: 'Correct a finding of a customer message (shown instead of the model’s, exported for training)',
      tags: ['messages'],
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['field', 'value'],
              properties: { field: { type: 'string', enum: [...CORRECTION_FIELDS, 'emotion'] }, value: valueSchema, actor: { type: 'string', maxLength: 200, description: 'Who corrects (default "api")' } },
            },
          },
        },
      },
      responses: { 201: json('Stored', { type: 'object', properties: { correction } }), 400: errorRef, 404: errorRef, 422: errorRef },
    },
  },
};
