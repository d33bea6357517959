import {
  createDealRequestSchema,
  dealBulkRequestSchema,
  dealContactLinkListSchema,
  dealListQuerySchema,
  dealListSchema,
  dealSchema,
  linkDealContactRequestSchema,
  problemSchema,
  staleDealSchema,
  updateDealRequestSchema,
  type DealBulkRequest,
} from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.guard.js';
import { idParams, recordRoutes } from '../records/records.routes.js';
import type { DealsService } from './deals.service.js';

const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema, 429: problemSchema };
const common = { tags: ['deals'], security: [{ bearer: [] }] };

/** Deals on pipelines, with their contacts (many-to-many) and bulk moves between stages. */
export function dealsRoutes(service: DealsService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(
      recordRoutes({
        collection: 'deals',
        noun: 'deal',
        service,
        schemas: {
          record: dealSchema,
          list: dealListSchema,
          listQuery: dealListQuerySchema,
          create: createDealRequestSchema,
          update: updateDealRequestSchema,
          bulk: dealBulkRequestSchema,
          stale: staleDealSchema,
        },
        bulk: (request, body) => {
          const deal = body as DealBulkRequest;
          return deal.action === 'moveStage' ? service.moveStage(actorOf(request), deal.ids, deal.stageId) : null;
        },
      }),
    );

    app.get(
      '/api/v1/deals/:id/contacts',
      {
        config: { access: 'records.read' },
        schema: { ...common, operationId: 'deals.contacts.list', summary: "A deal's contacts with their roles", params: idParams, response: { 200: dealContactLinkListSchema, ...problems } },
      },
      async (request) => ({ data: await service.contactsOf(actorOf(request), request.params.id) }),
    );

    app.post(
      '/api/v1/deals/:id/contacts',
      {
        config: { access: 'records.write' },
        schema: {
          ...common,
          operationId: 'deals.contacts.link',
          summary: 'Add a contact to a deal, with a role',
          params: idParams,
          body: linkDealContactRequestSchema,
          response: { 201: dealContactLinkListSchema, ...problems },
        },
      },
      async (request, reply) => reply.status(201).send({ data: await service.linkContact(actorOf(request), request.params.id, request.body) }),
    );

    app.delete(
      '/api/v1/deals/:id/contacts/:contactId',
      {
        config: { access: 'records.write' },
        schema: {
          ...common,
          operationId: 'deals.contacts.unlink',
          summary: 'Remove a contact from a deal',
          params: z.object({ id: z.uuid({ error: 'Use an id' }), contactId: z.uuid({ error: 'Use an id' }) }),
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await service.unlinkContact(actorOf(request), request.params.id, request.params.contactId);
        return reply.status(204).send(null);
      },
    );
  };
}
