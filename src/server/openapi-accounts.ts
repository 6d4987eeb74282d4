/**
 * The OpenAPI description of accounts (session-routes.ts, audit-routes.ts), spread into openapi.ts.
 * How requests authenticate is stated here once: open while no user exists; then a session cookie
 * (with x-csrf-token on changes) or `Authorization: Bearer ec_…`.
 */
import { ROLES } from '../core/roles.ts';
import { body, errorRef, json, query } from './openapi-parts.ts';

const role = { type: 'string', enum: [...ROLES] };
const session = {
  type: 'object',
  properties: {
    open: { type: 'boolean', description: 'True while no user is defined: the API needs no log-in' },
    workspace: { type: 'string' },
    role,
    via: { type: 'string', enum: ['session', 'token'] },
    user: { type: ['object', 'null'], properties: { email: { type: 'string' }, name: { type: ['string', 'null'] } } },
    token: { type: ['string', 'null'], description: 'The API token\'s name, when authenticated by one' },
    csrfToken: { type: ['string', 'null'], description: 'Send it in the x-csrf-token header on every POST/PUT/PATCH/DELETE made with the session cookie' },
  },
};
const AUTH = 'Once any user exists, every /api route but /api/health and /api/session needs the session cookie `ecoute_session` (from POST /api/session; changes also need the x-csrf-token header) or `Authorization: Bearer ec_…` (an API token of this workspace, `ecoute token create`): 401 without, 403 when the role may not (README: roles).';

/** Paths of the session and audit routes. */
export const accountApiPaths = {
  '/api/session': {
    get: { summary: 'Who is logged in', description: `${AUTH} Answers {open: true} while no user is defined; 401 when nobody is logged in.`, tags: ['accounts'], responses: { 200: json('Session', session), 401: errorRef } },
    post: {
      summary: 'Log in',
      description: 'Checks the e-mail and password (JSON only) and sets the session cookie (HttpOnly, SameSite=Strict, Secure unless plain HTTP from this machine; 12 hours). Answers the CSRF token.',
      tags: ['accounts'],
      requestBody: body({ type: 'object', required: ['email', 'password'], properties: { email: { type: 'string' }, password: { type: 'string' } } }),
      responses: { 200: json('Session', session), 400: errorRef, 401: errorRef },
    },
    delete: { summary: 'Log out', description: 'Ends the session (x-csrf-token needed) and clears the cookie.', tags: ['accounts'], responses: { 204: { description: 'Logged out' }, 403: errorRef } },
  },
  '/api/audit': {
    get: {
      summary: 'Audit log',
      description: 'Who erased, undid, applied retention, logged in, exported, changed or read a customer\'s history, newest first. Admins only. ?format=csv downloads it (spreadsheet-safe).',
      tags: ['accounts'],
      parameters: [query('format', 'json (default) or csv', { type: 'string', enum: ['json', 'csv'] }), query('limit', 'Lines, 1–100000 (default 200; csv: all up to 100000)', { type: 'integer' })],
      responses: {
        200: json('{items: [{at, actor, action, target, detail}]}', { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } }),
        400: errorRef, 401: errorRef, 403: errorRef,
      },
    },
  },
};
