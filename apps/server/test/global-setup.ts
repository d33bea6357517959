import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { PGlite } from '@electric-sql/pglite';
import { createDb, pgliteExtensions, pgliteHandle, SERVER_ROLE } from '../src/infra/db/client.js';
import { runMigrations } from '../src/infra/db/migrate.js';
import { connectRedis } from '../src/infra/redis/redis.js';
import { createLogger } from '../src/infra/telemetry/logger.js';
import { adminUrl, TEST_SERVER_LOGIN, withDatabase } from './database-names.js';

declare module 'vitest' {
  export interface ProvidedContext {
    runId: string;
    /** PGlite: a dump of a migrated data dir that every test database starts from. */
    pgliteSnapshotPath: string | null;
    /** PostgreSQL: a migrated database every test file clones with CREATE DATABASE … TEMPLATE. */
    templateDatabase: string | null;
    redisKeyPrefix: string;
  }
}

/** Arbitrary but fixed: every test run on this PostgreSQL server contends for it. */
const SERVER_LOGIN_LOCK_KEY = 7_247_002;

/**
 * The suite's servers log in as a member of spanner_server (created by the migrations), as a
 * production server does, while DATABASE_URL stays the owner's for migrations and CREATE DATABASE.
 * Roles are cluster-wide and other runs may be creating this one right now: one at a time.
 */
async function createServerLogin(admin: pg.Client): Promise<void> {
  await admin.query('select pg_advisory_lock($1)', [SERVER_LOGIN_LOCK_KEY]);
  try {
    const { rows } = await admin.query('select 1 from pg_roles where rolname = $1', [TEST_SERVER_LOGIN]);
    if (rows.length === 0) await admin.query(`create role ${TEST_SERVER_LOGIN} login password '${TEST_SERVER_LOGIN}' in role ${SERVER_ROLE}`);
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [SERVER_LOGIN_LOCK_KEY]);
  }
}

/** Migrates once per run; each test file then starts from a copy (STYLE 7). */
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex');
  const config = loadConfig({ ...process.env, ENVIRONMENT: 'test' });
  const log = createLogger({ logLevel: 'warn' });
  const redisKeyPrefix = `spanner-test-${runId}`;
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'spanner-test-'));
  let templateDatabase: string | null = null;
  let pgliteSnapshotPath: string | null = null;

  if (config.databaseUrl) {
    templateDatabase = `spanner_test_${runId}_template`;
    const admin = new pg.Client({ connectionString: adminUrl(config.databaseUrl) });
    await admin.connect();
    await admin.query(`create database ${templateDatabase}`);
    const templateUrl = withDatabase(config.databaseUrl, templateDatabase);
    const handle = await createDb({ ...config, databaseUrl: templateUrl, migrationDatabaseUrl: templateUrl }, { poolSize: 1 });
    await runMigrations(handle);
    await handle.close();
    await createServerLogin(admin);
    await admin.end();
  } else {
    const client = await PGlite.create('memory://', { extensions: pgliteExtensions });
    await runMigrations(await pgliteHandle(client));
    pgliteSnapshotPath = path.join(tempDir, 'migrated.tar');
    await writeFile(pgliteSnapshotPath, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    await client.close();
  }

  project.provide('runId', runId);
  project.provide('pgliteSnapshotPath', pgliteSnapshotPath);
  project.provide('templateDatabase', templateDatabase);
  project.provide('redisKeyPrefix', redisKeyPrefix);

  return async () => {
    if (config.databaseUrl) {
      const admin = new pg.Client({ connectionString: adminUrl(config.databaseUrl) });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`spanner_test_${runId}_%`]);
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    }
    if (config.redisUrl) {
      const redis = connectRedis(config.redisUrl, log, { blocking: true });
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisKeyPrefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
    }
    await rm(tempDir, { recursive: true, force: true });
  };
}
