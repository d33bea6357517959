import {
  bulkRequestSchema,
  companyListQuerySchema,
  companyListSchema,
  companySchema,
  createCompanyRequestSchema,
  staleVersionSchema,
  updateCompanyRequestSchema,
} from '@spanner/contracts';
import { recordRoutes } from '../records/records.routes.js';
import type { CompaniesService } from './companies.service.js';

export function companiesRoutes(service: CompaniesService) {
  return recordRoutes({
    collection: 'companies',
    noun: 'company',
    service,
    schemas: {
      record: companySchema,
      list: companyListSchema,
      listQuery: companyListQuerySchema,
      create: createCompanyRequestSchema,
      update: updateCompanyRequestSchema,
      bulk: bulkRequestSchema(updateCompanyRequestSchema, 'CompanyBulkRequest'),
      stale: staleVersionSchema(companySchema, 'StaleCompany'),
    },
  });
}
