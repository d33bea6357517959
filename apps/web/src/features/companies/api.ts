import { recordQueryKeys, useBulkRecords, useCreateRecord, useDeleteRecord, useRecord, useRecordList, useRestoreRecord, useUpdateRecord } from '../../lib/record-api';
import { companyKind } from '../../lib/record-kinds';

/** Every query of companies starts with these keys; each mutation below invalidates what it changed. */
export const companyQueryKeys = recordQueryKeys(companyKind.collection);

/** A page at a time; `query` is the API query of the list's view (lib/list-view apiQueryOf). */
export const useCompanies = (query: URLSearchParams) => useRecordList(companyKind, query);
/** One company; its `version` goes back as If-Match with a change. */
export const useCompany = (id: string) => useRecord(companyKind, id);
export const useCreateCompany = () => useCreateRecord(companyKind);
/** Rejects with a StaleVersionError (its `current` is the company now) when someone changed it since. */
export const useUpdateCompany = () => useUpdateRecord(companyKind);
export const useDeleteCompany = () => useDeleteRecord(companyKind);
export const useRestoreCompany = () => useRestoreRecord(companyKind);
export const useBulkCompanies = () => useBulkRecords(companyKind);
