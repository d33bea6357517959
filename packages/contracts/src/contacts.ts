import { z } from 'zod';
import { emailSchema } from './identity.js';
import { optionalText } from './companies.js';
import { bulkRequestSchema, type FieldSpecs, listQuerySchema, pageSchema, recordMetaShape, staleVersionSchema } from './list-query.js';

export const lifecycleStages = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'evangelist', 'other'] as const;
export const lifecycleStageSchema = z.enum(lifecycleStages);

export const contactSources = ['website', 'referral', 'event', 'email', 'social', 'advertising', 'partner', 'import', 'other'] as const;
export const contactSourceSchema = z.enum(contactSources);

export const contactFields = {
  firstName: { type: 'text', label: 'First name', sortable: true },
  lastName: { type: 'text', label: 'Last name', sortable: true },
  email: { type: 'text', label: 'Email', sortable: true },
  jobTitle: { type: 'text', label: 'Job title', sortable: true },
  lifecycleStage: { type: 'enum', label: 'Lifecycle stage', sortable: true, values: lifecycleStages },
  source: { type: 'enum', label: 'Source', sortable: true, values: contactSources },
  ownerId: { type: 'id', label: 'Owner', sortable: false },
  companyId: { type: 'id', label: 'Company', sortable: false },
  tags: { type: 'tags', label: 'Tags', sortable: false },
  createdAt: { type: 'datetime', label: 'Created', sortable: true },
  updatedAt: { type: 'datetime', label: 'Updated', sortable: true },
} as const satisfies FieldSpecs;

export const contactSchema = z
  .object({
    ...recordMetaShape,
    firstName: z.string(),
    lastName: z.string(),
    /** The primary address: unique among the organization's live contacts. */
    email: z.string().nullable(),
    otherEmails: z.array(z.string()),
    phones: z.array(z.string()),
    jobTitle: z.string().nullable(),
    ownerId: z.string().nullable(),
    lifecycleStage: lifecycleStageSchema.nullable(),
    source: contactSourceSchema.nullable(),
    tagIds: z.array(z.string()),
  })
  .meta({ id: 'Contact' });

const contactInputShape = {
  firstName: z.string().trim().max(100).default(''),
  lastName: z.string().trim().max(100).default(''),
  email: z.union([z.literal(''), emailSchema]).transform((value) => (value === '' ? null : value)).nullable().optional(),
  otherEmails: z.array(emailSchema).max(10).optional(),
  phones: z.array(z.string().trim().min(1).max(50)).max(10).optional(),
  jobTitle: optionalText(150),
  ownerId: z.uuid({ error: 'Choose a member' }).nullable().optional(),
  lifecycleStage: lifecycleStageSchema.nullable().optional(),
  source: contactSourceSchema.nullable().optional(),
  tagIds: z.array(z.uuid()).max(50).optional(),
};

const named = (value: { firstName?: string; lastName?: string }) => Boolean(value.firstName || value.lastName);

export const createContactRequestSchema = z
  .object(contactInputShape)
  .strict()
  .refine(named, { error: 'Enter a first or a last name', path: ['lastName'] })
  .meta({ id: 'CreateContactRequest', examples: [{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', jobTitle: 'CTO' }] });

export const updateContactRequestSchema = z
  .object({ ...contactInputShape, firstName: z.string().trim().max(100), lastName: z.string().trim().max(100) })
  .partial()
  .strict()
  .meta({ id: 'UpdateContactRequest', examples: [{ jobTitle: 'CTO', lifecycleStage: 'customer' }] });

export const contactListQuerySchema = listQuerySchema(contactFields);
export const contactListSchema = pageSchema(contactSchema, 'ContactList');

/** A contact ↔ company link, seen from either side. */
export const contactCompanyLinkSchema = z
  .object({
    contactId: z.string(),
    companyId: z.string(),
    /** The other side's display name: the company's name, or the contact's full name. */
    name: z.string(),
    email: z.string().nullable(),
    role: z.string().nullable(),
    isPrimary: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ContactCompanyLink' });

export const contactCompanyLinkListSchema = z.object({ data: z.array(contactCompanyLinkSchema) }).meta({ id: 'ContactCompanyLinkList' });

export const linkCompanyRequestSchema = z
  .object({ companyId: z.uuid({ error: 'Choose a company' }), role: optionalText(100), isPrimary: z.boolean().default(false) })
  .strict()
  .meta({ id: 'LinkCompanyRequest', examples: [{ companyId: '0190a0c8-2b7a-7000-8000-000000000001', role: 'Buyer', isPrimary: true }] });

export const linkContactRequestSchema = z
  .object({ contactId: z.uuid({ error: 'Choose a contact' }), role: optionalText(100), isPrimary: z.boolean().default(false) })
  .strict()
  .meta({ id: 'LinkContactRequest', examples: [{ contactId: '0190a0c8-2b7a-7000-8000-000000000002', role: 'Champion' }] });

export type Contact = z.infer<typeof contactSchema>;
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;
export type ContactSource = z.infer<typeof contactSourceSchema>;
export type CreateContactRequest = z.input<typeof createContactRequestSchema>;
export type UpdateContactRequest = z.input<typeof updateContactRequestSchema>;
export type ContactListQuery = z.infer<typeof contactListQuerySchema>;
export type ContactCompanyLink = z.infer<typeof contactCompanyLinkSchema>;
export type LinkCompanyRequest = z.input<typeof linkCompanyRequestSchema>;
export type LinkContactRequest = z.input<typeof linkContactRequestSchema>;

/** The 412 answer to a stale If-Match: the contact as it is now. */
export const staleContactSchema = staleVersionSchema(contactSchema, 'StaleContact');

export const contactBulkRequestSchema = bulkRequestSchema(updateContactRequestSchema, 'ContactBulkRequest');
