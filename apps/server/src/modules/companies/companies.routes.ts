import {
  companyBulkRequestSchema,
  companyListQuerySchema,
  companyListSchema,
  companySchema,
  createCompanyRequestSchema,
  staleCompanySchema,
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
      bulk: companyBulkRequestSchema,
      stale: staleCompanySchema,
    },
  });
}
