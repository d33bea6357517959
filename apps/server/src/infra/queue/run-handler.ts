import type { Logger } from '../telemetry/logger.js';
import type { Metrics } from '../telemetry/metrics.js';
import { DEFAULT_ATTEMPTS, type JobCatalog, type JobHandlers, type JobRun } from './queue.js';

export interface HandlerDeps<C extends JobCatalog> {
  catalog: C;
  handlers: JobHandlers<C>;
  log: Logger;
  metrics: Metrics;
}

/** Executes one attempt of a job, recording its outcome; both adapters call this. */
export async function runHandler<C extends JobCatalog>(
  deps: HandlerDeps<C>,
  job: { id: string; name: keyof C & string; data: unknown; attempt: number },
): Promise<unknown> {
  const spec = deps.catalog[job.name];
  const handler = deps.handlers[job.name] as ((payload: unknown, run: JobRun) => Promise<unknown>) | undefined;
  if (!spec || !handler) throw new Error(`no handler registered for job ${job.name}`);
  const log = deps.log.child({ job: job.name, jobId: job.id, attempt: job.attempt });
  const run: JobRun = { id: job.id, attempt: job.attempt, log };
  const stopTimer = deps.metrics.jobDuration.startTimer({ name: job.name });
  try {
    const result = await handler(spec.payload.parse(job.data), run);
    deps.metrics.jobs.inc({ name: job.name, outcome: 'completed' });
    log.info({ durationMs: Math.round(stopTimer() * 1000) }, `job ${job.name} completed`);
    return result;
  } catch (error) {
    stopTimer();
    const final = job.attempt >= (spec.attempts ?? DEFAULT_ATTEMPTS);
    deps.metrics.jobs.inc({ name: job.name, outcome: final ? 'failed' : 'retried' });
    log[final ? 'error' : 'warn']({ err: error }, final ? `job ${job.name} failed` : `job ${job.name} will be retried`);
    throw error;
  }
}
