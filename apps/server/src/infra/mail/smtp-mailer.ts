import { createTransport } from 'nodemailer';
import type { Mailer } from './mailer.js';

export interface SmtpMailerOptions {
  /** smtp:// or smtps:// with credentials and options in the URL (`?pool=true`). */
  url: string;
  from: string;
}

/** Sends through the SMTP server of SMTP_URL. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  // Nodemailer waits minutes by default; a dead server should fail the attempt and let the job retry.
  const transport = createTransport(
    { url: options.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: options.from },
  );
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail(message);
    },
  };
}
