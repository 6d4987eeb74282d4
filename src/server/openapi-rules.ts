/**
 * The OpenAPI description of the alert-rule routes (rule-routes.ts), spread into openapi.ts so that file
 * stays one document without growing a section per feature. The rule schema is written from the same
 * label lists the validator uses.
 */
import { CSAT_BANDS, NPS_BANDS, WEBHOOK_FORMATS } from '../core/alert-rule.ts';
import { CHANNELS, EMOTIONS, NEEDS, STAGES, THEMES, URGENCIES } from '../core/labels.ts';
import { body, errorRef, idParam, json, query, ref } from './openapi-parts.ts';

/** One label or a list of them (any of which matches). */
const oneOrMany = (values: readonly string[]) => {
  const item = { type: 'string', enum: [...values] };
  return { oneOf: [item, { type: 'array', items: item, minItems: 1 }] };
};
const duration = { type: 'string', pattern: '^(0|\\d{1,6}\\s*(s|m|h|d|w))$', examples: ['30m', '24h', '7d'] };
const time = { type: 'string', format: 'date-time' };
const rules = (schema: Record<string, unknown>) => ({ type: 'object', required: ['rules'], properties: { rules: { type: 'array', items: schema } } });

export const ruleApiPaths = {
  '/api/rules': {
    get: {
      summary: 'Alert rules: the current version of each, least recently changed first',
      tags: ['act'],
      parameters: [query('all', 'true: removed rules too', { type: 'string', enum: ['true', 'false'] })],
      responses: { 200: json('{rules: Rule[]}', rules(ref('Rule'))), 400: errorRef },
    },
    post: {
      summary: 'Add a rule (version 1). Invalid rules are a 422 whose message names each field and the fix',
      tags: ['act'],
      requestBody: body(ref('RuleDefinition')),
      responses: { 201: json('{rule: Rule}'), 400: errorRef, 422: errorRef },
    },
  },
  '/api/rules/test': {
    post: {
      summary: 'Which past messages a rule would have matched (spike rules: the windows in which it would have fired); writes and sends nothing',
      tags: ['act'],
      requestBody: body({
        type: 'object',
        description: 'Exactly one of `rule` (a definition, e.g. before adding it) and `id` (a stored rule).',
        properties: {
          rule: ref('RuleDefinition'), id: { type: 'string' }, since: time, until: time,
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 }, lang: { type: 'string', enum: ['fr', 'en'] },
        },
      }),
      responses: {
        200: json('The most recent matches (newest first) with the reasons, counts of messages scanned and matched, and how many alerts the dedupe window would have let through', {
          type: 'object',
          properties: {
            name: { type: 'string' }, kind: { type: 'string', enum: ['message', 'spike'] }, since: { type: ['string', 'null'], format: 'date-time' }, until: time,
            scanned: { type: 'integer' }, matched: { type: 'integer' }, alerts: { type: 'integer' },
            matches: { type: 'array', items: { type: 'object', properties: { messageId: { type: 'string' }, at: time, channel: { type: 'string' }, customer: { type: ['string', 'null'] }, text: { type: 'string' }, reasons: { type: 'array', items: { type: 'string' } }, wouldAlert: { type: 'boolean' } } } },
            spikes: { type: 'array', items: { type: 'object', properties: { windowStart: time, windowEnd: time, count: { type: 'integer' }, baseline: { type: 'number' }, ratio: { type: 'number' } } } },
          },
        }),
        400: errorRef, 404: errorRef, 422: errorRef,
      },
    },
  },
  '/api/rules/{id}': {
    get: {
      summary: 'A rule with every version, newest first',
      tags: ['act'],
      parameters: [idParam('Rule id (from GET /api/rules)')],
      responses: { 200: json('{rule: Rule, versions: Rule[]}'), 404: errorRef },
    },
    put: {
      summary: 'Change a rule: writes the next version and retires the previous one (alerts keep naming the version that raised them)',
      tags: ['act'],
      parameters: [idParam('Rule id')],
      requestBody: body(ref('RuleDefinition')),
      responses: { 200: json('{rule: Rule}'), 400: errorRef, 404: errorRef, 422: errorRef },
    },
    delete: {
      summary: 'Remove (retire) a rule; its alerts are kept',
      tags: ['act'],
      parameters: [idParam('Rule id')],
      responses: { 200: json('{rule: Rule} (active: false)'), 404: errorRef },
    },
  },
  '/api/alerts': {
    get: {
      summary: 'Alerts raised by rules (kind "rule") and spike rules (kind "spike"), newest first, in the workspace language',
      tags: ['act'],
      parameters: [
        query('rule', 'Only the alerts of this rule'),
        query('unacknowledged', 'true: only alerts not acknowledged yet', { type: 'string', enum: ['true', 'false'] }),
        query('limit', 'At most this many', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }),
      ],
      responses: { 200: json('{alerts: Alert[]}', { type: 'object', properties: { alerts: { type: 'array', items: ref('Alert') } } }), 400: errorRef },
    },
  },
  '/api/alerts/{id}/ack': {
    post: {
      summary: 'Acknowledge an alert (idempotent)',
      tags: ['act'],
      parameters: [idParam('Alert id')],
      responses: { 200: json('{alert: Alert}'), 404: errorRef },
    },
  },
};

