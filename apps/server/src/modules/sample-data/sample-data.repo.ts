import { count, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { companies, contactCompanies, contacts, dealContacts, deals, notes, tags, tasks } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';
import type { SampleSet } from './sample-set.js';

/** Rows per INSERT: large enough to be quick, small enough for PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

async function insertAll(tx: TenantTransaction, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await tx.insert(table).values(rows.slice(start, start + CHUNK));
}

/** Whether the organization has any live company, contact or deal. */
export async function hasRecords(tx: TenantTransaction): Promise<boolean> {
  for (const table of [companies, contacts, deals]) {
    const [row] = await tx.select({ count: count() }).from(table).where(isNull(table.deletedAt));
    if (row!.count > 0) return true;
  }
  return false;
}

/** The live tags by lower-case name. */
export async function findTagIdsByName(tx: TenantTransaction): Promise<Map<string, string>> {
  const rows = await tx.select({ id: tags.id, name: sql<string>`lower(${tags.name})` }).from(tags).where(isNull(tags.deletedAt));
  return new Map(rows.map((row) => [row.name, row.id]));
}

export async function insertTags(tx: TenantTransaction, rows: (typeof tags.$inferInsert)[]): Promise<void> {
  await insertAll(tx, tags, rows);
}

/** Every row of the set, parents before children, in the caller's transaction (audited like any write). */
export async function insertSampleSet(tx: TenantTransaction, set: SampleSet): Promise<void> {
  await insertAll(tx, companies, set.companies);
  await insertAll(tx, contacts, set.contacts);
  await insertAll(tx, contactCompanies, set.links);
  await insertAll(tx, deals, set.deals);
  await insertAll(tx, dealContacts, set.dealContacts);
  await insertAll(tx, tasks, set.tasks);
  await insertAll(tx, notes, set.notes);
}
