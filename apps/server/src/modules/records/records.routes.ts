import { bulkResultSchema, problemSchema } from '@spanner/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import { etagOf, expectedVersion } from '../../infra/http/etag.js';
import { actorOf } from '../auth/auth.guard.js';
import type { BaseBulkRequest, ListQuery, RecordService } from './records.service.js';

export const idParams = z.object({ id: z.uuid({ error: 'Use an id' }) });

const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema, 429: problemSchema };

export interface RecordSchemas {
  record: ZodType;
  list: ZodType;
  listQuery: ZodType;
  create: ZodType;
  update: ZodType;
  /** Kinds without bulk changes (tags, notes) leave it out. */
  bulk?: ZodType;
  stale: ZodType;
}

export interface RecordRouteOptions<Api extends { id: string; version: number }, Create, Patch> {
  /** The collection: `companies` serves /api/v1/companies; also the OpenAPI tag and operation prefix. */
  collection: string;
  noun: string;
  service: RecordService<Api, Create, Patch>;
  schemas: RecordSchemas;
  /** Bulk actions beyond the common ones (deals: move to a stage). */
  bulk?: (request: FastifyRequest, body: { action: string; ids: string[] }) => Promise<z.infer<typeof bulkResultSchema>> | null;
}

function sendRecord<Api extends { version: number }>(reply: FastifyReply, record: Api, status = 200) {
  return reply.status(status).header('etag', etagOf(record.version)).send(record);
}

/**
 * The endpoints every record kind has (DESIGN.md §5): list, create, read with ETag, merge-patch
 * and delete with If-Match, restore from the trash, permanent delete, and bulk changes.
 */
export function recordRoutes<Api extends { id: string; version: number }, Create, Patch>(options: RecordRouteOptions<Api, Create, Patch>): FastifyPluginAsyncZod {
  const { collection, noun, service, schemas } = options;
  const base = `/api/v1/${collection}`;
  const common = { tags: [collection], security: [{ bearer: [] }] };
  const ifMatch = z.object({ 'if-match': z.string().optional().describe('The ETag you read; a stale one gets 412 with the current record') });

  return async (app) => {
    app.get(
      base,
      {
        config: { access: 'records.read' },
        schema: {
          ...common,
          operationId: `${collection}.list`,
          summary: `List ${collection}: filter by field and operator, search with q, sort, page by cursor; deleted=only lists the trash`,
          querystring: schemas.listQuery,
          response: { 200: schemas.list, ...problems },
        },
      },
      async (request) => service.list(actorOf(request), request.query as ListQuery),
    );

    app.post(
      base,
      {
        config: { access: 'records.write' },
        schema: { ...common, operationId: `${collection}.create`, summary: `Create a ${noun}`, body: schemas.create, response: { 201: schemas.record, 409: problemSchema, ...problems } },
      },
      async (request, reply) => {
        const record = await service.create(actorOf(request), request.body as Create);
        return sendRecord(reply.header('location', `${base}/${record.id}`), record, 201);
      },
    );

    if (schemas.bulk) {
      app.post(
        `${base}/bulk`,
        {
          config: { access: 'records.write' },
          schema: {
            ...common,
            operationId: `${collection}.bulk`,
            summary: `Change up to 1,000 ${collection} at once: all or nothing, in one transaction`,
            body: schemas.bulk,
            response: { 200: bulkResultSchema, 409: problemSchema, ...problems },
          },
        },
        async (request) => {
          const body = request.body as BaseBulkRequest<Patch>;
          return (await options.bulk?.(request, body)) ?? service.bulk(actorOf(request), body);
        },
      );
    }

    app.get(
      `${base}/:id`,
      {
        config: { access: 'records.read' },
        schema: {
          ...common,
          operationId: `${collection}.get`,
          summary: `Read a ${noun} (also from the trash); the ETag is its version`,
          params: idParams,
          response: { 200: schemas.record, 304: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        const record = await service.get(actorOf(request), request.params.id);
        if (request.headers['if-none-match'] === etagOf(record.version)) return reply.status(304).header('etag', etagOf(record.version)).send(null);
        return sendRecord(reply, record);
      },
    );

    app.patch(
      `${base}/:id`,
      {
        config: { access: 'records.write' },
        schema: {
          ...common,
          operationId: `${collection}.update`,
          summary: `Change a ${noun} with a JSON merge patch (null clears a field); send If-Match to never overwrite someone else's change`,
          params: idParams,
          headers: ifMatch,
          body: schemas.update,
          response: { 200: schemas.record, 409: problemSchema, 412: schemas.stale, ...problems },
        },
      },
      async (request, reply) => sendRecord(reply, await service.update(actorOf(request), request.params.id, request.body as Patch, expectedVersion(request))),
    );

    app.delete(
      `${base}/:id`,
      {
        config: { access: 'records.write' },
        schema: {
          ...common,
          operationId: `${collection}.delete`,
          summary: `Move a ${noun} to the trash (restorable)`,
          params: idParams,
          headers: ifMatch,
          response: { 204: z.null(), 412: schemas.stale, ...problems },
        },
      },
      async (request, reply) => {
        await service.remove(actorOf(request), request.params.id, expectedVersion(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/:id/restore`,
      {
        config: { access: 'records.write' },
        schema: { ...common, operationId: `${collection}.restore`, summary: `Bring a ${noun} back from the trash`, params: idParams, response: { 200: schemas.record, 409: problemSchema, ...problems } },
      },
      async (request, reply) => sendRecord(reply, await service.restore(actorOf(request), request.params.id)),
    );

    app.delete(
      `${base}/:id/permanent`,
      {
        config: { access: 'records.purge' },
        schema: { ...common, operationId: `${collection}.purge`, summary: `Delete a ${noun} for good (admins): no trash, no restore`, params: idParams, response: { 204: z.null(), ...problems } },
      },
      async (request, reply) => {
        await service.purge(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
