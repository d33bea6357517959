import type { Mailer } from './infra/mail/mailer.js';
import type { JobHandlers } from './infra/queue/queue.js';
import { mailJobHandlers, mailJobs } from './modules/mail/mail.jobs.js';
import { systemJobHandlers, systemJobs } from './modules/system/system.jobs.js';

/** Every job the system knows: name → payload schema and result type. */
export const jobCatalog = {
  ...systemJobs,
  ...mailJobs,
};

export type JobCatalog = typeof jobCatalog;
export type JobName = keyof JobCatalog;

/** What handlers use; the AppContext provides it. */
export interface JobDependencies {
  mailer: Mailer;
}

/** Typed as the full record: a job in the catalog without a handler here is a compile error. */
export function jobHandlers(deps: JobDependencies): JobHandlers<JobCatalog> {
  return {
    ...systemJobHandlers(),
    ...mailJobHandlers(deps.mailer),
  };
}
