import { devMailboxSchema, problemSchema } from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userOf } from '../auth/auth.guard.js';
import { DEV_MAILBOX_LIMIT, type DevMailboxService } from './mail.service.js';

/**
 * The development mailbox: mail the server kept instead of sending. Registered only while mail
 * goes there (no SMTP_URL, never in production); each person reads only the mail to their address.
 */
export function devMailboxRoutes(mailbox: DevMailboxService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/dev/mailbox',
      {
        config: { access: 'user' },
        schema: {
          operationId: 'devMailbox.list',
          tags: ['dev'],
          security: [{ bearer: [] }],
          summary: `The ${DEV_MAILBOX_LIMIT} newest mails to your address kept by the development mailbox (only without SMTP_URL, never in production)`,
          response: { 200: devMailboxSchema, 401: problemSchema },
        },
      },
      async (request) => ({ data: await mailbox.listOwn(userOf(request)) }),
    );
  };
}
