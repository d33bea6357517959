import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import findMyWay, { type HTTPMethod } from 'find-my-way';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import fp from 'fastify-plugin';
import { isCancelledStatement } from '../db/errors.js';
import { HttpProblem, sendProblem } from './problem.js';

export interface ErrorPluginOptions {
  /** Test answers carry the message of unexpected errors (it can hold SQL and parameters); no other does. */
  exposeInternalErrors: boolean;
  /** Serves the SPA for unknown non-API GET paths (deep links); returns false when there is none. */
  spaFallback?: (request: FastifyRequest, reply: import('fastify').FastifyReply) => boolean;
}

const API_PREFIXES = ['/api/', '/api?', '/health', '/ready', '/metrics', '/openapi.json', '/docs'];

export function isApiPath(url: string): boolean {
  return url === '/api' || API_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/** Paths that name a file (`/assets/app.js`): a missing one is a 404, never the SPA. */
function looksLikeFile(url: string): boolean {
  const lastSegment = url.split('?')[0]!.split('/').pop() ?? '';
  return lastSegment.includes('.');
}

/**
 * Every error of the API as application/problem+json (RFC 9457): validation (422 with the
 * fields), Fastify's own 4xx (malformed JSON, too large, wrong media type), unknown routes
 * (404) and known paths with the wrong method (405 with Allow).
 */
export const errorsPlugin = fp<ErrorPluginOptions>(async (app: FastifyInstance, options) => {
  // A second router that only knows which paths exist, to tell 405 from 404.
  const knownPaths = findMyWay();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (!knownPaths.hasRoute(method as HTTPMethod, route.url)) knownPaths.on(method as HTTPMethod, route.url, () => {});
    }
  });

  // OPTIONS is left out: the CORS preflight route matches every path.
  function allowedMethods(url: string): string[] {
    const path = url.split('?')[0]!;
    return (['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((method) => knownPaths.find(method, path) !== null);
  }

  app.setNotFoundHandler((request, reply) => {
    const allowed = allowedMethods(request.url);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(request, reply, { status: 405, detail: `${request.method} is not allowed on ${request.url.split('?')[0]}` });
    }
    const servesPage = (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.url) && !looksLikeFile(request.url);
    if (servesPage && options.spaFallback?.(request, reply)) return reply;
    return sendProblem(request, reply, { status: 404, detail: `No route for ${request.method} ${request.url.split('?')[0]}` });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(request, reply, error.problem);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(request, reply, {
        status: 422,
        detail: 'The request has invalid fields.',
        errors: error.validation.flatMap((issue) => {
          // `querystring` is Fastify's word; clients know the query (`query.limit`).
          const location = [error.validationContext === 'querystring' ? 'query' : error.validationContext, ...issue.instancePath.split('/').filter(Boolean)];
          // An unknown field is named itself, so a form or client can point at it.
          const unknownKeys = issue.keyword === 'unrecognized_keys' ? ((issue.params as { keys?: string[] }).keys ?? []) : [];
          if (unknownKeys.length > 0) return unknownKeys.map((key) => ({ path: [...location, key].join('.'), message: 'is not a known field' }));
          return [{ path: location.join('.'), message: issue.message ?? 'is invalid' }];
        }),
      });
    }
    if (isCancelledStatement(error)) {
      // Overload or a pathological query: the client may retry; the statement stays in the log only.
      request.log.warn({ err: error }, 'database statement cancelled by statement_timeout');
      return sendProblem(request, reply, { status: 503, detail: 'The database took too long to answer. Try again in a moment.', headers: { 'retry-after': '5' } });
    }
    const status = error.statusCode ?? 500;
    if (status < 500 && !isResponseSerializationError(error)) {
      return sendProblem(request, reply, { status, detail: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, {
      status: status >= 500 ? status : 500,
      ...(options.exposeInternalErrors ? { detail: error.message } : {}),
    });
  });
});
