import type { Company, Contact, Deal, RecordRef, RecordType } from '@spanner/contracts';
import { companyKind, contactKind, dealKind } from './record-kinds';

/** Where each kind of record lives: its API collection and its page. */
export const recordKindsByType = { company: companyKind, contact: contactKind, deal: dealKind } as const;

export const recordTypeNouns: Record<RecordType, string> = { company: 'company', contact: 'contact', deal: 'deal' };

/** The page of a company, contact or deal. */
export function recordPath(ref: RecordRef): string {
  return `/${recordKindsByType[ref.type].collection}/${ref.id}`;
}

/** What a contact is called: the full name, else the email, else a placeholder. */
export function contactName(contact: Pick<Contact, 'firstName' | 'lastName' | 'email'>): string {
  return `${contact.firstName} ${contact.lastName}`.trim() || contact.email || 'Unnamed contact';
}

/** The title of any record, as a heading or a link shows it. */
export function recordTitle(type: RecordType, record: Company | Contact | Deal): string {
  return type === 'contact' ? contactName(record as Contact) : (record as Company | Deal).name;
}
