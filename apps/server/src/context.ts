import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config } from './config.js';
import { createDb, type DbHandle, type DbOptions } from './infra/db/client.js';
import { createRateLimits, type RateLimits } from './infra/http/rate-limit.js';
import { createDevMailboxMailer } from './infra/mail/dev-mailbox-mailer.js';
import type { Mailer } from './infra/mail/mailer.js';
import { createSmtpMailer } from './infra/mail/smtp-mailer.js';
import { createBullmqQueue } from './infra/queue/bullmq-queue.js';
import { createInlineQueue } from './infra/queue/inline-queue.js';
import type { JobCatalog as JobCatalogShape, Queue } from './infra/queue/queue.js';
import { connectRedis, pingRedis, type Redis } from './infra/redis/redis.js';
import { createLogger, type Logger } from './infra/telemetry/logger.js';
import { createMetrics, type Metrics } from './infra/telemetry/metrics.js';
import { jobCatalog, type JobCatalog } from './jobs.js';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** Everything a request or a job may need, built once per process (or per test). */
export interface AppContext {
  config: Config;
  log: Logger;
  metrics: Metrics;
  db: DbHandle;
  redis: Redis | null;
  queue: Queue<JobCatalog>;
  mailer: Mailer;
  rateLimits: RateLimits;
  readinessChecks: ReadinessCheck[];
  /** The built SPA, when there is one to serve (`apps/web/dist`). */
  webRoot: string | null;
}

export interface ContextOptions {
  log?: Logger;
  db?: DbOptions;
  webRoot?: string | null;
}

/** BullMQ when REDIS_URL is set, the in-process queue otherwise. */
export function createQueue<C extends JobCatalogShape>(config: Config, catalog: C, log: Logger, metrics: Metrics): Queue<C> {
  return config.redisUrl
    ? createBullmqQueue({ catalog, redisUrl: config.redisUrl, prefix: config.redisKeyPrefix, log, metrics })
    : createInlineQueue({ catalog, log, metrics });
}

export function findWebRoot(): string | null {
  const serverRoot = path.dirname(createRequire(import.meta.url).resolve('@spanner/server/package.json'));
  const webRoot = path.resolve(serverRoot, '../web/dist');
  return existsSync(path.join(webRoot, 'index.html')) ? webRoot : null;
}

export async function createContext(config: Config, options: ContextOptions = {}): Promise<AppContext> {
  const log = options.log ?? createLogger(config);
  const metrics = createMetrics();
  const db = await createDb(config, options.db);
  const redis = config.redisUrl ? connectRedis(config.redisUrl, log) : null;
  const readinessChecks: ReadinessCheck[] = [{ name: 'database', check: () => db.ping() }];
  if (redis) readinessChecks.push({ name: 'redis', check: () => pingRedis(redis) });
  return {
    config,
    log,
    metrics,
    db,
    redis,
    queue: createQueue(config, jobCatalog, log, metrics),
    // Without SMTP_URL (never in production, the config refuses) mail stays in the development mailbox.
    mailer: config.smtpUrl ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom }) : createDevMailboxMailer(db.db, log),
    rateLimits: createRateLimits({ config: config.rateLimits, redis, keyPrefix: config.redisKeyPrefix, log }),
    readinessChecks,
    webRoot: options.webRoot === undefined ? findWebRoot() : options.webRoot,
  };
}

/** Closes in dependency order: no new jobs, running ones finished, then connections. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.queue.close();
  await ctx.redis?.quit().catch(() => ctx.redis?.disconnect());
  await ctx.db.close();
}
