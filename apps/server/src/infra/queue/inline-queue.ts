import { v7 as uuidv7 } from 'uuid';
import type { Logger } from '../telemetry/logger.js';
import type { Metrics } from '../telemetry/metrics.js';
import {
  DEFAULT_ATTEMPTS,
  JobTimeoutError,
  backoffDelay,
  type JobCatalog,
  type JobHandlers,
  type JobPayload,
  type JobResult,
  type Queue,
} from './queue.js';
import { runHandler } from './run-handler.js';

interface Entry {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
}

interface Waiter {
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

export interface InlineQueueOptions<C extends JobCatalog> {
  catalog: C;
  log: Logger;
  metrics: Metrics;
  concurrency?: number;
}

/**
 * In-process queue for the embedded mode: same port as BullMQ, jobs run on this event loop.
 * Nothing is persisted, so jobs still waiting when the process stops are lost (and logged).
 */
export function createInlineQueue<C extends JobCatalog>(options: InlineQueueOptions<C>): Queue<C> {
  const { catalog, log, metrics } = options;
  const concurrency = options.concurrency ?? 4;
  const waiting: Entry[] = [];
  const active = new Set<Promise<void>>();
  const retryTimers = new Set<NodeJS.Timeout>();
  const waiters = new Map<string, Waiter>();
  let handlers: JobHandlers<C> | undefined;
  let closed = false;

  function drain(): void {
    while (handlers && !closed && waiting.length > 0 && active.size < concurrency) {
      const entry = waiting.shift()!;
      const execution = execute(handlers, entry).finally(() => {
        active.delete(execution);
        drain();
      });
      active.add(execution);
    }
  }

  async function execute(jobHandlers: JobHandlers<C>, entry: Entry): Promise<void> {
    entry.attempt += 1;
    try {
      const result = await runHandler(
        { catalog, handlers: jobHandlers, log, metrics },
        { id: entry.id, name: entry.name, data: entry.data, attempt: entry.attempt },
      );
      settle(entry.id, (waiter) => waiter.resolve(result));
    } catch (error) {
      const spec = catalog[entry.name]!;
      if (entry.attempt < (spec.attempts ?? DEFAULT_ATTEMPTS) && !closed) {
        const timer = setTimeout(() => {
          retryTimers.delete(timer);
          waiting.push(entry);
          drain();
        }, backoffDelay(spec, entry.attempt));
        retryTimers.add(timer);
      } else {
        settle(entry.id, (waiter) => waiter.reject(error));
      }
    }
  }

  function settle(id: string, action: (waiter: Waiter) => void): void {
    const waiter = waiters.get(id);
    if (!waiter) return;
    waiters.delete(id);
    action(waiter);
  }

  async function enqueue<N extends keyof C & string>(name: N, payload: JobPayload<C, N>): Promise<string> {
    if (closed) throw new Error('queue is closed');
    const spec = catalog[name]!;
    const entry: Entry = { id: uuidv7(), name, data: spec.payload.parse(payload), attempt: 0 };
    waiting.push(entry);
    queueMicrotask(drain);
    return entry.id;
  }

  return {
    kind: 'inline',
    enqueue,
    async run<N extends keyof C & string>(name: N, payload: JobPayload<C, N>, runOptions: { timeoutMs?: number } = {}) {
      const timeoutMs = runOptions.timeoutMs ?? 10_000;
      const id = await enqueue(name, payload);
      return new Promise<JobResult<C, N>>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(id);
          reject(new JobTimeoutError(name, timeoutMs));
        }, timeoutMs);
        waiters.set(id, {
          resolve: (result) => {
            clearTimeout(timer);
            resolve(result as JobResult<C, N>);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      });
    },
    async startWorker(jobHandlers) {
      handlers = jobHandlers;
      drain();
    },
    async close() {
      closed = true;
      for (const timer of retryTimers) clearTimeout(timer);
      const dropped = waiting.length + retryTimers.size;
      retryTimers.clear();
      await Promise.allSettled([...active]);
      if (dropped > 0) log.warn({ dropped }, 'inline queue closed with jobs still waiting; they are not persisted');
    },
  };
}
