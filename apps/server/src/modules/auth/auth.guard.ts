import { can, type Permission } from '@spanner/contracts';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodType } from 'zod';
import { HttpProblem } from '../../infra/http/problem.js';
import type { Actor, UserActor } from './actor.js';
import type { AuthService, Credentials } from './auth.service.js';

/**
 * Who may call a route, declared on the route itself (`config: { access }`):
 * - 'public': anyone, no credentials;
 * - 'user': a signed-in person, inside or outside an organization (profile, organization list);
 * - a permission: a member or an API key whose role has it (contracts/permissions.ts).
 */
export type RouteAccess = 'public' | 'user' | Permission;

/** An /api/v1 route as registered, with its declared access (tests enumerate these). */
export interface ApiRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** The body schema's first example (`.meta({ examples })`), if the route takes a body. */
  exampleBody: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/**
 * Installs the guard every /api/v1 route declares. A route without a declaration fails the
 * start, so no endpoint is public by omission; the role-matrix test reads the same declarations.
 */
export const accessControlPlugin = fp<{ auth: AuthService }>(async (app: FastifyInstance, { auth }) => {
  app.decorateRequest('actor', null);
  app.decorate('apiRoutes', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`${String(route.method)} ${route.url} declares no access (config.access)`);
    const body = route.schema?.body as ZodType | undefined;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access, exampleBody: (body?.meta()?.examples as unknown[] | undefined)?.[0] });
    }
    if (access === 'public') return;
    const guard = guardFor(auth, access);
    const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
    route.preHandler = [guard, ...existing];
  });
});

const credentialsOf = (request: FastifyRequest): Credentials => ({
  authorization: request.headers.authorization,
  ip: request.ip,
  requestId: request.id,
});

function guardFor(auth: AuthService, access: Exclude<RouteAccess, 'public'>): preHandlerHookHandler {
  if (access === 'user') {
    return async (request) => {
      const actor = await auth.authenticate(credentialsOf(request), { outsideOrganization: true });
      if (actor.kind !== 'user') throw new HttpProblem({ status: 403, detail: 'API keys act for an organization; this endpoint is for people.' });
      request.actor = actor;
    };
  }
  return async (request) => {
    const actor = await auth.authenticate(credentialsOf(request));
    requirePermission(actor, access);
    request.actor = actor;
  };
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new HttpProblem({ status: 403, detail: `Your role (${actor.role ?? 'none'}) does not allow ${permission}.` });
  }
}

/** The caller of a guarded route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error(`route ${request.routeOptions.url} reads the actor without an access guard`);
  return request.actor;
}

/** The signed-in person calling a route with `access: 'user'`. */
export function userOf(request: FastifyRequest): UserActor {
  const actor = actorOf(request);
  if (actor.kind !== 'user') throw new Error(`route ${request.routeOptions.url} reads a user but allows API keys`);
  return actor;
}
