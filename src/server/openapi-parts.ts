/**
 * The building blocks every part of the OpenAPI document uses (openapi.ts and its openapi-*.ts
 * sections): JSON answers, request bodies, path and query parameters, the shared error answer.
 */

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
