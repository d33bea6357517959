import compress from '@fastify/compress';
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
import { sendProblem } from './infra/http/problem.js';
import { securityHeadersPlugin } from './infra/http/security-headers.js';
import { textInputPlugin } from './infra/http/text-input.js';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.js';
import { createApiKeysService } from './modules/api-keys/api-keys.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { accessControlPlugin } from './modules/auth/auth.guard.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { companiesRoutes } from './modules/companies/companies.routes.js';
import { createCompaniesService } from './modules/companies/companies.service.js';
import { contactsRoutes } from './modules/contacts/contacts.routes.js';
import { createContactsService } from './modules/contacts/contacts.service.js';
import { invitationsRoutes } from './modules/invitations/invitations.routes.js';
import { createInvitationsService } from './modules/invitations/invitations.service.js';
import { dealsRoutes } from './modules/deals/deals.routes.js';
import { createDealsService } from './modules/deals/deals.service.js';
import { devMailboxRoutes } from './modules/mail/mail.routes.js';
import { createDevMailboxService } from './modules/mail/mail.service.js';
import { notesRoutes } from './modules/notes/notes.routes.js';
import { createNotesService } from './modules/notes/notes.service.js';
import { organizationsRoutes } from './modules/organizations/organizations.routes.js';
import { createOrganizationsService } from './modules/organizations/organizations.service.js';
import { pipelinesRoutes } from './modules/pipelines/pipelines.routes.js';
import { createPipelinesService } from './modules/pipelines/pipelines.service.js';
import { sampleDataRoutes } from './modules/sample-data/sample-data.routes.js';
import { createSampleDataService } from './modules/sample-data/sample-data.service.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { createSearchService } from './modules/search/search.service.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { timelineRoutes } from './modules/timeline/timeline.routes.js';
import { createTimelineService } from './modules/timeline/timeline.service.js';
import { tasksRoutes } from './modules/tasks/tasks.routes.js';
import { createTasksService } from './modules/tasks/tasks.service.js';
import { tagsRoutes } from './modules/tags/tags.routes.js';
import { createTagsService } from './modules/tags/tags.service.js';

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
    // request.ip (rate limits, audit) is the client's only behind proxies we trust (TRUST_PROXY).
    trustProxy: ctx.config.trustProxy,
    // A URL the router cannot decode (`/api/v1/deals/%`) or an overlong parameter: problem+json too.
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, { status: error.statusCode ?? 400, detail: error.message }),
  }).withTypeProvider<ZodTypeProvider>();
  // PATCH bodies are JSON merge patches (RFC 7396); plain application/json is accepted too.
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorsPlugin, {
    ...options,
    // Error messages can carry SQL and its parameters: only the tests see them.
    exposeInternalErrors: ctx.config.environment === 'test',
  });
  await app.register(textInputPlugin);
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
  // Every route registered after this answers br or gzip by Accept-Encoding, as nginx does in
  // compose; bodies under 1 KB and event streams stay as they are. Request bodies are never
  // inflated: the body limit must keep measuring what arrives.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });

  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      // The .br/.gz twins the web build writes (scripts/precompress-web.mjs); without them the
      // compress plugin above compresses on the fly.
      preCompressed: true,
      // Hashed assets never change; index.html is revalidated so a deploy shows up at once.
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  await app.register(cookie);
  const apiKeys = createApiKeysService(ctx.db.db);
  const auth = createAuthService(ctx, apiKeys);
  // Every /api/v1 route declares who may call it; this installs the matching guard.
  await app.register(accessControlPlugin, { auth });

  await app.register(systemRoutes(ctx, auth));
  await app.register(authRoutes(ctx, auth));
  await app.register(organizationsRoutes(createOrganizationsService(ctx.db.db)));
  if (ctx.mailer.kind === 'dev-mailbox') await app.register(devMailboxRoutes(createDevMailboxService(ctx.db.db)));
  await app.register(invitationsRoutes(auth, createInvitationsService(ctx)));
  await app.register(apiKeysRoutes(apiKeys));
  await app.register(auditRoutes(createAuditService(ctx.db.db)));
  await app.register(tagsRoutes(createTagsService(ctx.db.db)));
  await app.register(companiesRoutes(createCompaniesService(ctx.db.db)));
  await app.register(contactsRoutes(createContactsService(ctx.db.db)));
  await app.register(pipelinesRoutes(createPipelinesService(ctx.db.db)));
  await app.register(dealsRoutes(createDealsService(ctx.db.db)));
  await app.register(tasksRoutes(createTasksService(ctx.db.db)));
  await app.register(notesRoutes(createNotesService(ctx.db.db)));
  await app.register(searchRoutes(createSearchService(ctx.db.db)));
  await app.register(timelineRoutes(createTimelineService(ctx.db.db)));
  await app.register(sampleDataRoutes(createSampleDataService(ctx.db.db)));
  return app;
}

/** What a `spanner worker` serves: liveness, readiness and its own job metrics for scraping. */
export async function buildWorkerApp(ctx: AppContext): Promise<App> {
  const app = await createServer(ctx);
  await app.register(systemRoutes(ctx, null));
  return app;
}
