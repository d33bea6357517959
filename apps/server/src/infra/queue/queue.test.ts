import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfig, testLogger } from '../../../test/app.js';
import { jobCatalog, jobHandlers } from '../../jobs.js';
import { createMetrics, type Metrics } from '../telemetry/metrics.js';
import { createBullmqQueue } from './bullmq-queue.js';
import { defineJob } from './define-job.js';
import { createInlineQueue } from './inline-queue.js';
import { JobTimeoutError, type Queue } from './queue.js';

const testJobs = {
  echo: defineJob<string>()({ payload: z.object({ text: z.string() }) }),
  flaky: defineJob<number>()({ payload: z.object({ failures: z.number().int() }), attempts: 3, backoffMs: 10 }),
  broken: defineJob<never>()({ payload: z.object({}), attempts: 2, backoffMs: 10 }),
  slow: defineJob<string>()({ payload: z.object({ ms: z.number() }) }),
};
type TestJobs = typeof testJobs;

function handlers(calls: { flaky: number; slowDone: number }) {
  return {
    echo: async ({ text }: { text: string }) => text,
    flaky: async ({ failures }: { failures: number }, run: { attempt: number }) => {
      calls.flaky += 1;
      if (run.attempt <= failures) throw new Error(`attempt ${run.attempt} failed`);
      return run.attempt;
    },
    broken: async (): Promise<never> => {
      throw new Error('always broken');
    },
    slow: async ({ ms }: { ms: number }) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      calls.slowDone += 1;
      return 'done';
    },
  };
}

async function jobCount(metrics: Metrics, name: string, outcome: string): Promise<number> {
  const { values } = await metrics.jobs.get();
  return values.find((sample) => sample.labels.name === name && sample.labels.outcome === outcome)?.value ?? 0;
}

interface Adapter {
  name: string;
  create(metrics: Metrics): Queue<TestJobs>;
}

const config = baseConfig();
const log = testLogger(config);
const adapters: Adapter[] = [{ name: 'inline', create: (metrics) => createInlineQueue({ catalog: testJobs, log, metrics }) }];
if (config.redisUrl) {
  const redisUrl = config.redisUrl;
  // A prefix per queue: BullMQ keys of one test never meet another's.
  adapters.push({
    name: 'bullmq',
    create: (metrics) =>
      createBullmqQueue({ catalog: testJobs, redisUrl, prefix: `${config.redisKeyPrefix}:${randomBytes(3).toString('hex')}`, log, metrics }),
  });
}

describe.each(adapters)('the $name queue', (adapter) => {
  const open: Queue<TestJobs>[] = [];
  const make = (metrics = createMetrics()) => {
    const queue = adapter.create(metrics);
    open.push(queue);
    return { queue, metrics, calls: { flaky: 0, slowDone: 0 } };
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((queue) => queue.close()));
  });

  it('runs a job and hands back its result', async () => {
    const { queue, metrics, calls } = make();
    await queue.startWorker(handlers(calls));
    await expect(queue.run('echo', { text: 'hello' })).resolves.toBe('hello');
    expect(await jobCount(metrics, 'echo', 'completed')).toBe(1);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const { queue, metrics, calls } = make();
    await queue.startWorker(handlers(calls));
    await expect(queue.run('flaky', { failures: 2 })).resolves.toBe(3);
    expect(calls.flaky).toBe(3);
    expect(await jobCount(metrics, 'flaky', 'retried')).toBe(2);
    expect(await jobCount(metrics, 'flaky', 'completed')).toBe(1);
  });

  it('counts a job as failed once its attempts are used up', async () => {
    const { queue, metrics, calls } = make();
    await queue.startWorker(handlers(calls));
    await expect(queue.run('broken', {})).rejects.toThrow('always broken');
    expect(await jobCount(metrics, 'broken', 'retried')).toBe(1);
    expect(await jobCount(metrics, 'broken', 'failed')).toBe(1);
  });

  it('rejects a payload that does not match the job schema before queueing it', async () => {
    const { queue } = make();
    await expect(queue.enqueue('echo', { text: 42 } as unknown as { text: string })).rejects.toThrow();
  });

  it('gives up waiting after the timeout when no worker answers', async () => {
    const { queue } = make();
    await expect(queue.run('echo', { text: 'anyone?' }, { timeoutMs: 300 })).rejects.toBeInstanceOf(JobTimeoutError);
  });

  it('lets a running job finish when it is closed', async () => {
    const { queue, calls } = make();
    await queue.startWorker(handlers(calls));
    const result = queue.run('slow', { ms: 400 }, { timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await queue.close();
    expect(calls.slowDone).toBe(1);
    await expect(result).resolves.toBe('done');
  });
});

describe('the job registry', () => {
  const deps = { mailer: { kind: 'dev-mailbox' as const, send: async () => {} } };

  it('has a handler for every job in the catalog', () => {
    expect(Object.keys(jobHandlers(deps)).sort()).toEqual(Object.keys(jobCatalog).sort());
  });

  it('answers ping with pong', async () => {
    const queue = createInlineQueue({ catalog: jobCatalog, log, metrics: createMetrics() });
    try {
      await queue.startWorker(jobHandlers(deps));
      await expect(queue.run('ping', {})).resolves.toBe('pong');
    } finally {
      await queue.close();
    }
  });
});
