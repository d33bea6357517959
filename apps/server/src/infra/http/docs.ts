import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { VERSION } from '../../version.js';

/** OpenAPI 3.1 generated from the routes' zod schemas, served as JSON and through Swagger UI. */
export const docsPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Spanner CRM API',
        version: VERSION,
        description: 'REST API of Spanner CRM. Errors are application/problem+json (RFC 9457).',
      },
      tags: [{ name: 'system', description: 'Health, readiness and service information' }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // Assets come from the swagger-ui-dist npm package: no CDN, works offline and under our CSP.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, uiConfig: { deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
