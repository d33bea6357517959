import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Histogram } from 'prom-client';
import type { Metrics } from '../telemetry/metrics.js';

const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Keeps a caller's x-request-id when it is sane, otherwise a new UUID; used as Fastify's genReqId. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
}

/** Echoes the request id and records the request duration histogram by route pattern. */
export const observabilityPlugin = fp<{ metrics: Metrics }>(async (app: FastifyInstance, { metrics }) => {
  // Callback hooks and one cached histogram child per series: these run on every request.
  const series = new Map<string, Histogram.Internal<'method' | 'route' | 'status_code'>>();
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${route} ${reply.statusCode}`;
    let child = series.get(key);
    if (!child) {
      child = metrics.httpRequestDuration.labels({ method: request.method, route, status_code: String(reply.statusCode) });
      series.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
});
