import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Config } from '../../config.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** Extensions must be handed to PGlite every time it opens a data dir. */
export const pgliteExtensions = { pg_trgm };

/**
 * The group role of the server's PostgreSQL logins (migration 0012): the global tables the server
 * uses, and membership in spanner_app for tenant transactions. Never superuser, owner or BYPASSRLS.
 */
export const SERVER_ROLE = 'spanner_server';

export interface DbHandle {
  readonly driver: 'pglite' | 'postgres';
  /** The runtime connection, with the server role's rights only. */
  readonly db: Database;
  /**
   * Runs `fn` on one session as the owner of the schema, for its whole duration (migrations;
   * advisory locks are per session): MIGRATION_DATABASE_URL on PostgreSQL.
   */
  withOwnerSession<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  /** The lock on the PGlite data dir this process owns (none in memory or on PostgreSQL). */
  readonly dataDirLock?: DataDirLock;
}

export interface DbOptions {
  /** A PGlite data dir dump to start from (tests clone a migrated template this way). */
  pgliteSnapshot?: Blob;
  /** Overrides DATA_DIR for PGlite; `memory://` keeps the database in memory. */
  pgliteDataDir?: string;
  /** Who opens the PGlite data dir (`spanner start`), told to a second process that tries. */
  pgliteOwner?: string;
  poolSize?: number;
}

/** PGlite in DATA_DIR when DATABASE_URL is unset, a pooled PostgreSQL client otherwise. */
export async function createDb(config: Config, options: DbOptions = {}): Promise<DbHandle> {
  return config.databaseUrl ? createPostgres(config, config.databaseUrl, options) : createPglite(config, options);
}

async function createPglite(config: Config, options: DbOptions): Promise<DbHandle> {
  const dataDir = options.pgliteDataDir ?? path.join(config.dataDir, 'pglite');
  if (dataDir.includes('://')) return pgliteHandle(await openPglite(dataDir, options));
  // PGlite creates its own directory but not the parents (DATA_DIR may not exist yet).
  await mkdir(path.dirname(dataDir), { recursive: true });
  // Before opening: a second PGlite on the same files corrupts them.
  const lock = await lockDataDir(dataDir, options.pgliteOwner ?? `node ${process.argv.slice(1).join(' ')}`);
  try {
    return await pgliteHandle(await openPglite(dataDir, options), lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

function openPglite(dataDir: string, options: DbOptions): Promise<PGlite> {
  return PGlite.create(dataDir, {
    extensions: pgliteExtensions,
    ...(options.pgliteSnapshot ? { loadDataDir: options.pgliteSnapshot } : {}),
  });
}

/**
 * PGlite is one superuser session: after migrations it switches to the server role at session
 * level, so the embedded server has the rights a PostgreSQL login of the server would have.
 */
export async function pgliteHandle(client: PGlite, dataDirLock?: DataDirLock): Promise<DbHandle> {
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  await enterServerRole(client);
  // One session, so session-level locks cannot make callers wait for each other: callers that
  // need the session as owner (migrations) take turns instead.
  let sessionQueue: Promise<unknown> = Promise.resolve();
  return {
    driver: 'pglite',
    db,
    withOwnerSession: (fn) => {
      const turn = sessionQueue.then(async () => {
        await client.exec('reset role');
        try {
          return await fn(db);
        } finally {
          await enterServerRole(client);
        }
      });
      sessionQueue = turn.catch(() => {});
      return turn;
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        await dataDirLock?.release();
      }
    },
    ...(dataDirLock ? { dataDirLock } : {}),
  };
}

/** Before the first migration the role does not exist yet, and there is nothing to protect. */
async function enterServerRole(client: PGlite): Promise<void> {
  const { rows } = await client.query('select 1 from pg_roles where rolname = $1', [SERVER_ROLE]);
  if (rows.length > 0) await client.exec(`set role ${SERVER_ROLE}`);
}

async function createPostgres(config: Config, url: string, options: DbOptions): Promise<DbHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 20,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Sent at connect, so it holds for every statement of the runtime (0: no limit).
    ...(config.databaseStatementTimeoutMs > 0 ? { statement_timeout: config.databaseStatementTimeoutMs } : {}),
  });
  // An idle client losing its server (restart, failover) must not crash the process; the pool
  // drops it and the next checkout connects again.
  pool.on('error', () => {});
  const db = drizzlePostgres(pool, { schema }) as unknown as Database;
  return {
    driver: 'postgres',
    db,
    // A connection of its own, outside the pool: the owner's rights never serve a request.
    withOwnerSession: async (fn) => {
      const client = new pg.Client({ connectionString: config.migrationDatabaseUrl ?? url, connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        return await fn(drizzlePostgres(client, { schema }) as unknown as Database);
      } finally {
        await client.end();
      }
    },
    ping: async (timeoutMs = 2_000) => {
      await withTimeout(db.execute(sql`select 1`), timeoutMs, 'database did not answer');
    },
    close: () => pool.end(),
  };
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
