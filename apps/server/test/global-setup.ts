import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { PGlite } from '@electric-sql/pglite';
import { createDb, pgliteExtensions, pgliteHandle } from '../src/infra/db/client.js';
import { runMigrations } from '../src/infra/db/migrate.js';
import { connectRedis } from '../src/infra/redis/redis.js';
import { createLogger } from '../src/infra/telemetry/logger.js';
import { adminUrl, withDatabase } from './database-names.js';

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
    await admin.end();
    const handle = await createDb({ ...config, databaseUrl: withDatabase(config.databaseUrl, templateDatabase) }, { poolSize: 1 });
    await runMigrations(handle);
    await handle.close();
  } else {
    const client = await PGlite.create('memory://', { extensions: pgliteExtensions });
    await runMigrations(pgliteHandle(client));
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
