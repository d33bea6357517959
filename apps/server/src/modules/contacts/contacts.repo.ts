import { contactFields } from '@spanner/contracts';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ListSource } from '../../infra/db/record-list.js';
import { companies, contactCompanies, contacts } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';
import { linkFilter, recordQueries, tagsFilter } from '../records/records.repo.js';

export const contactQueries = recordQueries({ table: contacts, id: contacts.id, version: contacts.version, deletedAt: contacts.deletedAt });

export const contactTagColumn = contacts.tagIds;

export const contactList: ListSource<typeof contactFields> = {
  specs: contactFields,
  fields: {
    firstName: { column: contacts.firstName },
    lastName: { column: contacts.lastName },
    email: { column: contacts.email },
    jobTitle: { column: contacts.jobTitle },
    lifecycleStage: { column: contacts.lifecycleStage },
    source: { column: contacts.source },
    ownerId: { column: contacts.ownerId },
    companyId: linkFilter({ table: contactCompanies, from: contactCompanies.contactId, to: contactCompanies.companyId }, contacts.id),
    tags: tagsFilter(contacts.tagIds, 'contact', contacts.id),
    createdAt: { column: contacts.createdAt },
    updatedAt: { column: contacts.updatedAt },
  },
  id: contacts.id,
  deletedAt: contacts.deletedAt,
  search: contacts.search,
  terms: { kind: 'contact', contained: contacts.email },
  defaultSort: [{ field: 'lastName', direction: 'asc' }],
};

/** The ids among `ids` that `names` would leave with neither a first nor a last name. */
export async function findLeftNameless(tx: TenantTransaction, ids: string[], names: { firstName?: string; lastName?: string }): Promise<Set<string>> {
  const firstName = names.firstName === undefined ? contacts.firstName : sql`${names.firstName}::text`;
  const lastName = names.lastName === undefined ? contacts.lastName : sql`${names.lastName}::text`;
  const rows = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(inArray(contacts.id, ids), sql`${firstName} = '' and ${lastName} = ''`));
  return new Set(rows.map((row) => row.id));
}

export interface LinkRow {
  contactId: string;
  companyId: string;
  name: string;
  email: string | null;
  role: string | null;
  isPrimary: boolean;
  createdAt: Date;
}

const linkColumns = {
  contactId: contactCompanies.contactId,
  companyId: contactCompanies.companyId,
  role: contactCompanies.role,
  isPrimary: contactCompanies.isPrimary,
  createdAt: contactCompanies.createdAt,
};

/** The live companies a contact works with, primary first. */
export function findCompaniesOfContact(tx: TenantTransaction, contactId: string): Promise<LinkRow[]> {
  return tx
    .select({ ...linkColumns, name: companies.name, email: sql<string | null>`null` })
    .from(contactCompanies)
    .innerJoin(companies, eq(companies.id, contactCompanies.companyId))
    .where(and(eq(contactCompanies.contactId, contactId), isNull(companies.deletedAt)))
    .orderBy(desc(contactCompanies.isPrimary), asc(companies.name));
}

/** The live contacts of a company, by last name. */
export function findContactsOfCompany(tx: TenantTransaction, companyId: string): Promise<LinkRow[]> {
  return tx
    .select({ ...linkColumns, name: sql<string>`trim(${contacts.firstName} || ' ' || ${contacts.lastName})`, email: contacts.email })
    .from(contactCompanies)
    .innerJoin(contacts, eq(contacts.id, contactCompanies.contactId))
    .where(and(eq(contactCompanies.companyId, companyId), isNull(contacts.deletedAt)))
    .orderBy(asc(contacts.lastName), asc(contacts.firstName));
}

export async function insertLink(
  tx: TenantTransaction,
  link: { id: string; orgId: string; contactId: string; companyId: string; role: string | null; isPrimary: boolean },
): Promise<void> {
  // A new primary company replaces the old one.
  if (link.isPrimary) await tx.update(contactCompanies).set({ isPrimary: false }).where(and(eq(contactCompanies.contactId, link.contactId), eq(contactCompanies.isPrimary, true)));
  await tx.insert(contactCompanies).values(link);
}

export async function deleteLink(tx: TenantTransaction, contactId: string, companyId: string): Promise<boolean> {
  const rows = await tx
    .delete(contactCompanies)
    .where(and(eq(contactCompanies.contactId, contactId), eq(contactCompanies.companyId, companyId)))
    .returning({ id: contactCompanies.id });
  return rows.length > 0;
}
