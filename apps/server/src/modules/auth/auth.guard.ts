import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import type { AuthenticateOptions, AuthService } from './auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** preHandler for routes that need a signed-in caller: 401 without valid credentials, 403 once removed. */
export function requireActor(auth: AuthService, options: AuthenticateOptions = {}) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.actor = await auth.authenticate(request.headers.authorization, options);
  };
}

/** The caller of a route guarded by `requireActor`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error(`route ${request.routeOptions.url} reads the actor without requireActor`);
  return request.actor;
}
