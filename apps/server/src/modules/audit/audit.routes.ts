import { auditLogPageSchema, auditLogQuerySchema, problemSchema } from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.guard.js';
import type { AuditService } from './audit.service.js';

/** The organization's audit trail, written by database triggers (admins and owners). */
export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/audit-log',
      {
        config: { access: 'auditLog.read' },
        schema: {
          tags: ['audit'],
          security: [{ bearer: [] }],
          operationId: 'auditLog.list',
          summary: 'Who changed what, newest first; filter by actor, table, row, action and time',
          querystring: auditLogQuerySchema,
          response: { 200: auditLogPageSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema, 429: problemSchema },
        },
      },
      async (request) => audit.list(actorOf(request), request.query),
    );
  };
}
