import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { inject } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, resolveSecretKey, type Config } from '../src/config.js';
import { closeContext, createContext, type AppContext, type ContextOptions } from '../src/context.js';
import type { DbOptions } from '../src/infra/db/client.js';
import type { Redis } from '../src/infra/redis/redis.js';
import { jobHandlers } from '../src/jobs.js';
import { loggerOptions, type Logger } from '../src/infra/telemetry/logger.js';
import { adminUrl, asServerLogin, withDatabase } from './database-names.js';

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
      TRUST_PROXY: '',
      SMTP_URL: '',
      MAIL_FROM: '',
      // Out of reach of ordinary tests; a test about limiting sets its own through `env`.
      RATE_LIMIT_AUTH_PER_IP: '1000000',
      RATE_LIMIT_AUTH_PER_ACCOUNT: '1000000',
      RATE_LIMIT_API_KEY_PER_IP: '1000000',
      RATE_LIMIT_API_KEY_PER_KEY: '1000000',
      RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '1000000',
      RATE_LIMIT_INVITATIONS_PER_USER: '1000000',
      RATE_LIMIT_INVITATIONS_PER_ORGANIZATION: '1000000',
      RATE_LIMIT_VERIFICATION_MAILS_PER_USER: '1000000',
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
  if (config.databaseUrl) {
    // DATABASE_URL of the test run is the owner's: it migrates; the server logs in as itself.
    const ownerUrl = await fileDatabaseUrl(config.databaseUrl);
    return { config: { ...config, databaseUrl: asServerLogin(ownerUrl), migrationDatabaseUrl: ownerUrl }, db: { poolSize: 5 } };
  }
  fileSnapshot ??= readFile(inject('pgliteSnapshotPath')!).then((buffer) => new Blob([buffer]));
  return { config, db: { pgliteDataDir: 'memory://', pgliteSnapshot: await fileSnapshot } };
}

/** Runs `query` as the owner of the tables, outside RLS: for test setup and ground truth only. */
export async function asOwner<T>(ctx: AppContext, query: SQL): Promise<T[]> {
  return ctx.db.withOwnerSession(async (db) => ((await db.execute(query)) as unknown as { rows: T[] }).rows);
}

export interface TestContextOptions extends Omit<ContextOptions, 'db'> {
  env?: NodeJS.ProcessEnv;
}

/**
 * A context on this file's database (a migrated copy), a quiet logger and a Redis prefix of its
 * own under the run's: BullMQ jobs and rate-limit counts of one test never reach another's.
 */
export async function createTestContext(options: TestContextOptions = {}): Promise<AppContext> {
  const prefix = `${inject('redisKeyPrefix')}:${randomBytes(4).toString('hex')}`;
  const { config, db } = await testDbOptions(baseConfig({ REDIS_KEY_PREFIX: prefix, ...options.env }));
  const ctx = await createContext(config, { webRoot: null, ...options, log: options.log ?? testLogger(config), db });
  if (ctx.redis) await connected(ctx.redis);
  return ctx;
}

/**
 * Until its client has connected, rate limits count in memory as during an outage; a test that
 * counts to a limit right away must find them in Redis, as a server that has been up a moment would.
 */
function connected(redis: Redis, withinMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis not connected within ${withinMs} ms`)), withinMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  close(): Promise<void>;
}

export interface TestAppOptions extends TestContextOptions {
  /** Adds routes before the app is ready. */
  extend?: (app: App) => void;
  /** Runs jobs (emails) in this test, as `spanner start` does. */
  worker?: boolean;
}

/** `buildApp()` on a fresh context. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ctx = await createTestContext(options);
  if (options.worker) await ctx.queue.startWorker(jobHandlers(ctx));
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
