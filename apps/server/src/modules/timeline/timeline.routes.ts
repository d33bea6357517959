import { problemSchema, timelinePageSchema, timelineQuerySchema, type RecordType } from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.guard.js';
import { idParams } from '../records/records.routes.js';
import type { TimelineService } from './timeline.service.js';

const collections: [string, RecordType][] = [
  ['companies', 'company'],
  ['contacts', 'contact'],
  ['deals', 'deal'],
];

/** `GET /api/v1/<kind>/:id/timeline` for companies, contacts and deals. */
export function timelineRoutes(service: TimelineService): FastifyPluginAsyncZod {
  return async (app) => {
    for (const [collection, type] of collections) {
      app.get(
        `/api/v1/${collection}/:id/timeline`,
        {
          config: { access: 'records.read' },
          schema: {
            tags: [collection],
            security: [{ bearer: [] }],
            operationId: `${collection}.timeline`,
            summary: `The ${type}'s history, newest first: changes, notes, tasks${type === 'deal' ? ' and stage moves' : ''}`,
            params: idParams,
            querystring: timelineQuerySchema,
            response: { 200: timelinePageSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema, 429: problemSchema },
          },
        },
        async (request) => service.list(actorOf(request), type, request.params.id, request.query),
      );
    }
  };
}
