import { apiIndexSchema, can, livenessSchema, problemSchema, readinessSchema, serviceHealthSchema, type Readiness } from '@spanner/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import type { AuthService } from '../auth/auth.service.js';
import { SERVICE_NAME, VERSION } from '../../version.js';

const READINESS_TIMEOUT_MS = 2_000;

async function checkReadiness(ctx: AppContext): Promise<Readiness> {
  const checks = await Promise.all(
    ctx.readinessChecks.map(async ({ name, check }) => {
      try {
        await check();
        return { name, status: 'ok' as const };
      } catch (error) {
        return { name, status: 'failing' as const, detail: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  return { status: checks.every((check) => check.status === 'ok') ? 'ok' : 'unavailable', checks };
}

/** A request from this machine itself, not relayed by a proxy (whose clients would all look local). */
function isLocal(request: FastifyRequest): boolean {
  const ip = request.ip.replace(/^::ffff:/, '');
  return (ip === '::1' || ip.startsWith('127.')) && request.headers['x-forwarded-for'] === undefined;
}

/**
 * Error texts of failing checks can name hosts, users and versions: only for this machine and for
 * signed-in owners and admins. `auth` is null in the worker, which has no sign-in.
 */
async function mayReadFailureDetails(request: FastifyRequest, auth: AuthService | null): Promise<boolean> {
  if (isLocal(request)) return true;
  if (!auth || !request.headers.authorization) return false;
  try {
    const actor = await auth.authenticate({ authorization: request.headers.authorization, ip: request.ip, requestId: request.id });
    return can(actor.role, 'settings.manage');
  } catch {
    return false;
  }
}

/** Liveness, readiness and service identity: what load balancers, orchestrators and people poll. */
export function systemRoutes(ctx: AppContext, auth: AuthService | null): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: { operationId: 'system.liveness', tags: ['system'], summary: 'Liveness: the process answers', response: { 200: livenessSchema } },
        logLevel: 'warn',
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/ready',
      {
        schema: {
          operationId: 'system.readiness',
          tags: ['system'],
          summary: 'Readiness: the database and (when configured) Redis answer',
          description: `Each check must answer within ${READINESS_TIMEOUT_MS} ms. A failing check's error text is shown only to requests from the server's own machine and to signed-in owners and admins.`,
          response: { 200: readinessSchema, 503: readinessSchema },
        },
        logLevel: 'warn',
      },
      async (request, reply) => {
        const readiness = await checkReadiness(ctx);
        const shown = (await mayReadFailureDetails(request, auth)) ? readiness : { ...readiness, checks: readiness.checks.map(({ name, status }) => ({ name, status })) };
        return reply.status(readiness.status === 'ok' ? 200 : 503).send(shown);
      },
    );

    app.get(
      '/api/health',
      { schema: { operationId: 'system.health', tags: ['system'], summary: 'Service name, version and status', response: { 200: serviceHealthSchema } } },
      async () => ({ service: SERVICE_NAME, version: VERSION, status: 'ok' as const }),
    );

    app.get(
      '/api/v1',
      {
        config: { access: 'public' },
        schema: {
          operationId: 'system.index',
          tags: ['system'],
          summary: 'API name, version and links',
          response: { 200: apiIndexSchema, 404: problemSchema },
        },
      },
      async () => ({
        name: 'Spanner CRM API',
        version: VERSION,
        links: {
          self: '/api/v1',
          openapi: '/openapi.json',
          docs: '/docs',
          health: '/api/health',
          readiness: '/ready',
          metrics: '/metrics',
        },
      }),
    );
  };
}
