/**
 * The OpenAPI description of the empathy drill routes (src/server/drill-routes.ts), spread into
 * openapi.ts. Hiring mode is decision support only: the rubric is returned, a person decides.
 */
import { EMOTIONS, NEEDS } from '../core/labels.ts';
import { MAX_DRILL_COUNT } from './drill-routes.ts';
import { errorRef, json, query, sharedFilterParams } from './openapi-parts.ts';

const lang = { name: 'lang', in: 'query', required: false, description: 'Language of names, feedback and notices (default: the workspace language)', schema: { type: 'string', enum: ['fr', 'en'] } };

export const drillApiPaths = {
  '/api/drills/current': {
    get: {
      summary: "This week's empathy drill: real (redacted) customer messages, without their analysis",
      description: 'The same scenarios for everyone in an ISO week, varied across emotions and needs, taken from analysed customer messages of the four weeks up to the latest activity before the week began; very short and very long texts are skipped. Also the emotion and need choices, the rubric and the hiring-mode notice.',
      tags: ['act'],
      parameters: [lang, { name: 'count', in: 'query', required: false, description: 'Scenarios (default 3)', schema: { type: 'integer', minimum: 1, maximum: MAX_DRILL_COUNT } }],
      responses: { 200: json('{week, from, to, lang, scenarios: [{messageId, text, language, channel}], choices: {emotions, needs}, rubric, hiringNotice}'), 400: errorRef },
    },
  },
  '/api/drills/attempts': {
    post: {
      summary: 'Score and store an attempt at a drill scenario; answers the feedback',
      description: 'Reading: the chosen emotions and needs against the message analysis (F1 per list, the analysis evidence shown). Reply: the reply coach (score, dimensions, suggestions). Mode "hiring" stores a candidate label\'s attempt: decision support only, a person decides, nothing is automated or ranked (a high-risk use under the EU AI Act, Annex III §4). Unknown labels, an empty reply or an unknown message are refused.',
      tags: ['act'],
      parameters: [lang],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['messageId', 'participant', 'emotions', 'needs', 'reply'],
              properties: {
                messageId: { type: 'string' },
                participant: { type: 'string', description: 'A name, or a candidate label in hiring mode' },
                team: { type: 'string' },
                emotions: { type: 'array', items: { type: 'string', enum: [...EMOTIONS] } },
                needs: { type: 'array', items: { type: 'string', enum: [...NEEDS] } },
                reply: { type: 'string' },
                mode: { type: 'string', enum: ['drill', 'hiring'], default: 'drill' },
              },
            },
          },
        },
      },
      responses: { 201: json('{attempt, feedback: {reading: {score, emotions, needs, evidence}, reply: {score, dimensions, canned, suggestions}, summary}, hiringNotice?, rubric?}'), 400: errorRef, 404: errorRef, 422: errorRef, 503: errorRef },
    },
    get: {
      summary: 'Attempts of one mode, oldest first (hiring by default), with the rubric; never ranked',
      tags: ['act'],
      parameters: [lang, { name: 'mode', in: 'query', required: false, schema: { type: 'string', enum: ['drill', 'hiring'], default: 'hiring' } }],
      responses: { 200: json('{mode, attempts, rubric, hiringNotice?}'), 400: errorRef },
    },
  },
  '/api/drills/progress': {
    get: {
      summary: 'Drill participation and progress per team and participant, by week (hiring attempts left out)',
      tags: ['act'],
      description: 'Under the dashboard\'s shared filter (same parameters and 400s as the insight views): period by when the attempt was made, team by the participant\'s team, segment, channel, brand and language by the customer message drilled on.',
      parameters: [
        lang,
        ...sharedFilterParams({
          period: 'Attempts made in this relative period (UTC, server clock); not with from/to',
          from: 'Attempts made on or after this UTC day (YYYY-MM-DD)',
          to: 'Attempts made on or before this UTC day (YYYY-MM-DD, included)',
          team: "The participant's team",
          segment: 'Segment of the customer message drilled on',
          channel: 'Channel of the customer message drilled on',
          brand: 'Brand of the customer message drilled on',
          language: 'Language of the customer message drilled on (ISO 639: fr, en...)',
        }),
      ],
      responses: { 200: json('{attempts, participants, teams: [{name, attempts, participants, readingScore, replyScore, weeks}], participantsList: [...], filter, allAttempts (drill attempts before the filter)}'), 400: errorRef },
    },
  },
};
