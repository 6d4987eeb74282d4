import { CHANNELS, EMOTIONS, NEEDS, STAGES, THEMES } from '../core/labels.ts';
import { QUESTIONS } from '../learn/maturity/question-bank.ts';
import { EMPATHY_FLOOR, STAGE_CUTOFFS, STAGES as MATURITY_STAGES } from '../learn/maturity/score-assessment.ts';
import { accountApiPaths } from './openapi-accounts.ts';
import { caseApiPaths, caseApiSchemas } from './openapi-cases.ts';
import { ruleApiPaths, ruleApiSchemas } from './openapi-rules.ts';
import { correctionApiPaths, ingestPost } from './openapi-ingest.ts';
import { learnApiPaths } from './openapi-learn.ts';
import { drillApiPaths } from './openapi-drills.ts';
import { hygieneApiPaths } from './openapi-hygiene.ts';
import { workspaceApiPaths } from './openapi-workspaces.ts';
import { DELIVERY_STATUSES } from '../core/delivery.ts';
import { DEFAULT_DELIVERY_LIMIT, MAX_DELIVERY_LIMIT } from './delivery-routes.ts';
import { DEFAULT_PAGE_SIZE, MAX_FILTER_TEXT, MAX_PAGE_SIZE } from './query-params.ts';
import { errorRef, json, sharedFilterParams } from './openapi-parts.ts';

/**
 * The OpenAPI 3.1 description of Écoute's HTTP API, written as data (served at GET /api/openapi.json).
 * A test checks that every route the app registers is listed here, so the document cannot drift.
 */

const enumParam = (name: string, values: readonly string[], description: string) => ({
  name, in: 'query', required: false, description, schema: { type: 'string', enum: [...values] },
});
const textParam = (name: string, description: string) => ({
  name, in: 'query', required: false, description, schema: { type: 'string', maxLength: MAX_FILTER_TEXT },
});

/** A read-only insights view: GET returning a slice of the cached insights. */
const insightsView = (summary: string, description: string) => ({
  get: {
    summary,
    description: `${description} Computed from all data, cached until the data changes.`,
    tags: ['insights'],
    responses: { 200: json(summary), 500: errorRef },
  },
});

/** The dashboard's filter (insight-filter-params.ts): every insight view and the listening station take it. */
const insightFilterParams = sharedFilterParams({
  period: 'Relative period, resolved against the server clock (UTC); not with from/to',
  from: 'Custom range start, a UTC day (YYYY-MM-DD, included)',
  to: 'Custom range end, a UTC day (YYYY-MM-DD, included)',
  team: 'Team',
  segment: 'Customer segment',
  channel: 'Channel',
  brand: 'Brand: its figures are reported, a competitor included',
  language: 'ISO 639 code (fr, en...)',
});

/** An insights view that takes the dashboard's filter (computed on the filtered data, the last 16 filters cached). */
const filteredView = (summary: string, description: string) => ({
  get: {
    ...insightsView(summary, description).get,
    description: `${description} Computed from all data, or from the data matching the filter; cached until the data changes. With \`Cache-Control: max-stale=N\`, while a recomputation runs the last figures (at most N seconds old) are answered at once, marked \`X-Ecoute-Insights-Stale: 1\`; \`X-Ecoute-Insights-As-Of\` says when they were computed.`,
    parameters: [...insightFilterParams, { name: 'cache-control', in: 'header', required: false, description: 'max-stale=N accepts the last figures, at most N seconds old, while newer ones compute', schema: { type: 'string' } }],
    responses: { 200: json(summary), 400: errorRef, 500: errorRef },
  },
});

/** GET /api/ex-cx: the dashboard's filter, one computation per data version and filter (no max-stale). */
const exCxView = (summary: string, description: string) => ({
  get: { ...insightsView(summary, description).get, parameters: insightFilterParams, responses: { 200: json(summary), 400: errorRef, 500: errorRef } },
});

