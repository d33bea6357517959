import type { z } from 'zod';
import type { JobSpec } from './queue.js';

/** `defineJob<Result>()({ payload })`: the payload type is inferred, the result type is stated. */
export function defineJob<R>() {
  return <P extends z.ZodType>(spec: Omit<JobSpec<P, R>, 'result'>): JobSpec<P, R> => spec;
}
