import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { docsPlugin } from './infra/http/docs.js';
import { errorsPlugin, type ErrorPluginOptions } from './infra/http/errors.js';
import { observabilityPlugin, requestIdFrom } from './infra/http/observability.js';
import { securityHeadersPlugin } from './infra/http/security-headers.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { organizationsRoutes } from './modules/organizations/organizations.routes.js';
import { createOrganizationsService } from './modules/organizations/organizations.service.js';
import { systemRoutes } from './modules/system/system.routes.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** Fastify with our logger, request ids, zod schemas, problem+json errors and metrics. */
async function createServer(ctx: AppContext, options: Omit<ErrorPluginOptions, 'exposeInternalErrors'> = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Keep-alive sockets would hold a graceful shutdown open; in-flight requests still finish.
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorsPlugin, {
    ...options,
    exposeInternalErrors: ctx.config.environment === 'local' || ctx.config.environment === 'development',
  });
  await app.register(observabilityPlugin, { metrics: ctx.metrics });
  return app;
}

/** The HTTP application: plugins first, then each module's routes, registered explicitly. */
export async function buildApp(ctx: AppContext): Promise<App> {
  const { config, webRoot } = ctx;
  const app = await createServer(ctx, {
    spaFallback: webRoot
      ? (_request, reply) => {
          reply.header('cache-control', 'no-cache').sendFile('index.html');
          return true;
        }
      : undefined,
  });
  // Plain http on a laptop must keep loading its own assets: no upgrade, no HSTS.
  const https = config.publicUrl.startsWith('https:');
  await app.register(securityHeadersPlugin, { https });
  // No allowed origin, no CORS plugin: it would add its headers to every same-origin answer.
  if (config.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: config.corsOrigins,
      credentials: true,
      exposedHeaders: ['x-request-id', 'etag', 'retry-after'],
    });
  }
  await app.register(docsPlugin, { https });

  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      // Hashed assets never change; index.html is revalidated so a deploy shows up at once.
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  await app.register(cookie);
  app.decorateRequest('actor', null);

  await app.register(systemRoutes(ctx));
  const auth = createAuthService(ctx);
  await app.register(authRoutes(ctx, auth));
  await app.register(organizationsRoutes(auth, createOrganizationsService(ctx.db.db)));
  return app;
}

/** What a `spanner worker` serves: liveness, readiness and its own job metrics for scraping. */
export async function buildWorkerApp(ctx: AppContext): Promise<App> {
  const app = await createServer(ctx);
  await app.register(systemRoutes(ctx));
  return app;
}
