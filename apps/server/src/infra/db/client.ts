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

export interface DbHandle {
  readonly driver: 'pglite' | 'postgres';
  readonly db: Database;
  /** Runs `fn` on one connection for its whole duration (advisory locks are per session). */
  withSession<T>(fn: (db: Database) => Promise<T>): Promise<T>;
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
  return config.databaseUrl ? createPostgres(config.databaseUrl, options) : createPglite(config, options);
}

async function createPglite(config: Config, options: DbOptions): Promise<DbHandle> {
  const dataDir = options.pgliteDataDir ?? path.join(config.dataDir, 'pglite');
  if (dataDir.includes('://')) return pgliteHandle(await openPglite(dataDir, options));
  // PGlite creates its own directory but not the parents (DATA_DIR may not exist yet).
  await mkdir(path.dirname(dataDir), { recursive: true });
  // Before opening: a second PGlite on the same files corrupts them.
  const lock = await lockDataDir(dataDir, options.pgliteOwner ?? `node ${process.argv.slice(1).join(' ')}`);
  try {
    return pgliteHandle(await openPglite(dataDir, options), lock);
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

export function pgliteHandle(client: PGlite, dataDirLock?: DataDirLock): DbHandle {
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  // PGlite is one session, so session-level locks cannot make callers wait for each other:
  // callers that need a session of their own (migrations) take turns instead.
  let sessionQueue: Promise<unknown> = Promise.resolve();
  return {
    driver: 'pglite',
    db,
    withSession: (fn) => {
      const turn = sessionQueue.then(() => fn(db));
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

async function createPostgres(url: string, options: DbOptions): Promise<DbHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 20,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server (restart, failover) must not crash the process; the pool
  // drops it and the next checkout connects again.
  pool.on('error', () => {});
  const db = drizzlePostgres(pool, { schema }) as unknown as Database;
  return {
    driver: 'postgres',
    db,
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(drizzlePostgres(client, { schema }) as unknown as Database);
      } finally {
        client.release();
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
