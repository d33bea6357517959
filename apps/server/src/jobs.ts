import type { JobHandlers } from './infra/queue/queue.js';
import { systemJobHandlers, systemJobs } from './modules/system/system.jobs.js';

/** Every job the system knows: name → payload schema and result type. */
export const jobCatalog = {
  ...systemJobs,
};

export type JobCatalog = typeof jobCatalog;
export type JobName = keyof JobCatalog;

/** Typed as the full record: a job in the catalog without a handler here is a compile error. */
export function jobHandlers(): JobHandlers<JobCatalog> {
  return {
    ...systemJobHandlers(),
  };
}
