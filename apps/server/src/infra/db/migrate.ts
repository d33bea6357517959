import { createRequire } from 'node:module';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as drizzleMigrate } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { SERVER_ROLE, type Database, type DbHandle } from './client.js';

/** Resolved from the package root so it works from `src/` (tsx, tests) and from the `dist/` bundle. */
export const migrationsFolder = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@spanner/server/package.json')),
  'src/infra/db/migrations',
);

/** Arbitrary but fixed: every migrator of every replica contends for the same lock. */
const MIGRATION_LOCK_KEY = 7_247_001;

/**
 * Applies pending migrations under a session-level advisory lock: a second migrator started at
 * the same time waits for the first, then finds nothing left to do.
 */
export async function runMigrations(handle: DbHandle): Promise<void> {
  await handle.withOwnerSession(async (db) => {
    await refuseServerLogin(db);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      // The migrator only uses the dialect-level session API, identical for both drivers.
      await drizzleMigrate(db as unknown as NodePgDatabase, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}

/** The server's login owns nothing, so it cannot migrate: say which setting to fix. */
async function refuseServerLogin(db: Database): Promise<void> {
  const result = await db.execute(sql`
    select exists (
      select from pg_auth_members
      where roleid = (select oid from pg_roles where rolname = ${SERVER_ROLE})
        and member = (select oid from pg_roles where rolname = current_user)
    ) as server_login, current_user as login`);
  const [row] = (result as unknown as { rows: { server_login: boolean; login: string }[] }).rows;
  if (row?.server_login) {
    throw new Error(`migrations need the owner of the tables, but ${row.login} is the server's login (a member of ${SERVER_ROLE}): set MIGRATION_DATABASE_URL to the owner's login`);
  }
}
