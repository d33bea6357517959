import { recordQueryKeys, useBulkRecords, useCreateRecord, useDeleteRecord, useRecord, useRecordList, useRestoreRecord, useUpdateRecord } from '../../lib/record-api';
import { dealKind } from '../../lib/record-kinds';

/** Every query of deals starts with these keys; each mutation below invalidates what it changed. */
export const dealQueryKeys = recordQueryKeys(dealKind.collection);

/** A page at a time; `query` is the API query of the list's view (lib/list-view apiQueryOf). */
export const useDeals = (query: URLSearchParams) => useRecordList(dealKind, query);
/** One deal; its `version` goes back as If-Match with a change. */
export const useDeal = (id: string) => useRecord(dealKind, id);
export const useCreateDeal = () => useCreateRecord(dealKind);
/** Rejects with a StaleVersionError (its `current` is the deal now) when someone changed it since. */
export const useUpdateDeal = () => useUpdateRecord(dealKind);
export const useDeleteDeal = () => useDeleteRecord(dealKind);
export const useRestoreDeal = () => useRestoreRecord(dealKind);
export const useBulkDeals = () => useBulkRecords(dealKind);
export { usePipelines } from '../../lib/pipeline-queries';
