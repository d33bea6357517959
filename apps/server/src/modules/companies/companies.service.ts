import type { Company, CompanySize, CreateCompanyRequest, UpdateCompanyRequest } from '@spanner/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../infra/db/client.js';
import type { TenantTransaction } from '../../infra/db/tenant.js';
import { requireMember } from '../organizations/organizations.service.js';
import { recordMeta, type Row } from '../records/records.repo.js';
import { createRecordService, invalidFields } from '../records/records.service.js';
import { requireTags } from '../tags/tags.service.js';
import { companyList, companyQueries, companyTagColumn } from './companies.repo.js';

const text = (value: unknown) => (value as string | null) ?? null;

export function toCompany(row: Row): Company {
  return {
    name: row.name as string,
    domain: text(row.domain),
    industry: text(row.industry),
    size: (row.size as CompanySize | null) ?? null,
    street: text(row.street),
    city: text(row.city),
    region: text(row.region),
    postalCode: text(row.postalCode),
    country: text(row.country),
    phone: text(row.phone),
    website: text(row.website),
    ownerId: text(row.ownerId),
    tagIds: row.tagIds as string[],
    ...recordMeta(row),
  };
}

/** The company of the organization, live or in the trash. */
export function findCompany(tx: TenantTransaction, companyId: string): Promise<Row | null> {
  return companyQueries.find(tx, companyId);
}

/** The company, when it is a live one of the organization. */
export function findLiveCompany(tx: TenantTransaction, companyId: string): Promise<Row | null> {
  return companyQueries.findLive(tx, companyId);
}

/** Checks `companyId` names a live company of the organization (a link, a deal's company). */
export async function requireCompany(tx: TenantTransaction, companyId: string | null | undefined, path: string): Promise<void> {
  if (companyId && !(await findLiveCompany(tx, companyId))) throw invalidFields([{ path, message: 'is not a company of this organization' }]);
}

async function checkReferences(tx: TenantTransaction, input: UpdateCompanyRequest) {
  await requireMember(tx, input.ownerId, 'body.ownerId');
  if (input.tagIds) await requireTags(tx, input.tagIds, 'body.tagIds');
}

export function createCompaniesService(db: Database) {
  return createRecordService<Company, CreateCompanyRequest, UpdateCompanyRequest>(db, {
    noun: 'company',
    queries: companyQueries,
    list: companyList,
    toApi: toCompany,
    valuesToInsert: async (tx, actor, input) => {
      await checkReferences(tx, input);
      return { ...input, id: uuidv7(), orgId: actor.orgId, ownerId: input.ownerId === undefined ? actor.userId : input.ownerId };
    },
    valuesToUpdate: async (tx, _actor, patch) => {
      await checkReferences(tx, patch);
      return { ...patch };
    },
    tags: { column: companyTagColumn, require: requireTags },
    uniqueFields: { companies_domain_key: 'domain' },
  });
}

export type CompaniesService = ReturnType<typeof createCompaniesService>;