export const ruleApiSchemas = {
  RuleDefinition: {
    type: 'object',
    required: ['name', 'conditions'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      description: { type: 'string', maxLength: 2000 },
      conditions: {
        type: 'object',
        description: 'Every condition given must hold (at least one); a list means any of its values.',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          emotion: oneOrMany(EMOTIONS), need: oneOrMany(NEEDS), theme: oneOrMany(THEMES), stage: oneOrMany(STAGES), channel: oneOrMany(CHANNELS),
          language: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'ISO 639-1 codes, e.g. "fr"' },
          churn: { const: true }, vulnerable: { const: true },
          urgency: { type: 'string', enum: [...URGENCIES], description: 'At least this urgency' },
          npsBand: oneOrMany(NPS_BANDS), csatBand: oneOrMany(CSAT_BANDS),
          customerValueAtLeast: { type: 'number', minimum: 0, description: 'Annual customer value, workspace currency' },
          brand: { type: 'string', enum: ['own', 'competitor'] },
          spike: {
            type: 'object',
            required: ['kind', 'label'],
            description: 'Makes it a spike rule, checked on a schedule: the label counted over `window` reaches `minCount` and `factor` × the mean of the `baselineWindows` windows before.',
            properties: {
              kind: { type: 'string', enum: ['theme', 'emotion'] }, label: { type: 'string' },
              factor: { type: 'number', minimum: 1, default: 3 }, minCount: { type: 'integer', minimum: 1, default: 5 },
              window: { ...duration, default: '24h' }, baselineWindows: { type: 'integer', minimum: 1, maximum: 365, default: 7 },
            },
          },
        },
      },
      actions: {
        type: 'array',
        maxItems: 20,
        default: [],
        items: {
          oneOf: [
            { type: 'object', required: ['type'], properties: { type: { const: 'case' }, priority: { type: 'string', enum: [...URGENCIES] }, owner: { type: 'string' }, team: { type: 'string' } } },
            { type: 'object', required: ['type', 'to'], properties: { type: { const: 'email' }, to: { type: 'string', format: 'email' } } },
            { type: 'object', required: ['type', 'url'], properties: { type: { const: 'webhook' }, url: { type: 'string', format: 'uri' }, format: { type: 'string', enum: [...WEBHOOK_FORMATS], default: 'json' } } },
          ],
        },
      },
      dedupeWindow: { ...duration, default: '24h', description: 'At most one alert per rule and customer within this window; "0": every match' },
    },
  },
  Rule: {
    type: 'object',
    properties: {
      id: { type: 'string' }, workspaceId: { type: 'string' }, version: { type: 'integer' }, name: { type: 'string' },
      definition: ref('RuleDefinition'), active: { type: 'boolean' }, createdAt: time, createdBy: { type: 'string' },
    },
  },
  Alert: {
    type: 'object',
    properties: {
      id: { type: 'string' }, workspaceId: { type: 'string' }, kind: { type: 'string' }, message: { type: 'string' },
      payload: { type: 'object', description: 'The alert event: rule, message, customer, analysis, reasons, spike, link' },
      createdAt: time, acknowledged: { type: 'boolean' }, ruleId: { type: ['string', 'null'] }, ruleVersion: { type: ['integer', 'null'] },
      messageId: { type: ['string', 'null'] }, customerId: { type: ['string', 'null'] }, dedupeKey: { type: ['string', 'null'] },
    },
  },
};
