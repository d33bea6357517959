import type { Queue } from '../../infra/queue/queue.js';
import type { JobCatalog } from '../../jobs.js';
import type { EmailMessage } from './mail.jobs.js';

export { invitationEmail, passwordResetEmail, verificationEmail } from './mail.templates.js';
export type { EmailMessage } from './mail.jobs.js';

/**
 * Queues an email for the `email.send` job: the request does not wait for the mail server, and
 * a failed delivery is retried. Pass a template's output and the recipient.
 */
export async function sendEmail(queue: Pick<Queue<JobCatalog>, 'enqueue'>, message: EmailMessage): Promise<void> {
  await queue.enqueue('email.send', message);
}
