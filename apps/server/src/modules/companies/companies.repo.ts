import { companyFields } from '@spanner/contracts';
import type { ListSource } from '../../infra/db/record-list.js';
import { companies } from '../../infra/db/schema/index.js';
import { recordQueries, tagsFilter } from '../records/records.repo.js';

export const companyQueries = recordQueries({ table: companies, id: companies.id, version: companies.version, deletedAt: companies.deletedAt });

export const companyTagColumn = companies.tagIds;

export const companyList: ListSource<typeof companyFields> = {
  specs: companyFields,
  fields: {
    name: { column: companies.name },
    domain: { column: companies.domain },
    industry: { column: companies.industry },
    size: { column: companies.size },
    city: { column: companies.city },
    country: { column: companies.country },
    ownerId: { column: companies.ownerId },
    tags: tagsFilter(companies.tagIds, 'company', companies.id),
    createdAt: { column: companies.createdAt },
    updatedAt: { column: companies.updatedAt },
  },
  id: companies.id,
  deletedAt: companies.deletedAt,
  search: companies.search,
  terms: { kind: 'company', contained: companies.name },
  defaultSort: [{ field: 'name', direction: 'asc' }],
};
