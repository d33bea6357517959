import { apiKeyListSchema, apiKeySchema, createApiKeyRequestSchema, createdApiKeySchema, problemSchema } from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.guard.js';
import type { ApiKeysService } from './api-keys.service.js';

const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema, 429: problemSchema };
const common = { tags: ['api-keys'], security: [{ bearer: [] }] };

/** API keys of the active organization (admins). */
export function apiKeysRoutes(apiKeys: ApiKeysService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/api-keys',
      {
        config: { access: 'apiKeys.manage' },
        schema: { ...common, operationId: 'apiKeys.list', summary: "The organization's API keys (never their secrets)", response: { 200: apiKeyListSchema, ...problems } },
      },
      async (request) => ({ data: await apiKeys.list(actorOf(request)) }),
    );

    app.post(
      '/api/v1/api-keys',
      {
        config: { access: 'apiKeys.manage' },
        schema: {
          ...common,
          operationId: 'apiKeys.create',
          summary: 'Create an API key; the answer holds its secret, shown this once',
          body: createApiKeyRequestSchema,
          response: { 201: createdApiKeySchema, ...problems },
        },
      },
      async (request, reply) => reply.status(201).send(await apiKeys.create(actorOf(request), request.body)),
    );

    app.post(
      '/api/v1/api-keys/:id/reassign',
      {
        config: { access: 'apiKeys.manage' },
        schema: {
          ...common,
          operationId: 'apiKeys.reassign',
          summary: 'Take an API key over: it acts for you from now on (a key whose creator left works again)',
          params: z.object({ id: z.uuid() }),
          response: { 200: apiKeySchema, ...problems },
        },
      },
      async (request) => apiKeys.reassignToSelf(actorOf(request), request.params.id),
    );

    app.delete(
      '/api/v1/api-keys/:id',
      {
        config: { access: 'apiKeys.manage' },
        schema: { ...common, operationId: 'apiKeys.revoke', summary: 'Revoke an API key: it stops working at once', params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...problems } },
      },
      async (request, reply) => {
        await apiKeys.revoke(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
