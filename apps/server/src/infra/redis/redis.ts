import { Redis, type RedisOptions } from 'ioredis';
import { withTimeout } from '../db/client.js';
import type { Logger } from '../telemetry/logger.js';

export type { Redis };

export interface RedisConnectOptions {
  /** BullMQ workers block on Redis and need `null` here; request-path clients fail fast instead. */
  blocking?: boolean;
}

/**
 * A client that reconnects forever with capped backoff, so a Redis restart heals by itself.
 * Request-path clients keep no offline queue: while Redis is down their commands fail at once,
 * which is what /ready needs to turn 503 quickly.
 */
export function connectRedis(url: string, log: Logger, options: RedisConnectOptions = {}): Redis {
  const redisOptions: RedisOptions = {
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...(options.blocking
      ? { maxRetriesPerRequest: null }
      : { enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
  };
  const client = new Redis(url, redisOptions);
  let lastError = '';
  client.on('error', (error: Error) => {
    // One line per distinct failure instead of one per reconnect attempt.
    if (error.message === lastError) return;
    lastError = error.message;
    log.warn({ err: error }, 'redis connection error');
  });
  client.on('ready', () => {
    if (lastError) log.info('redis connection restored');
    lastError = '';
  });
  return client;
}

export async function pingRedis(client: Redis, timeoutMs = 1_000): Promise<void> {
  await withTimeout(client.ping(), timeoutMs, 'redis did not answer');
}
