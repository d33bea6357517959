import {
  createPipelineRequestSchema,
  pipelineListSchema,
  pipelineSchema,
  pipelineSummarySchema,
  problemSchema,
  stalePipelineSchema,
  updatePipelineRequestSchema,
} from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { etagOf, expectedVersion } from '../../infra/http/etag.js';
import { actorOf } from '../auth/auth.guard.js';
import { idParams } from '../records/records.routes.js';
import type { PipelinesService } from './pipelines.service.js';

const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema, 429: problemSchema };
const common = { tags: ['pipelines'], security: [{ bearer: [] }] };

/** Deal pipelines and their ordered stages; reading is for everyone, changing them for admins. */
export function pipelinesRoutes(service: PipelinesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/pipelines',
      {
        config: { access: 'records.read' },
        schema: { ...common, operationId: 'pipelines.list', summary: 'The pipelines with their stages, the default first', response: { 200: pipelineListSchema, ...problems } },
      },
      async (request) => ({ data: await service.list(actorOf(request)) }),
    );

    app.post(
      '/api/v1/pipelines',
      {
        config: { access: 'settings.manage' },
        schema: { ...common, operationId: 'pipelines.create', summary: 'Create a pipeline with its stages', body: createPipelineRequestSchema, response: { 201: pipelineSchema, ...problems } },
      },
      async (request, reply) => {
        const pipeline = await service.create(actorOf(request), request.body);
        return reply.status(201).header('etag', etagOf(pipeline.version)).send(pipeline);
      },
    );

    app.get(
      '/api/v1/pipelines/:id',
      {
        config: { access: 'records.read' },
        schema: { ...common, operationId: 'pipelines.get', summary: 'A pipeline with its stages', params: idParams, response: { 200: pipelineSchema, ...problems } },
      },
      async (request, reply) => {
        const pipeline = await service.get(actorOf(request), request.params.id);
        return reply.header('etag', etagOf(pipeline.version)).send(pipeline);
      },
    );

    app.patch(
      '/api/v1/pipelines/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          ...common,
          operationId: 'pipelines.update',
          summary: 'Rename, make default, or replace the ordered stage list (stages keep their ids)',
          params: idParams,
          body: updatePipelineRequestSchema,
          response: { 200: pipelineSchema, 412: stalePipelineSchema, ...problems },
        },
      },
      async (request, reply) => {
        const pipeline = await service.update(actorOf(request), request.params.id, request.body, expectedVersion(request));
        return reply.header('etag', etagOf(pipeline.version)).send(pipeline);
      },
    );

    app.delete(
      '/api/v1/pipelines/:id',
      {
        config: { access: 'settings.manage' },
        schema: { ...common, operationId: 'pipelines.delete', summary: 'Delete a pipeline without live deals (not the default one)', params: idParams, response: { 204: z.null(), ...problems } },
      },
      async (request, reply) => {
        await service.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/pipelines/:id/summary',
      {
        config: { access: 'records.read' },
        schema: { ...common, operationId: 'pipelines.summary', summary: 'Live deals per stage: count and total amount per currency', params: idParams, response: { 200: pipelineSummarySchema, ...problems } },
      },
      async (request) => service.summary(actorOf(request), request.params.id),
    );
  };
}
