import type { RecordRef, RecordType } from '@spanner/contracts';
import type { TenantTransaction } from '../../infra/db/tenant.js';
import { findCompany } from '../companies/companies.service.js';
import { findContact } from '../contacts/contacts.service.js';
import { findDeal } from '../deals/deals.service.js';
import type { Row } from './records.repo.js';
import { invalidFields } from './records.service.js';

const finders: Record<RecordType, (tx: TenantTransaction, id: string) => Promise<Row | null>> = {
  company: findCompany,
  contact: findContact,
  deal: findDeal,
};

/** A company, contact or deal of the organization, live or in the trash. */
export function findRecord(tx: TenantTransaction, ref: RecordRef): Promise<Row | null> {
  return finders[ref.type](tx, ref.id);
}

/** Checks a task's or a note's record is a live one of the organization; the error names the field. */
export async function requireRecord(tx: TenantTransaction, ref: RecordRef | null | undefined, path: string): Promise<void> {
  const row = ref ? await findRecord(tx, ref) : null;
  if (ref && (!row || row.deletedAt)) throw invalidFields([{ path: `${path}.id`, message: `is not a ${ref.type} of this organization` }]);
}
