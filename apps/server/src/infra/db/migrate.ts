import { createRequire } from 'node:module';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as drizzleMigrate } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { DbHandle } from './client.js';

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
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      // The migrator only uses the dialect-level session API, identical for both drivers.
      await drizzleMigrate(db as unknown as NodePgDatabase, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}
