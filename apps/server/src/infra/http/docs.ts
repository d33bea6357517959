import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { createRequire } from 'node:module';
import path from 'node:path';
import { VERSION } from '../../version.js';

/** The committed copy of the generated document, for API clients and review of API changes. */
export const OPENAPI_FILE = path.join(path.dirname(createRequire(import.meta.url).resolve('@spanner/server/package.json')), 'openapi.json');

export function serializeOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** OpenAPI 3.1 generated from the routes' zod schemas, served as JSON and through Swagger UI. */
export const docsPlugin = fp<{ https: boolean }>(async (app: FastifyInstance, { https }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Spanner CRM API',
        version: VERSION,
        description: 'REST API of Spanner CRM. Errors are application/problem+json (RFC 9457).',
      },
      tags: [
        { name: 'system', description: 'Health, readiness and service information' },
        { name: 'auth', description: 'Accounts and sessions: access tokens (Bearer) and a rotating refresh cookie' },
        { name: 'me', description: 'The signed-in user' },
        { name: 'organizations', description: 'Organizations, members and roles' },
        { name: 'invitations', description: 'Invitations to an organization, sent by email and accepted through a link' },
        { name: 'api-keys', description: 'Organization API keys: a role, an optional expiry, the secret shown once' },
        { name: 'audit', description: 'The audit trail written by the database for every organization-owned table' },
        { name: 'dev', description: 'Development only: the mailbox that keeps emails when no SMTP server is configured' },
      ],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT or API key' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // Assets come from the swagger-ui-dist npm package: no CDN, works offline and under our CSP.
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // Its own CSP with hashes of its inline scripts; over plain http without the https upgrade.
    staticCSP: true,
    transformStaticCSP: (header) => (https ? header : header.replace(/\s*upgrade-insecure-requests;?/, '')),
    uiConfig: { deepLinking: true },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
