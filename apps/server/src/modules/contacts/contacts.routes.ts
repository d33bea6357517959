import {
  contactBulkRequestSchema,
  contactCompanyLinkListSchema,
  contactListQuerySchema,
  contactListSchema,
  contactSchema,
  createContactRequestSchema,
  linkCompanyRequestSchema,
  linkContactRequestSchema,
  problemSchema,
  staleContactSchema,
  updateContactRequestSchema,
} from '@spanner/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.guard.js';
import { idParams, recordRoutes } from '../records/records.routes.js';
import type { ContactsService } from './contacts.service.js';

const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema, 429: problemSchema };
const linkParams = z.object({ id: z.uuid({ error: 'Use an id' }), companyId: z.uuid({ error: 'Use an id' }) });
const companyLinkParams = z.object({ id: z.uuid({ error: 'Use an id' }), contactId: z.uuid({ error: 'Use an id' }) });

/** Contacts, and their many-to-many links with companies, from either side. */
export function contactsRoutes(service: ContactsService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(
      recordRoutes({
        collection: 'contacts',
        noun: 'contact',
        service,
        schemas: {
          record: contactSchema,
          list: contactListSchema,
          listQuery: contactListQuerySchema,
          create: createContactRequestSchema,
          update: updateContactRequestSchema,
          bulk: contactBulkRequestSchema,
          stale: staleContactSchema,
        },
      }),
    );

    const contactsTag = { tags: ['contacts'], security: [{ bearer: [] }] };
    const companiesTag = { tags: ['companies'], security: [{ bearer: [] }] };

    app.get(
      '/api/v1/contacts/:id/companies',
      {
        config: { access: 'records.read' },
        schema: { ...contactsTag, operationId: 'contacts.companies.list', summary: 'The companies a contact works with, primary first', params: idParams, response: { 200: contactCompanyLinkListSchema, ...problems } },
      },
      async (request) => ({ data: await service.companiesOf(actorOf(request), request.params.id) }),
    );

    app.post(
      '/api/v1/contacts/:id/companies',
      {
        config: { access: 'records.write' },
        schema: {
          ...contactsTag,
          operationId: 'contacts.companies.link',
          summary: 'Link a contact with a company, with a role; a new primary replaces the old one',
          params: idParams,
          body: linkCompanyRequestSchema,
          response: { 201: contactCompanyLinkListSchema, ...problems },
        },
      },
      async (request, reply) => reply.status(201).send({ data: await service.linkCompany(actorOf(request), request.params.id, request.body) }),
    );

    app.delete(
      '/api/v1/contacts/:id/companies/:companyId',
      {
        config: { access: 'records.write' },
        schema: { ...contactsTag, operationId: 'contacts.companies.unlink', summary: 'Unlink a contact from a company', params: linkParams, response: { 204: z.null(), ...problems } },
      },
      async (request, reply) => {
        await service.unlink(actorOf(request), request.params.id, request.params.companyId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/companies/:id/contacts',
      {
        config: { access: 'records.read' },
        schema: { ...companiesTag, operationId: 'companies.contacts.list', summary: "A company's contacts", params: idParams, response: { 200: contactCompanyLinkListSchema, ...problems } },
      },
      async (request) => ({ data: await service.contactsOf(actorOf(request), request.params.id) }),
    );

    app.post(
      '/api/v1/companies/:id/contacts',
      {
        config: { access: 'records.write' },
        schema: {
          ...companiesTag,
          operationId: 'companies.contacts.link',
          summary: 'Link a contact to a company, with a role',
          params: idParams,
          body: linkContactRequestSchema,
          response: { 201: contactCompanyLinkListSchema, ...problems },
        },
      },
      async (request, reply) => reply.status(201).send({ data: await service.linkContact(actorOf(request), request.params.id, request.body) }),
    );

    app.delete(
      '/api/v1/companies/:id/contacts/:contactId',
      {
        config: { access: 'records.write' },
        schema: { ...companiesTag, operationId: 'companies.contacts.unlink', summary: 'Unlink a contact from a company', params: companyLinkParams, response: { 204: z.null(), ...problems } },
      },
      async (request, reply) => {
        await service.unlink(actorOf(request), request.params.contactId, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
