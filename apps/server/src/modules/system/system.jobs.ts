import { z } from 'zod';
import { defineJob } from '../../infra/queue/define-job.js';
import type { JobHandlers } from '../../infra/queue/queue.js';

export const systemJobs = {
  /** Round trip through the queue and a worker; `spanner ping` checks a deployment with it. */
  ping: defineJob<'pong'>()({ payload: z.object({}).strict(), attempts: 1 }),
};

export function systemJobHandlers(): JobHandlers<typeof systemJobs> {
  return {
    ping: async (_payload, run) => {
      run.log.info('ping received, answering pong');
      return 'pong';
    },
  };
}
