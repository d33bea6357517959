import type {
  Contact,
  ContactCompanyLink,
  ContactSource,
  CreateContactRequest,
  LifecycleStage,
  LinkCompanyRequest,
  UpdateContactRequest,
} from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import { violatedUniqueConstraint } from '../../infra/db/errors.js';
import { withTenant, type TenantTransaction } from '../../infra/db/tenant.js';
import { HttpProblem } from '../../infra/http/problem.js';
import { tenantScopeOf, type Actor } from '../auth/actor.js';
import { findCompany, findLiveCompany, requireCompany } from '../companies/companies.service.js';
import { requireMember } from '../organizations/organizations.service.js';
import { recordMeta, type Row } from '../records/records.repo.js';
import { createRecordService, invalidFields } from '../records/records.service.js';
import { requireTags } from '../tags/tags.service.js';
import {
  contactList,
  contactQueries,
  contactTagColumn,
  deleteLink,
  findCompaniesOfContact,
  findContactsOfCompany,
  findLeftNameless,
  insertLink,
  type LinkRow,
} from './contacts.repo.js';

const text = (value: unknown) => (value as string | null) ?? null;

export function toContact(row: Row): Contact {
  return {
    firstName: row.firstName as string,
    lastName: row.lastName as string,
    email: text(row.email),
    otherEmails: row.otherEmails as string[],
    phones: row.phones as string[],
    jobTitle: text(row.jobTitle),
    ownerId: text(row.ownerId),
    lifecycleStage: (row.lifecycleStage as LifecycleStage | null) ?? null,
    source: (row.source as ContactSource | null) ?? null,
    tagIds: row.tagIds as string[],
    ...recordMeta(row),
  };
}

const toLink = (row: LinkRow): ContactCompanyLink => ({ ...row, createdAt: row.createdAt.toISOString() });

/** The contact of the organization, live or in the trash. */
export function findContact(tx: TenantTransaction, contactId: string): Promise<Row | null> {
  return contactQueries.find(tx, contactId);
}

/** The contact, when it is a live one of the organization. */
export function findLiveContact(tx: TenantTransaction, contactId: string): Promise<Row | null> {
  return contactQueries.findLive(tx, contactId);
}

/** Checks `contactId` names a live contact of the organization. */
export async function requireContact(tx: TenantTransaction, contactId: string, path: string): Promise<void> {
  if (!(await findLiveContact(tx, contactId))) throw invalidFields([{ path, message: 'is not a contact of this organization' }]);
}

async function checkReferences(tx: TenantTransaction, input: UpdateContactRequest) {
  await requireMember(tx, input.ownerId, 'body.ownerId');
  if (input.tagIds) await requireTags(tx, input.tagIds, 'body.tagIds');
}

export function createContactsService(db: Database) {
  const records = createRecordService<Contact, CreateContactRequest, UpdateContactRequest>(db, {
    noun: 'contact',
    queries: contactQueries,
    list: contactList,
    toApi: toContact,
    valuesToInsert: async (tx, actor, input) => {
      await checkReferences(tx, input);
      return { ...input, id: uuidv7(), orgId: actor.orgId, ownerId: input.ownerId === undefined ? actor.userId : input.ownerId };
    },
    valuesToUpdate: async (tx, _actor, patch, current) => {
      await checkReferences(tx, patch);
      const named = { firstName: patch.firstName ?? (current?.firstName as string | undefined), lastName: patch.lastName ?? (current?.lastName as string | undefined) };
      if (current && !named.firstName && !named.lastName) throw invalidFields([{ path: 'body.lastName', message: 'Enter a first or a last name' }]);
      return { ...patch };
    },
    // A bulk patch that clears one name must not blank the contacts that have only that one.
    bulkUpdateRule: async (tx, ids, patch) => ({
      breaking: patch.firstName === '' || patch.lastName === '' ? await findLeftNameless(tx, ids, patch) : new Set<string>(),
      message: 'would have neither a first nor a last name',
    }),
    tags: { column: contactTagColumn, require: requireTags },
    uniqueFields: { contacts_email_key: 'email' },
  });

  const inTenant = <T>(actor: Actor, fn: (tx: TenantTransaction) => Promise<T>) => withTenant(db, tenantScopeOf(actor), fn);
  const notFound = (noun: string) => new HttpProblem({ status: 404, detail: `No such ${noun}.` });

  /** Links the pair and answers the path record's links, read in the same transaction. */
  async function link(actor: Actor, contactId: string, companyId: string, input: { role?: string | null; isPrimary?: boolean }, from: 'contact' | 'company') {
    try {
      return await inTenant(actor, async (tx) => {
        // The record in the path is a 404 when missing; the one in the body is a field error.
        if (from === 'contact') {
          if (!(await findLiveContact(tx, contactId))) throw notFound('contact');
          await requireCompany(tx, companyId, 'body.companyId');
        } else {
          if (!(await findLiveCompany(tx, companyId))) throw notFound('company');
          await requireContact(tx, contactId, 'body.contactId');
        }
        await insertLink(tx, { id: uuidv7(), orgId: actor.orgId!, contactId, companyId, role: input.role ?? null, isPrimary: input.isPrimary ?? false });
        const links = from === 'contact' ? await findCompaniesOfContact(tx, contactId) : await findContactsOfCompany(tx, companyId);
        return links.map(toLink);
      });
    } catch (error) {
      if (violatedUniqueConstraint(error) === 'contact_companies_pair_key') {
        throw new HttpProblem({ status: 409, detail: 'This contact and company are already linked.', errors: [{ path: from === 'contact' ? 'body.companyId' : 'body.contactId', message: 'is already linked' }] });
      }
      throw error;
    }
  }

  return {
    ...records,

    async companiesOf(actor: Actor, contactId: string): Promise<ContactCompanyLink[]> {
      return inTenant(actor, async (tx) => {
        if (!(await findContact(tx, contactId))) throw notFound('contact');
        return (await findCompaniesOfContact(tx, contactId)).map(toLink);
      });
    },

    async contactsOf(actor: Actor, companyId: string): Promise<ContactCompanyLink[]> {
      return inTenant(actor, async (tx) => {
        if (!(await findCompany(tx, companyId))) throw notFound('company');
        return (await findContactsOfCompany(tx, companyId)).map(toLink);
      });
    },

    async linkCompany(actor: Actor, contactId: string, input: LinkCompanyRequest): Promise<ContactCompanyLink[]> {
      return link(actor, contactId, input.companyId, input, 'contact');
    },

    async linkContact(actor: Actor, companyId: string, input: { contactId: string; role?: string | null; isPrimary?: boolean }): Promise<ContactCompanyLink[]> {
      return link(actor, input.contactId, companyId, input, 'company');
    },

    async unlink(actor: Actor, contactId: string, companyId: string): Promise<void> {
      const removed = await inTenant(actor, (tx) => deleteLink(tx, contactId, companyId));
      if (!removed) throw new HttpProblem({ status: 404, detail: 'This contact and company are not linked.' });
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
