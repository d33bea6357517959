import { problemSchema, searchQuerySchema, searchResultSchema } from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.guard.js';
import type { SearchService } from './search.service.js';

export function searchRoutes(service: SearchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/search',
      {
        config: { access: 'records.read' },
        schema: {
          tags: ['search'],
          security: [{ bearer: [] }],
          operationId: 'search.records',
          summary: 'Companies, contacts and deals matching q by word prefix or, with typos, by similarity; best first',
          querystring: searchQuerySchema,
          response: { 200: searchResultSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema, 429: problemSchema },
        },
      },
      async (request) => ({ data: await service.search(actorOf(request), request.query.q, request.query.limit) }),
    );
  };
}
