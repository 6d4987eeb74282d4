/**
 * The OpenAPI description of the close-the-loop routes (case-routes.ts), spread into openapi.ts so that
 * file stays one document without growing a section per feature.
 */
import { CASE_PRIORITIES, CASE_STATUSES, ROOT_CAUSE_STATUSES } from '../core/act.ts';
import { body, errorRef, idParam, json, query, ref, sharedFilterParams } from './openapi-parts.ts';

const nullableText = { type: ['string', 'null'] };
const time = { type: 'string', format: 'date-time' };
const nullableTime = { type: ['string', 'null'], format: 'date-time' };

/** The dashboard's shared filter as the case routes read it (same names, values and 400s as the insight views). */
const caseScopeParams = sharedFilterParams({
  period: "Relative period of the case's opened date, resolved against the server clock (UTC); not with from/to",
  from: 'Opened on or after this UTC day (YYYY-MM-DD)',
  to: 'Opened on or before this UTC day (YYYY-MM-DD, included)',
  team: "The case's team (it follows reassignment)",
  segment: 'Segment of the customer of the message that raised the case',
  channel: 'Channel of the message that raised the case',
  brand: 'Brand of the message that raised the case',
  language: 'Language of the message that raised the case (ISO 639: fr, en...)',
});

export const caseApiPaths = {
  '/api/cases': {
    get: {
      summary: 'Close-the-loop cases, newest first',
      tags: ['act'],
      parameters: [
        query('status', 'Case status', { type: 'string', enum: [...CASE_STATUSES] }),
        query('owner', 'Owner'),
        query('overdue', 'true: only cases past due and not resolved or closed', { type: 'string', enum: ['true', 'false'] }),
        query('rootCause', 'Root cause id'),
        query('customer', 'Customer id'),
        query('limit', 'At most this many', { type: 'integer', minimum: 1, maximum: 1000, default: 200 }),
        ...caseScopeParams,
      ],
      responses: { 200: json('{cases: Case[]}', { type: 'object', properties: { cases: { type: 'array', items: ref('Case') } } }), 400: errorRef },
    },
    post: {
      summary: 'Open a case by hand: from a message (customer, conversation, team and urgency come from it) or with a title',
      description: 'The due time follows the urgency of the message and the workspace targets (caseTargetHours; defaults high 4 h, medium 2 days, low 7 days). Never invalidates the insights cache. A messageId, customerId (the "c_…" id of GET /api/messages) or conversationId (also from GET /api/messages) the workspace does not hold is a 404 and writes nothing.',
      tags: ['act'],
      requestBody: body(ref('OpenCase')),
      responses: { 201: json('The new case', ref('Case')), 400: errorRef, 404: errorRef, 422: errorRef },
    },
  },
  '/api/cases/figures': {
    get: {
      summary: "Act's figures: time to first response and to close, overdue share, reopen rate, recovery; overall, per team, per root cause",
      description: 'Each figure has the count it rests on and is null below minCases. Recovery compares the next sentiment score (−1…1) of customers after a closed case with that of comparable customers (a negative message, no case).',
      tags: ['act'],
      parameters: caseScopeParams,
      responses: { 200: json('{overall, byTeam: [{team, figures}], byRootCause: [{rootCauseId, key, title, figures}], minCases}; of the cases in the filter when one is given'), 400: errorRef },
    },
  },
  '/api/cases/{id}': {
    get: {
      summary: 'One case: its events and notes, the message that raised it, the customer’s whole history, its root cause, and what to say',
      tags: ['act'],
      parameters: [idParam('Case id'), query('lang', 'Language of the brief (default: the workspace language)', { type: 'string', enum: ['fr', 'en'] })],
      responses: {
        200: json('{case, events, message, history, rootCause, next: the statuses it may move to, brief: {emotion, need, reason, urgency, steps}}', {
          type: 'object', properties: { case: ref('Case'), events: { type: 'array', items: ref('CaseEvent') }, message: { type: ['object', 'null'] }, history: { type: 'array' }, rootCause: { type: ['object', 'null'] }, brief: { type: 'object' } },
        }),
        400: errorRef, 404: errorRef,
      },
    },
    patch: {
      summary: 'Move, assign, re-date, re-team or link a case (one event per change)',
      description: 'Moves: open → in_progress | waiting_customer | resolved | closed; in_progress → waiting_customer | resolved | closed; waiting_customer → in_progress | resolved | closed; resolved → closed | open; closed → open. Back to open is a reopening (reopenCount + 1). Another move is a 422 naming the allowed ones. rootCauseId null unlinks.',
      tags: ['act'],
      parameters: [idParam('Case id')],
      requestBody: body(ref('UpdateCase')),
      responses: { 200: json('The case', ref('Case')), 400: errorRef, 404: errorRef, 422: errorRef },
    },
  },
  '/api/cases/{id}/notes': {
    post: {
      summary: 'Add a note to a case (a person’s first note is its first response)',
      tags: ['act'],
      parameters: [idParam('Case id')],
      requestBody: body({ type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: 10000 }, actor: { type: 'string' } } }),
      responses: { 201: json('The note', ref('CaseEvent')), 400: errorRef, 404: errorRef, 422: errorRef },
    },
  },
  '/api/root-causes': {
    get: {
      summary: 'Root causes (the outer loop) with their case counts, most cases first',
      tags: ['act'],
      responses: { 200: json('{rootCauses: [RootCause & {cases, openCases}]}') },
    },
    post: {
      summary: 'Find or create the root cause of a theme (key: a theme code or discovered theme)',
      tags: ['act'],
      requestBody: body({ type: 'object', required: ['key'], additionalProperties: false, properties: { key: { type: 'string' }, title: { type: 'string' }, owner: { type: 'string' } } }),
      responses: { 200: json('The root cause', ref('RootCause')), 400: errorRef, 422: errorRef },
    },
  },
  '/api/root-causes/{id}': {
    patch: {
      summary: 'Change a root cause’s owner, status or title',
      tags: ['act'],
      parameters: [idParam('Root cause id')],
      requestBody: body({ type: 'object', additionalProperties: false, properties: { owner: nullableText, status: { type: 'string', enum: [...ROOT_CAUSE_STATUSES] }, title: { type: 'string' } } }),
      responses: { 200: json('The root cause', ref('RootCause')), 400: errorRef, 404: errorRef },
    },
  },
} as const;

