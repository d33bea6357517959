import {
  changeRoleRequestSchema,
  createOrganizationRequestSchema,
  memberListSchema,
  memberSchema,
  organizationListSchema,
  organizationSchema,
  problemSchema,
  renameOrganizationRequestSchema,
} from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, userOf } from '../auth/auth.guard.js';
import type { OrganizationsService } from './organizations.service.js';

const orgParams = z.object({ id: z.uuid() });
const memberParams = z.object({ id: z.uuid(), userId: z.uuid() });
const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const common = { tags: ['organizations'], security: [{ bearer: [] }] };

/** Organizations of the signed-in user and the members of the active one. */
export function organizationsRoutes(organizations: OrganizationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/organizations',
      { config: { access: 'user' }, schema: { ...common, operationId: 'organizations.list', summary: 'Organizations the signed-in user belongs to', response: { 200: organizationListSchema, ...problems } } },
      async (request) => ({ data: await organizations.list(userOf(request)) }),
    );

    app.post(
      '/api/v1/organizations',
      {
        config: { access: 'user' },
        schema: {
          ...common,
          operationId: 'organizations.create',
          summary: 'Create an organization owned by the signed-in user',
          body: createOrganizationRequestSchema,
          response: { 201: organizationSchema, ...problems },
        },
      },
      async (request, reply) => reply.status(201).send(await organizations.create(userOf(request), request.body.name)),
    );

    app.get(
      '/api/v1/organizations/:id',
      { config: { access: 'organization.read' }, schema: { ...common, operationId: 'organizations.get', summary: 'The active organization', params: orgParams, response: { 200: organizationSchema, ...problems } } },
      async (request) => organizations.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/organizations/:id',
      {
        config: { access: 'organization.rename' },
        schema: {
          ...common,
          operationId: 'organizations.rename',
          summary: 'Rename the active organization (owner)',
          params: orgParams,
          body: renameOrganizationRequestSchema,
          response: { 200: organizationSchema, ...problems },
        },
      },
      async (request) => organizations.rename(actorOf(request), request.params.id, request.body.name),
    );

    app.delete(
      '/api/v1/organizations/:id',
      {
        config: { access: 'organization.delete' },
        schema: {
          ...common,
          operationId: 'organizations.delete',
          summary: 'Delete the active organization and everything in it (owner)',
          params: orgParams,
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await organizations.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/organizations/:id/members',
      { config: { access: 'members.read' }, schema: { ...common, operationId: 'members.list', summary: 'Members of the active organization', params: orgParams, response: { 200: memberListSchema, ...problems } } },
      async (request) => ({ data: await organizations.members(actorOf(request), request.params.id) }),
    );

    app.patch(
      '/api/v1/organizations/:id/members/:userId',
      {
        config: { access: 'members.manage' },
        schema: {
          ...common,
          operationId: 'members.changeRole',
          summary: "Change a member's role (admin; owners only by an owner)",
          params: memberParams,
          body: changeRoleRequestSchema,
          response: { 200: memberSchema, 409: problemSchema, ...problems },
        },
      },
      async (request) => organizations.changeRole(actorOf(request), request.params.id, request.params.userId, request.body.role),
    );

    app.delete(
      '/api/v1/organizations/:id/members/:userId',
      {
        config: { access: 'members.manage' },
        schema: {
          ...common,
          operationId: 'members.remove',
          summary: 'Remove a member (admin; owners only by an owner); the last owner stays',
          params: memberParams,
          response: { 204: z.null(), 409: problemSchema, ...problems },
        },
      },
      async (request, reply) => {
        await organizations.removeMember(actorOf(request), request.params.id, request.params.userId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/organizations/:id/leave',
      {
        config: { access: 'user' },
        schema: {
          ...common,
          operationId: 'organizations.leave',
          summary: 'Leave the active organization; the last owner must make someone else owner first',
          params: orgParams,
          response: { 204: z.null(), 409: problemSchema, ...problems },
        },
      },
      async (request, reply) => {
        await organizations.leave(userOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
