/**
 * The OpenAPI description of the Learn routes added with the scorecards and the value model, spread
 * into openapi.ts so that file stays one document without growing a section per feature.
 */
import { DEFAULT_MIN_SAMPLE, SCORECARD_METRICS, SCORECARD_SUBJECTS } from '../learn/scorecards/scorecard-config.ts';
import { VALUE_KEYS } from '../learn/value/value-assumptions.ts';
import { errorRef, json, query, sharedFilterParams } from './openapi-parts.ts';


export const learnApiPaths = {
  '/api/scorecards': {
    get: {
      summary: 'Scorecards for incentives per team or agent: weighted customer metrics with counts, minimum samples and bias warnings',
      description: `Metrics: ${SCORECARD_METRICS.join(', ')}, each with its value, unit, 0–100 score, n, whether n reaches the minimum, its weight and up to 20 conversation ids behind it. A metric under the minimum never counts; a team or agent whose weighted metrics do not all reach it is not ranked (rank null, with the reason). Response rate per customer, low-response, happier-answerers and last-touch warnings in French and English. ?format=csv answers a spreadsheet-safe CSV (cells starting with = + - @ are prefixed with an apostrophe).`,
      tags: ['learn'],
      parameters: [
        query('by', 'team (default) or agent', { type: 'string', enum: [...SCORECARD_SUBJECTS] }),
        ...sharedFilterParams({
          period: 'Relative period, resolved against the server clock (UTC); not with from/to',
          from: 'First day included, YYYY-MM-DD (UTC)',
          to: 'Last day included, YYYY-MM-DD (UTC)',
          team: "The team's messages, the answers counted for it by last contact and the cases it closed (by=agent: that team's agents)",
          segment: 'Conversations with a customer message of this segment (their replies and cases), and answers of this segment',
          channel: 'Conversations with a customer message on this channel (their replies and cases), and answers on it',
          brand: 'Conversations with a customer message for this brand (their replies and cases), and answers for it',
          language: 'Conversations with a customer message in this language (their replies and cases), and answers on those conversations (ISO 639: fr, en...)',
        }),
        query('since', 'Older name of from (not with from)', { type: 'string', format: 'date', deprecated: true }),
        query('until', 'Older name of to (not with to)', { type: 'string', format: 'date', deprecated: true }),
        query('weights', `metric=weight pairs, comma-separated (metrics: ${SCORECARD_METRICS.join(', ')}); left-out metrics weigh 0; normalised to sum 1`),
        query('min', `Minimum observations behind a figure (default ${DEFAULT_MIN_SAMPLE})`, { type: 'integer', minimum: 1 }),
        query('format', 'json (default) or csv', { type: 'string', enum: ['json', 'csv'] }),
        query('lang', 'Language of the CSV warnings (default: the workspace language)', { type: 'string', enum: ['fr', 'en'] }),
      ],
      responses: {
        200: {
          description: '{by, period, weights, minSample, scorecards: [{subject, metrics, composite, rank, unranked, conversations, customers, answeredCustomers, surveyAnswers, responseRate, warnings, drill}], notes, definitions, replyEmpathySource: coach (empathy = the reply coach\'s verdict per agent reply) or lexicon (no coach model file)}',
          content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } },
        },
        400: errorRef,
      },
    },
  },
  '/api/value': {
    get: {
      summary: 'What a CX improvement is worth per year: revenue kept, repeat contacts avoided, promoter/detractor spend gap, with every assumption and its source',
      description: 'Each line has its formula and the figures put in it; the Temkin benchmark is beside the total, not in it. Each assumption says its origin (workspace data, documented default, or the query) and its source. Any assumption can be set as a query parameter; shares are 0..1.',
      tags: ['learn'],
      parameters: VALUE_KEYS.map((k) => query(k, `Override of the assumption ${k}`, { type: 'number', minimum: 0 })),
      responses: { 200: json('{currency, assumptions: [{key, value, unit, origin, label, source}], lines: [{id, label, amount, formula, computation, inputs}], total, benchmark, notes}'), 400: errorRef },
    },
  },
};
