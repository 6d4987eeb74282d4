/**
 * The OpenAPI description of workspaces (workspace-routes.ts, resolve-workspace.ts), spread into
 * openapi.ts: how a request chooses its workspace, and the list of those the caller may use.
 */
import { ROLES } from '../core/roles.ts';
import { errorRef, json } from './openapi-parts.ts';

const CHOICE = 'Every /api request acts in one workspace: an API token\'s own (a token is of one workspace: naming another is a 403); else the one named by the X-Ecoute-Workspace header or ?workspace= (the dashboard\'s switcher; the server then remembers it in the ecoute_workspace cookie); else the remembered one; else the server\'s default (ECOUTE_WORKSPACE). Once users exist, a user acts only where they have a role: naming any other workspace is a 403 that does not say whether it exists. While no user exists, an unknown workspace is a 404 listing the server\'s.';

const workspace = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', enum: [...ROLES], description: 'The caller\'s role there (admin for everyone while no user exists)' },
    current: { type: 'boolean', description: 'True for the workspace this request acted in' },
  },
};

/** Paths of the workspace routes. */
export const workspaceApiPaths = {
  '/api/workspaces': {
    get: {
      summary: 'The workspaces the caller may use',
      description: `${CHOICE} A token lists its own workspace only; a user, those where they have a role; the open demo, every workspace of its database.`,
      tags: ['accounts'],
      responses: {
        200: json('{current, default, open, workspaces: [{id, name, role, current}]}', {
          type: 'object',
          properties: {
            current: { type: 'string' }, default: { type: 'string' }, open: { type: 'boolean' },
            workspaces: { type: 'array', items: workspace },
          },
        }),
        400: errorRef, 401: errorRef, 403: errorRef, 404: errorRef,
      },
    },
  },
};
