import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/client.js';
import { devMailbox } from '../db/schema/index.js';
import type { Logger } from '../telemetry/logger.js';
import type { Mailer } from './mailer.js';

/**
 * Keeps mail in the `dev_mailbox` table instead of sending it (no SMTP_URL, never in production);
 * each person reads their own at GET /api/v1/dev/mailbox. The log names recipient and subject
 * only: the text holds reset and invitation links, and logs are read by more people than accounts.
 * The table is global: the server role writes it outside any organization (migration 0012).
 */
export function createDevMailboxMailer(db: Database, log: Logger): Mailer {
  return {
    kind: 'dev-mailbox',
    async send(message) {
      await db.insert(devMailbox).values({ id: uuidv7(), to: message.to, subject: message.subject, text: message.text, html: message.html ?? null });
      log.info({ mail: { to: message.to, subject: message.subject } }, `mail to ${message.to} kept in the development mailbox`);
    },
  };
}
