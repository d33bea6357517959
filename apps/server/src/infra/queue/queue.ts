import type { z } from 'zod';
import type { Logger } from '../telemetry/logger.js';

/** A job's contract: what it takes and what it returns. Declared once in the job catalog. */
export interface JobSpec<P extends z.ZodType = z.ZodType, R = unknown> {
  payload: P;
  /** Type-only marker for the result; never read at run time. */
  result?: R;
  /** Attempts before the job counts as failed (default 3), with exponential backoff between. */
  attempts?: number;
  backoffMs?: number;
}

export type JobCatalog = Record<string, JobSpec>;
export type JobPayload<C extends JobCatalog, N extends keyof C> = z.input<C[N]['payload']>;
export type JobResult<C extends JobCatalog, N extends keyof C> = NonNullable<C[N]['result']>;

export interface JobRun {
  id: string;
  attempt: number;
  log: Logger;
}

/** Handlers keyed by job name: a job in the catalog without a handler does not compile. */
export type JobHandlers<C extends JobCatalog> = {
  [N in keyof C]: (payload: z.output<C[N]['payload']>, run: JobRun) => Promise<JobResult<C, N>>;
};

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1_000;

/** Same behaviour on BullMQ (services mode) and in-process (embedded mode). */
export interface Queue<C extends JobCatalog> {
  readonly kind: 'bullmq' | 'inline';
  enqueue<N extends keyof C & string>(name: N, payload: JobPayload<C, N>): Promise<string>;
  /** Enqueues and waits for the result; rejects with the job's error or after `timeoutMs`. */
  run<N extends keyof C & string>(name: N, payload: JobPayload<C, N>, options?: { timeoutMs?: number }): Promise<JobResult<C, N>>;
  /** Starts executing jobs in this process. */
  startWorker(handlers: JobHandlers<C>): Promise<void>;
  /** Stops taking jobs, lets running ones finish (waiting ones stay queued), releases connections. */
  close(): Promise<void>;
}

export class JobTimeoutError extends Error {
  constructor(name: string, timeoutMs: number) {
    super(`job ${name} did not finish within ${timeoutMs} ms`);
    this.name = 'JobTimeoutError';
  }
}

export function backoffDelay(spec: JobSpec, attempt: number): number {
  return (spec.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** (attempt - 1);
}
