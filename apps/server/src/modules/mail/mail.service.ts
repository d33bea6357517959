import type { DevMail } from '@spanner/contracts';
import type { Database } from '../../infra/db/client.js';
import type { UserActor } from '../auth/actor.js';
import { listDevMail } from './mail.repo.js';

export const DEV_MAILBOX_LIMIT = 50;

export function createDevMailboxService(db: Database) {
  return {
    /**
     * Only the caller's own mail: the mailbox holds reset and invitation links, so reading
     * another address would be reading their account.
     */
    async listOwn(actor: UserActor): Promise<DevMail[]> {
      return listDevMail(db, { to: { userId: actor.userId }, limit: DEV_MAILBOX_LIMIT });
    },
  };
}

export type DevMailboxService = ReturnType<typeof createDevMailboxService>;