/** The API's OpenAPI 3.1 description, served at GET /api/openapi.json. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Écoute API',
    version: '0.1.0',
    description:
      'Customer-empathy insights: scores, journey emotions, themes and drivers, personas, customers at risk, competitors, spikes, and the listening station. Label values are stable English codes; GET /api/i18n gives their French and English names.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/health': {
      get: {
        summary: 'Liveness and configuration check',
        tags: ['system'],
        responses: {
          200: json('Server is up', {
            type: 'object',
            required: ['status'],
            properties: { status: { const: 'ok' }, workspace: { type: 'string' }, model: { type: 'boolean' }, dialect: { type: 'string' } },
          }),
        },
      },
    },
    '/api/openapi.json': {
      get: { summary: 'This document', tags: ['system'], responses: { 200: json('OpenAPI 3.1 document') } },
    },
    '/api/i18n': {
      get: {
        summary: 'French and English names of every label',
        tags: ['system'],
        responses: { 200: json('Label names per language: {fr: {...}, en: {...}}') },
      },
    },
    '/api/overview': filteredView('Overview', 'NPS, CSAT, CES with 95% intervals and n, weekly trend, what to fix first (drivers by impact), top pains, spikes, journey headline.'),
    '/api/journey': filteredView('Journey emotion map', 'Stage × emotion counts and shares, dominant emotion, top reasons and gap to the desired emotion per stage.'),
    '/api/themes': filteredView('Themes and drivers', 'Theme volumes, weekly trends and verbatims; driver effect sizes with intervals; discovered themes.'),
    '/api/personas': filteredView('Personas', 'Data-driven personas with size, goals, frustrations and quotes.'),
    '/api/risk': filteredView('Customers at risk', 'Customers scoring above the risk threshold with reasons and value, and the total value at risk (in `currency`, ISO 4217).'),
    '/api/competitors': filteredView('Competitors', 'Side-by-side profile of every brand (stars, CSAT, NPS, sentiment, themes, emotions).'),
    '/api/spikes': filteredView('Spikes', 'Weekly theme and emotion counts significantly above their baseline (Poisson test).'),
    '/api/filter-options': {
      get: {
        summary: 'Values the dashboard filter bar offers',
        tags: ['insights'],
        responses: { 200: json('Teams, segments, channels, brands and languages found in the data, most frequent first') },
      },
    },
    '/api/ex-cx': exCxView('Employee ↔ customer experience', 'eNPS and engagement per team next to CSAT/NPS, with correlations, and minTeams: the fewest teams a correlation is computed over; lags: Pearson r between each EX measure (eNPS, engagement) of month m and each CX measure (NPS, CSAT, negative emotion share, reply empathy, recontact within 7 days) of the same team at m + 0..6 months, with n pairs, Fisher-z 95% interval, r², a too-few flag per row, a plain fr/en warning when teams, periods or pairs are too few, and published anchors with their sources. replyEmpathySource: coach (the reply coach\'s verdict per agent reply: an emotional reaction, not canned) or lexicon (no coach model file). The filter narrows the customer side; employee answers follow the team only. filter: the filter applied; matched: employee answers, messages and survey answers left by it.'),
    '/api/messages': {
      get: {
        summary: 'Listening station: customer verbatims, newest first',
        tags: ['messages'],
        parameters: [
          enumParam('stage', STAGES, 'Journey stage'),
          enumParam('theme', THEMES, 'Built-in theme'),
          enumParam('emotion', EMOTIONS, 'Emotion'),
          enumParam('need', NEEDS, 'Need'),
          enumParam('channel', CHANNELS, 'Channel'),
          { name: 'language', in: 'query', required: false, description: 'ISO 639 code (fr, en...)', schema: { type: 'string', pattern: '^[a-z]{2,3}$' } },
          textParam('team', 'Team'),
          textParam('brand', 'Brand (competitor reviews)'),
          textParam('q', 'Text search in customer messages, ignoring case and accents: the text anywhere in a message; a 2-letter term (two letters or digits, e.g. "ab") matches the start of a word ("abîmé", "l\'abonnement", not "tabac")'),
          ...insightFilterParams.filter((p) => ['period', 'from', 'to', 'segment'].includes(p.name)),
          { name: 'cursor', in: 'query', required: false, description: 'Opaque cursor from the previous page (next)', schema: { type: 'string' } },
          { name: 'limit', in: 'query', required: false, description: 'Page size', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
        ],
        responses: {
          200: json('One page', {
            type: 'object',
            required: ['items', 'next', 'total'],
            properties: { items: { type: 'array', items: { $ref: '#/components/schemas/MessageFact' } }, next: { type: ['string', 'null'] }, total: { type: 'integer', description: 'Matches, counted up to a cap' }, totalCapped: { type: 'boolean' } },
          }),
          400: errorRef,
        },
      },
      post: ingestPost,
    },
    '/api/customers/{id}/history': {
      get: {
        summary: 'Walk in their shoes: one customer’s whole history',
        tags: ['messages'],
        parameters: [{ name: 'id', in: 'path', required: true, description: 'Public customer id ("c_…", as in the risk table, messages, cases and alerts); a number or another workspace\'s id answers 404', schema: { type: 'string' } }],
        responses: {
          200: json('Every message across channels, oldest first, agent replies included', {
            type: 'object',
            properties: { customer: { type: 'object' }, risk: { type: ['object', 'null'] }, currency: { type: 'string', description: 'ISO 4217 code of customer.value' }, messages: { type: 'array', items: { $ref: '#/components/schemas/MessageFact' } } },
          }),
          404: errorRef,
        },
      },
    },
    '/api/analyze': {
      post: {
        summary: 'Analyse one text (emotions, needs, themes, stage, signals, reason)',
        description: 'Without `lang`, the language is detected; a text French and English could both have written is read in the workspace language. The text is read as a customer\'s message, as stored messages are, unless `customer` is false (text of unknown origin: the analyser then guesses whether a customer wrote it).',
        tags: ['analysis'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1, maxLength: 20000 }, lang: { type: 'string', enum: ['fr', 'en'] }, customer: { type: 'boolean', default: true } } },
            },
          },
        },
        responses: { 200: json('Analysis'), 400: errorRef, 503: errorRef },
      },
    },
    '/api/coach/history': {
      get: {
        summary: 'Reply empathy over history: coach score and canned share overall, per team and per agent; link with the next score and with reopened cases',
        description: 'Every agent reply of the period is coached against the customer message before it (one batch, so templates are found canned). Groups under `min` replies are listed with `enough: false` and never ranked. `nextScore`: Spearman correlation of a conversation\'s mean reply score with the first NPS/CSAT answer after its first reply, with a Fisher-z 95 % interval from 10 conversations. `reopen`: reopen rate of cases in conversations below vs at or above the median reply score. Associations, not causes.',
        tags: ['act'],
        parameters: [
          { name: 'from', in: 'query', required: false, description: 'Start of the period (YYYY-MM-DD or ISO timestamp)', schema: { type: 'string' } },
          { name: 'to', in: 'query', required: false, description: 'End of the period', schema: { type: 'string' } },
          { name: 'min', in: 'query', required: false, description: 'Fewest replies for an agent or team to be ranked (default 5)', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: { 200: { description: 'The reply history', content: { 'application/json': { schema: { type: 'object' } } } }, 400: { description: 'A parameter is not valid (the message names it)' } },
      },
    },
    '/api/coach': {
      post: {
        summary: 'Coach agent replies: empathy dimensions (0–2), score (0–100), canned flag, suggestions',
        description: 'One reply `{customer, reply, lang?, id?}` answers one result; `{items: [...]}` (at most 1000) answers `{results: [...]}`, and a reply nearly identical to one sent to another customer of the batch is canned. Suggestions are in the reply language and quote the customer.',
        tags: ['act'],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { $ref: '#/components/schemas/CoachItem' },
                  { type: 'object', required: ['items'], properties: { items: { type: 'array', minItems: 1, maxItems: 1000, items: { $ref: '#/components/schemas/CoachItem' } } } },
                ],
              },
            },
          },
        },
        responses: { 200: json('CoachResult, or {results: CoachResult[]} for items'), 400: errorRef, 503: errorRef },
      },
    },
    ...caseApiPaths,
    ...accountApiPaths,
    ...correctionApiPaths,
    ...learnApiPaths,
    ...drillApiPaths,
    ...ruleApiPaths,
    ...hygieneApiPaths,
    ...workspaceApiPaths,
    '/api/deliveries': {
      get: {
        summary: 'Alert deliveries (e-mails, webhooks) from the outbox, newest first, each with every attempt',
        description: 'Webhook URLs are shown without their path (it often holds a secret token). `attempts` counts tries; the log also shows rate-limit deferrals (`rate_limited`), which are not tries.',
        tags: ['act'],
        parameters: [
          enumParam('status', DELIVERY_STATUSES, 'Only deliveries in this state'),
          { name: 'limit', in: 'query', required: false, description: 'Most deliveries returned', schema: { type: 'integer', minimum: 1, maximum: MAX_DELIVERY_LIMIT, default: DEFAULT_DELIVERY_LIMIT } },
        ],
        responses: { 200: json('{deliveries: Delivery[]}', { type: 'object', required: ['deliveries'], properties: { deliveries: { type: 'array', items: { $ref: '#/components/schemas/Delivery' } } } }), 400: errorRef },
      },
    },
    '/api/deliveries/{id}/retry': {
      post: {
        summary: 'Send a failed delivery again: back to pending, due now, with a fresh count of tries (its log is kept)',
        tags: ['act'],
        parameters: [{ name: 'id', in: 'path', required: true, description: 'Delivery id (from GET /api/deliveries)', schema: { type: 'string' } }],
        responses: { 200: json('{delivery: Delivery} (without attemptLog)'), 404: errorRef, 422: errorRef },
      },
    },
    '/api/assessments/questions': {
      get: {
        summary: 'The CX maturity questionnaire: questions by dimension, each with its source and its 1–5 answer scale',
        tags: ['learn'],
        parameters: [enumParam('lang', ['fr', 'en'], 'Language of the texts (default: the workspace language)')],
        responses: { 200: json('{language, dimensions: [{id, name}], questions: [{id, dimension, dimensionName, framework, source, text, scale}]}'), 400: errorRef },
      },
    },
    '/api/assessments': {
      get: {
        summary: 'Past self-assessment results, newest first (at most 200)',
        tags: ['learn'],
        responses: { 200: json('{assessments: [{id, workspaceId, createdAt, language, answers, scores: {overall, dimensions}, stage}]}') },
      },
      post: {
        summary: 'Score and store a self-assessment: dimension scores (0–100), stage on the maturity curve, change since the previous one, three next actions',
        description: `Stages by overall score: ${MATURITY_STAGES.map((st) => `${st} from ${STAGE_CUTOFFS[st]}`).join(', ')}; empathy also needs every dimension at ${EMPATHY_FLOOR} or more. Each action cites the evidence passed in for it (else, for the NPS, the workspace’s own when it has 30 answers or more), or says it is unknown. A body of the wrong shape is a 400; an unknown question id, an answer outside 1–5 or a missing answer is a 422 naming the question.`,
        tags: ['learn'],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/AssessmentInput' } } } },
        responses: { 201: json('{id, createdAt, language, stage, stageName, overall, dimensions: [{dimension, name, score, change}], change, recommendations: [{dimension, dimensionName, score, action, weakestQuestion, evidence: {key, value, text}}]}'), 400: errorRef, 422: errorRef },
      },
    },
  },
  components: {
    responses: {
      Error: json('Error', {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
          },
        },
      }),
    },
    schemas: {
      ...caseApiSchemas,
      ...ruleApiSchemas,
      AssessmentInput: {
        type: 'object',
        required: ['answers'],
        additionalProperties: false,
        properties: {
          answers: {
            type: 'object',
            description: 'One answer per question id (GET /api/assessments/questions): 1 not at all … 5 always, everywhere, and measured',
            propertyNames: { enum: QUESTIONS.map((q) => q.id) },
            additionalProperties: { type: 'integer', minimum: 1, maximum: 5 },
          },
          evidence: {
            type: 'object',
            additionalProperties: false,
            properties: {
              listeningReadersLastMonth: { type: 'integer', minimum: 0 }, alertsClosedOnTimeShare: { type: 'number', minimum: 0, maximum: 1 },
              drillParticipation: { type: 'number', minimum: 0, maximum: 1 }, nps: { type: 'number', minimum: -100, maximum: 100 },
              npsResponses: { type: 'integer', minimum: 0 },
            },
          },
          lang: { type: 'string', enum: ['fr', 'en'] },
        },
      },
      CoachItem: {
        type: 'object',
        required: ['customer', 'reply'],
        properties: {
          id: { type: ['string', 'number', 'null'] }, customer: { type: 'string', minLength: 1, maxLength: 20000 },
          reply: { type: 'string', minLength: 1, maxLength: 20000 }, lang: { type: 'string', enum: ['fr', 'en'] },
        },
      },
      Delivery: {
        type: 'object',
        properties: {
          id: { type: 'string' }, alertId: { type: 'string' }, channel: { type: 'string', enum: ['email', 'webhook'] },
          destination: { type: 'string', description: 'E-mail address, or webhook URL without its path' }, format: { type: 'string', enum: ['email', 'json', 'slack', 'teams'] },
          idempotencyKey: { type: 'string', description: 'Sent as the Idempotency-Key header (webhooks) or in the Message-ID and X-Ecoute-Idempotency-Key (e-mail)' },
          status: { type: 'string', enum: [...DELIVERY_STATUSES] }, attempts: { type: 'integer' }, nextAttemptAt: { type: 'string', format: 'date-time' },
          lastError: { type: ['string', 'null'] }, createdAt: { type: 'string', format: 'date-time' }, deliveredAt: { type: ['string', 'null'], format: 'date-time' },
          attemptLog: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' }, at: { type: 'string', format: 'date-time' }, outcome: { type: 'string', enum: ['delivered', 'retry', 'failed', 'rate_limited'] },
                httpStatus: { type: ['integer', 'null'], description: 'HTTP status (webhook) or SMTP reply code (e-mail)' }, error: { type: ['string', 'null'] }, durationMs: { type: 'integer' },
              },
            },
          },
        },
      },
      MessageFact: {
        type: 'object',
        properties: {
          messageId: { type: 'string' }, conversationId: { type: 'string' }, customerId: { type: ['string', 'null'] },
          customerRef: { type: ['string', 'null'] }, channel: { type: 'string', enum: [...CHANNELS] },
          role: { type: 'string', enum: ['customer', 'agent', 'system'] }, at: { type: 'string', format: 'date-time' },
          language: { type: ['string', 'null'] }, text: { type: 'string' }, analysis: { type: ['object', 'null'] },
          corrections: { type: 'array', items: { type: 'object' }, description: 'Listening station: people’s corrections {field, value, modelValue, actor, at}, already applied to analysis (absent when none)' },
        },
      },
    },
  },
} as const;
