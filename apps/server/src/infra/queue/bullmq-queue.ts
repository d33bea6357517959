import { Queue as BullQueue, QueueEvents, Worker } from 'bullmq';
import { connectRedis, type Redis } from '../redis/redis.js';
import type { Logger } from '../telemetry/logger.js';
import type { Metrics } from '../telemetry/metrics.js';
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  JobTimeoutError,
  type JobCatalog,
  type JobPayload,
  type JobResult,
  type Queue,
} from './queue.js';
import { runHandler } from './run-handler.js';

const QUEUE_NAME = 'jobs';

export interface BullmqQueueOptions<C extends JobCatalog> {
  catalog: C;
  redisUrl: string;
  prefix: string;
  log: Logger;
  metrics: Metrics;
  concurrency?: number;
}

/** BullMQ on Redis for the services mode: any `spanner worker` process may run a job. */
export function createBullmqQueue<C extends JobCatalog>(options: BullmqQueueOptions<C>): Queue<C> {
  const { catalog, log, metrics, prefix } = options;
  const connections: Redis[] = [];
  const connect = (blocking: boolean) => {
    const client = connectRedis(options.redisUrl, log, { blocking });
    connections.push(client);
    return client;
  };
  const producer = new BullQueue(QUEUE_NAME, {
    connection: connect(true),
    prefix,
    defaultJobOptions: {
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  // Without a listener BullMQ prints connection errors to the console; the client logs them once.
  const ignoreConnectionError = () => {};
  producer.on('error', ignoreConnectionError);
  let events: Promise<QueueEvents> | undefined;
  let worker: Worker | undefined;

  function queueEvents(): Promise<QueueEvents> {
    events ??= (async () => {
      const instance = new QueueEvents(QUEUE_NAME, { connection: connect(true), prefix });
      instance.on('error', ignoreConnectionError);
      await instance.waitUntilReady();
      return instance;
    })();
    return events;
  }

  async function enqueue<N extends keyof C & string>(name: N, payload: JobPayload<C, N>): Promise<string> {
    const spec = catalog[name]!;
    const job = await producer.add(name, spec.payload.parse(payload), {
      attempts: spec.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential', delay: spec.backoffMs ?? DEFAULT_BACKOFF_MS },
    });
    return job.id!;
  }

  return {
    kind: 'bullmq',
    enqueue,
    async run<N extends keyof C & string>(name: N, payload: JobPayload<C, N>, runOptions: { timeoutMs?: number } = {}) {
      const timeoutMs = runOptions.timeoutMs ?? 10_000;
      // Subscribe before adding, or a fast worker could finish before we listen.
      const listener = await queueEvents();
      const id = await enqueue(name, payload);
      const job = await producer.getJob(id);
      if (!job) throw new Error(`job ${name} ${id} vanished before it could be awaited`);
      try {
        return (await job.waitUntilFinished(listener, timeoutMs)) as JobResult<C, N>;
      } catch (error) {
        if (error instanceof Error && /timed out/i.test(error.message)) throw new JobTimeoutError(name, timeoutMs);
        throw error;
      }
    },
    async startWorker(handlers) {
      worker = new Worker(
        QUEUE_NAME,
        (job) =>
          runHandler(
            { catalog, handlers, log, metrics },
            { id: job.id ?? 'unknown', name: job.name, data: job.data, attempt: job.attemptsMade + 1 },
          ),
        { connection: connect(true), prefix, concurrency: options.concurrency ?? 4 },
      );
      worker.on('error', ignoreConnectionError);
      await worker.waitUntilReady();
      log.info({ queue: QUEUE_NAME, prefix }, 'job worker listening on redis');
    },
    async close() {
      // Worker.close waits for running jobs; waiting jobs stay in Redis for the next worker.
      await worker?.close();
      if (events) await (await events).close();
      await producer.close();
      await Promise.allSettled(connections.map((client) => client.quit()));
    },
  };
}