export const caseApiSchemas = {
  Case: {
    type: 'object',
    properties: {
      id: { type: 'string' }, title: { type: 'string' }, status: { type: 'string', enum: [...CASE_STATUSES] },
      owner: nullableText, team: nullableText, priority: { type: 'string', enum: [...CASE_PRIORITIES] },
      urgency: { type: ['string', 'null'], enum: [...CASE_PRIORITIES, null] }, dueAt: nullableTime,
      messageId: nullableText, alertId: nullableText, conversationId: nullableText, customerId: nullableText, rootCauseId: nullableText,
      firstResponseAt: nullableTime, resolvedAt: nullableTime, closedAt: nullableTime, reopenCount: { type: 'integer', minimum: 0 },
      createdAt: time, updatedAt: time,
    },
  },
  CaseEvent: {
    type: 'object',
    properties: {
      id: { type: 'string' }, caseId: { type: 'string' }, at: time, actor: { type: 'string' },
      kind: { type: 'string', enum: ['created', 'assigned', 'status', 'note', 'linked', 'unlinked', 'due', 'team'] },
      fromStatus: nullableText, toStatus: nullableText, text: nullableText,
    },
  },
  RootCause: {
    type: 'object',
    properties: {
      id: { type: 'string' }, key: { type: 'string' }, title: { type: 'string' }, owner: nullableText,
      status: { type: 'string', enum: [...ROOT_CAUSE_STATUSES] }, createdAt: time, updatedAt: time,
    },
  },
  OpenCase: {
    type: 'object',
    additionalProperties: false,
    properties: {
      messageId: { type: 'string', pattern: '^\\d{1,15}$' }, title: { type: 'string', maxLength: 300 }, owner: nullableText, team: nullableText,
      priority: { type: 'string', enum: [...CASE_PRIORITIES] }, dueAt: time, customerId: nullableText, conversationId: nullableText,
      actor: { type: 'string', description: 'Who opens it (default "api")' },
    },
  },
  UpdateCase: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { type: 'string', enum: [...CASE_STATUSES] }, owner: nullableText, team: nullableText, dueAt: nullableTime,
      rootCauseId: nullableText, actor: { type: 'string', description: 'Who acts (default "api")' },
    },
  },
} as const;
