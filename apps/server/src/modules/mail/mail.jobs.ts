import { z } from 'zod';
import type { Mailer } from '../../infra/mail/mailer.js';
import { defineJob } from '../../infra/queue/define-job.js';
import type { JobHandlers } from '../../infra/queue/queue.js';

export const emailMessageSchema = z.object({
  to: z.email(),
  subject: z.string().min(1),
  text: z.string().min(1),
  html: z.string().optional(),
});

export type EmailMessage = z.infer<typeof emailMessageSchema>;

export const mailJobs = {
  /** Retried with backoff (10 s, 20 s, 40 s, 80 s): an SMTP server that is briefly down loses nothing. */
  'email.send': defineJob<Mailer['kind']>()({ payload: emailMessageSchema, attempts: 5, backoffMs: 10_000 }),
};

export function mailJobHandlers(mailer: Mailer): JobHandlers<typeof mailJobs> {
  return {
    // The result says where the mail went: an SMTP server or the development mailbox.
    'email.send': async (message) => {
      await mailer.send(message);
      return mailer.kind;
    },
  };
}
