import { dealFields } from '@spanner/contracts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ListSource } from '../../infra/db/record-list.js';
import { contacts, dealContacts, deals } from '../../infra/db/schema/index.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';
import { linkFilter, recordQueries, tagsFilter } from '../records/records.repo.js';

export const dealQueries = recordQueries({ table: deals, id: deals.id, version: deals.version, deletedAt: deals.deletedAt });

export const dealTagColumn = deals.tagIds;

export const dealList: ListSource<typeof dealFields> = {
  specs: dealFields,
  fields: {
    name: { column: deals.name },
    amount: { column: deals.amount },
    currency: { column: deals.currency },
    pipelineId: { column: deals.pipelineId },
    stageId: { column: deals.stageId },
    status: { column: deals.status },
    expectedCloseDate: { column: deals.expectedCloseDate },
    ownerId: { column: deals.ownerId },
    companyId: { column: deals.companyId },
    contactId: linkFilter({ table: dealContacts, from: dealContacts.dealId, to: dealContacts.contactId }, deals.id),
    tags: tagsFilter(deals.tagIds, 'deal', deals.id),
    createdAt: { column: deals.createdAt },
    updatedAt: { column: deals.updatedAt },
  },
  id: deals.id,
  deletedAt: deals.deletedAt,
  search: deals.search,
  terms: { kind: 'deal', contained: deals.name },
  defaultSort: [{ field: 'updatedAt', direction: 'desc' }],
};

export interface DealContactRow {
  dealId: string;
  contactId: string;
  name: string;
  email: string | null;
  role: string | null;
  createdAt: Date;
}

/** The live contacts of a deal, by last name. */
export function findContactsOfDeal(tx: TenantTransaction, dealId: string): Promise<DealContactRow[]> {
  return tx
    .select({
      dealId: dealContacts.dealId,
      contactId: dealContacts.contactId,
      name: sql<string>`trim(${contacts.firstName} || ' ' || ${contacts.lastName})`,
      email: contacts.email,
      role: dealContacts.role,
      createdAt: dealContacts.createdAt,
    })
    .from(dealContacts)
    .innerJoin(contacts, eq(contacts.id, dealContacts.contactId))
    .where(and(eq(dealContacts.dealId, dealId), isNull(contacts.deletedAt)))
    .orderBy(asc(contacts.lastName), asc(contacts.firstName));
}

export async function insertDealContact(tx: TenantTransaction, link: { id: string; orgId: string; dealId: string; contactId: string; role: string | null }): Promise<void> {
  await tx.insert(dealContacts).values(link);
}

export async function deleteDealContact(tx: TenantTransaction, dealId: string, contactId: string): Promise<boolean> {
  const rows = await tx
    .delete(dealContacts)
    .where(and(eq(dealContacts.dealId, dealId), eq(dealContacts.contactId, contactId)))
    .returning({ id: dealContacts.id });
  return rows.length > 0;
}
