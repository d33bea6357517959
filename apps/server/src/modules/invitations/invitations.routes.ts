import {
  acceptInvitationRequestSchema,
  createInvitationRequestSchema,
  invitationListSchema,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenQuerySchema,
  problemSchema,
  sessionResponseSchema,
} from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, userOf } from '../auth/auth.guard.js';
import type { AuthService } from '../auth/auth.service.js';
import type { InvitationsService } from './invitations.service.js';

const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema, 429: problemSchema };
const common = { tags: ['invitations'] };
const secured = { ...common, security: [{ bearer: [] }] };

/** Invitations of the active organization (admins), and the link's page and acceptance. */
export function invitationsRoutes(auth: AuthService, invitations: InvitationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/invitations',
      {
        config: { access: 'invitations.manage' },
        schema: { ...secured, operationId: 'invitations.list', summary: 'Open invitations, pending or expired', response: { 200: invitationListSchema, ...problems } },
      },
      async (request) => ({ data: await invitations.list(actorOf(request)) }),
    );

    app.post(
      '/api/v1/invitations',
      {
        config: { access: 'invitations.manage' },
        schema: {
          ...secured,
          operationId: 'invitations.create',
          summary: 'Invite someone by email with a role; inviting the same address again replaces the link',
          body: createInvitationRequestSchema,
          response: { 201: invitationSchema, 409: problemSchema, ...problems },
        },
      },
      async (request, reply) => reply.status(201).send(await invitations.create(actorOf(request), request.body)),
    );

    app.delete(
      '/api/v1/invitations/:id',
      {
        config: { access: 'invitations.manage' },
        schema: { ...secured, operationId: 'invitations.revoke', summary: 'Revoke an invitation: its link stops working', params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...problems } },
      },
      async (request, reply) => {
        await invitations.revoke(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/invitations/preview',
      {
        config: { access: 'public' },
        schema: {
          ...common,
          operationId: 'invitations.preview',
          summary: 'What an invitation link offers (the token is the credential)',
          querystring: invitationTokenQuerySchema,
          response: { 200: invitationPreviewSchema, ...problems },
        },
      },
      async (request) => {
        const preview = await invitations.preview(request.query.token);
        return { ...preview, hasAccount: await auth.hasAccount(preview.email) };
      },
    );

    app.post(
      '/api/v1/invitations/accept',
      {
        config: { access: 'user' },
        schema: {
          ...secured,
          operationId: 'invitations.accept',
          summary: 'Join the organization of an invitation sent to your email; the answer acts in it',
          body: acceptInvitationRequestSchema,
          response: { 200: sessionResponseSchema, ...problems },
        },
      },
      async (request) => {
        const actor = userOf(request);
        const membership = await invitations.accept(actor, request.body.token);
        return auth.switchOrganization(actor, membership.id);
      },
    );
  };
}
