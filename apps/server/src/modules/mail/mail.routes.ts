import { devMailboxSchema } from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../infra/db/client.js';
import { listDevMail } from './mail.repo.js';

const DEV_MAILBOX_LIMIT = 50;

const devMailboxQuerySchema = z.object({
  to: z.string().trim().min(1).optional().describe('Only mail to this address (case-insensitive)'),
});

/**
 * The development mailbox: mail the server kept instead of sending. Registered only while mail
 * goes there (no SMTP_URL, never in production), so it is public like the log it mirrors.
 */
export function devMailboxRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/dev/mailbox',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'devMailbox.list',
          tags: ['dev'],
          summary: `The ${DEV_MAILBOX_LIMIT} newest mails kept by the development mailbox (only without SMTP_URL, never in production)`,
          querystring: devMailboxQuerySchema,
          response: { 200: devMailboxSchema },
        },
      },
      async (request) => ({ data: await listDevMail(db, { to: request.query.to, limit: DEV_MAILBOX_LIMIT }) }),
    );
  };
}
