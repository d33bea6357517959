import { problemSchema, sampleDataResultSchema } from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.guard.js';
import type { SampleDataService } from './sample-data.service.js';

export function sampleDataRoutes(service: SampleDataService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/sample-data',
      {
        config: { access: 'records.write' },
        schema: {
          tags: ['sample-data'],
          security: [{ bearer: [] }],
          operationId: 'sampleData.load',
          summary: 'Fill an empty organization with a realistic sample set: companies, contacts, deals, tasks and notes',
          response: { 201: sampleDataResultSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await service.load(actorOf(request))),
    );
  };
}
