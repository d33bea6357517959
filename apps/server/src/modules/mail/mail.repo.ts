import type { DevMail } from '@spanner/contracts';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../infra/db/client.js';
import { devMailbox, users } from '../../infra/db/schema/index.js';

/**
 * Newest first, the mail to one address whatever its case. Global tables: the server role reads them (migration 0012).
 * `to` is an address or the id of the user whose current address it is.
 */
export async function listDevMail(db: Database, filter: { to: { address: string } | { userId: string }; limit: number }): Promise<DevMail[]> {
  const recipient =
    'address' in filter.to
      ? sql`${filter.to.address.toLowerCase()}`
      : sql`(select lower(${users.email}) from ${users} where ${users.id} = ${filter.to.userId})`;
  const rows = await db
    .select()
    .from(devMailbox)
    .where(eq(sql`lower(${devMailbox.to})`, recipient))
    .orderBy(desc(devMailbox.sentAt), desc(devMailbox.id))
    .limit(filter.limit);
  return rows.map((row) => ({ ...row, sentAt: row.sentAt.toISOString() }));
}
