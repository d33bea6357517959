import type { DevMail } from '@spanner/contracts';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../infra/db/client.js';
import { devMailbox } from '../../infra/db/schema/index.js';

/** Newest first; `to` matches the recipient whatever its case. Global table: the server role reads it (migration 0012). */
export async function listDevMail(db: Database, filter: { to?: string; limit: number }): Promise<DevMail[]> {
  const rows = await db
    .select()
    .from(devMailbox)
    .where(filter.to === undefined ? undefined : eq(sql`lower(${devMailbox.to})`, filter.to.toLowerCase()))
    .orderBy(desc(devMailbox.sentAt), desc(devMailbox.id))
    .limit(filter.limit);
  return rows.map((row) => ({ ...row, sentAt: row.sentAt.toISOString() }));
}
