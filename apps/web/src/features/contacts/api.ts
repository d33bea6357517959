import { recordQueryKeys, useBulkRecords, useCreateRecord, useDeleteRecord, useRecord, useRecordList, useRestoreRecord, useUpdateRecord } from '../../lib/record-api';
import { contactKind } from '../../lib/record-kinds';

/** Every query of contacts starts with these keys; each mutation below invalidates what it changed. */
export const contactQueryKeys = recordQueryKeys(contactKind.collection);

/** A page at a time; `query` is the API query of the list's view (lib/list-view apiQueryOf). */
export const useContacts = (query: URLSearchParams) => useRecordList(contactKind, query);
/** One contact; its `version` goes back as If-Match with a change. */
export const useContact = (id: string) => useRecord(contactKind, id);
export const useCreateContact = () => useCreateRecord(contactKind);
/** Rejects with a StaleVersionError (its `current` is the contact now) when someone changed it since. */
export const useUpdateContact = () => useUpdateRecord(contactKind);
export const useDeleteContact = () => useDeleteRecord(contactKind);
export const useRestoreContact = () => useRestoreRecord(contactKind);
export const useBulkContacts = () => useBulkRecords(contactKind);
