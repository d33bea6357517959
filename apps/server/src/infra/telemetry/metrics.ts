import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type JobOutcome = 'completed' | 'failed' | 'retried';

/** One registry per process (and per test app), so metrics never leak between instances. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobs: new Counter({
      name: 'spanner_jobs_total',
      help: 'Jobs handled by this process, by job name and outcome (completed, retried, failed)',
      labelNames: ['name', 'outcome'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'spanner_job_duration_seconds',
      help: 'Job handler duration by job name',
      labelNames: ['name'] as const,
      buckets: [0.001, 0.01, 0.1, 0.5, 1, 5, 30, 120],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
