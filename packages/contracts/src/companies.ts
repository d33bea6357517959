import { z } from 'zod';
import { bulkRequestSchema, type FieldSpecs, listQuerySchema, pageSchema, recordMetaShape, staleVersionSchema } from './list-query.js';

export const companySizes = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+'] as const;
export const companySizeSchema = z.enum(companySizes);

/** Optional text: trimmed, empty means none, null clears it in a PATCH. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** example.com — no scheme, no path, lower case; what makes two companies the same. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, ''))
  .pipe(z.union([z.literal(''), z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: 'Enter a domain such as example.com' })]))
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const websiteSchema = z
  .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Enter a web address such as https://example.com' }).max(500)])
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const companyFields = {
  name: { type: 'text', label: 'Name', sortable: true },
  domain: { type: 'text', label: 'Domain', sortable: true },
  industry: { type: 'text', label: 'Industry', sortable: true },
  size: { type: 'enum', label: 'Size', sortable: true, values: companySizes },
  city: { type: 'text', label: 'City', sortable: true },
  country: { type: 'text', label: 'Country', sortable: true },
  ownerId: { type: 'id', label: 'Owner', sortable: false },
  tags: { type: 'tags', label: 'Tags', sortable: false },
  createdAt: { type: 'datetime', label: 'Created', sortable: true },
  updatedAt: { type: 'datetime', label: 'Updated', sortable: true },
} as const satisfies FieldSpecs;

export const companySchema = z
  .object({
    ...recordMetaShape,
    name: z.string(),
    domain: z.string().nullable(),
    industry: z.string().nullable(),
    size: companySizeSchema.nullable(),
    street: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    ownerId: z.string().nullable(),
    tagIds: z.array(z.string()),
  })
  .meta({ id: 'Company' });

const companyInputShape = {
  name: z.string().trim().min(1, { error: 'Name the company' }).max(200),
  domain: domainSchema,
  industry: optionalText(100),
  size: companySizeSchema.nullable().optional(),
  street: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
  country: optionalText(100),
  phone: optionalText(50),
  website: websiteSchema,
  ownerId: z.uuid({ error: 'Choose a member' }).nullable().optional(),
  tagIds: z.array(z.uuid()).max(50).optional(),
};

export const createCompanyRequestSchema = z
  .object(companyInputShape)
  .strict()
  .meta({ id: 'CreateCompanyRequest', examples: [{ name: 'Acme Corporation', domain: 'acme.com', industry: 'Manufacturing', size: '51-200' }] });

/** JSON merge patch: fields present are set, null clears. */
export const updateCompanyRequestSchema = z.object(companyInputShape).partial().strict().meta({ id: 'UpdateCompanyRequest', examples: [{ industry: 'Software', size: '11-50' }] });

export const companyListQuerySchema = listQuerySchema(companyFields);
export const companyListSchema = pageSchema(companySchema, 'CompanyList');

export type Company = z.infer<typeof companySchema>;
export type CompanySize = z.infer<typeof companySizeSchema>;
export type CreateCompanyRequest = z.input<typeof createCompanyRequestSchema>;
export type UpdateCompanyRequest = z.input<typeof updateCompanyRequestSchema>;
export type CompanyListQuery = z.infer<typeof companyListQuerySchema>;

/** The 412 answer to a stale If-Match: the company as it is now. */
export const staleCompanySchema = staleVersionSchema(companySchema, 'StaleCompany');

export const companyBulkRequestSchema = bulkRequestSchema(updateCompanyRequestSchema, 'CompanyBulkRequest');
