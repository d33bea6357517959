import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { pino } from 'pino';
import { inject } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, resolveSecretKey, type Config } from '../src/config.js';
import { closeContext, createContext, type AppContext, type ContextOptions } from '../src/context.js';
import type { DbOptions } from '../src/infra/db/client.js';
import { loggerOptions, type Logger } from '../src/infra/telemetry/logger.js';
import { adminUrl, withDatabase } from './database-names.js';

/** The environment of this test run (DATABASE_URL/REDIS_URL decide the mode), as the test env. */
export function baseConfig(env: NodeJS.ProcessEnv = {}): Config {
  return resolveSecretKey(
    loadConfig({
      ...process.env,
      ENVIRONMENT: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      REDIS_KEY_PREFIX: inject('redisKeyPrefix'),
      CORS_ORIGINS: '',
      PUBLIC_URL: '',
      ...env,
    }),
  );
}

export function testLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const { transport: _pretty, ...options } = loggerOptions(config);
  return destination ? pino(options, destination) : pino(options);
}

let fileDatabase: Promise<string> | undefined;
let fileSnapshot: Promise<Blob> | undefined;

/** One PostgreSQL database per test file, cloned from the migrated template. */
function fileDatabaseUrl(databaseUrl: string): Promise<string> {
  fileDatabase ??= (async () => {
    const name = `spanner_test_${inject('runId')}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl(databaseUrl) });
    await admin.connect();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
          break;
        } catch (error) {
          // Two files cloning the template at the same instant: the loser retries.
          if ((error as { code?: string }).code !== '55006' || attempt === 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        }
      }
    } finally {
      await admin.end();
    }
    return withDatabase(databaseUrl, name);
  })();
  return fileDatabase;
}

export async function testDbOptions(config: Config): Promise<{ config: Config; db: DbOptions }> {
  if (config.databaseUrl) return { config: { ...config, databaseUrl: await fileDatabaseUrl(config.databaseUrl) }, db: { poolSize: 5 } };
  fileSnapshot ??= readFile(inject('pgliteSnapshotPath')!).then((buffer) => new Blob([buffer]));
  return { config, db: { pgliteDataDir: 'memory://', pgliteSnapshot: await fileSnapshot } };
}

export interface TestContextOptions extends Omit<ContextOptions, 'db'> {
  env?: NodeJS.ProcessEnv;
}

/** A context on this file's database (a migrated copy), the run's Redis prefix and a quiet logger. */
export async function createTestContext(options: TestContextOptions = {}): Promise<AppContext> {
  const { config, db } = await testDbOptions(baseConfig(options.env));
  return createContext(config, { webRoot: null, ...options, log: options.log ?? testLogger(config), db });
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  close(): Promise<void>;
}

/** `buildApp()` on a fresh context; `extend` may add routes before the app is ready. */
export async function createTestApp(options: TestContextOptions & { extend?: (app: App) => void } = {}): Promise<TestApp> {
  const ctx = await createTestContext(options);
  const app = await buildApp(ctx);
  options.extend?.(app);
  await app.ready();
  return {
    app,
    ctx,
    close: async () => {
      await app.close();
      await closeContext(ctx);
    },
  };
}

/** Polls until `check` answers `status`; returns how long it took. */
export async function waitForStatus(check: () => Promise<number>, status: number, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if ((await check()) === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`status ${status} not reached within ${withinMs} ms`);
}

/** A fresh Redis client connects asynchronously: readiness is 503 until it has. */
export function waitUntilReady(app: App): Promise<number> {
  return waitForStatus(async () => (await app.inject('/ready')).statusCode, 200, 5_000);
}
