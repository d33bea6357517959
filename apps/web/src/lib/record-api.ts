import { bulkResultSchema } from '@spanner/contracts';
import { keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest, noContent } from './api-client';
import type { RecordKind } from './record-kinds';

/** Rows per page of a record list: enough to fill a tall screen, small enough to come back fast. */
export const LIST_PAGE_SIZE = 50;

/**
 * Query keys of a kind, in one place: everything of `companies` starts with 'companies', so a
 * change invalidates lists and records of the kind at once.
 */
export function recordQueryKeys(collection: string) {
  return {
    all: [collection] as const,
    lists: () => [collection, 'list'] as const,
    list: (query: string) => [collection, 'list', query] as const,
    detail: (id: string) => [collection, 'detail', id] as const,
  };
}

function collectionPath(kind: { collection: string }, suffix = ''): string {
  return `/api/v1/${kind.collection}${suffix}`;
}

/** `If-Match` carries the version the user read: the server answers 412 rather than overwrite a newer one. */
export function ifMatch(version: number): HeadersInit {
  return { 'if-match': `"${version}"` };
}

/**
 * A 412: the record changed since it was read. `current` is the record now, so the page can show
 * both versions and let the user choose; it is never overwritten silently.
 */
export class StaleVersionError<Item> extends ApiError {
  constructor(
    error: ApiError,
    readonly current: Item,
  ) {
    super(error.message, error.status, error.problem, { cause: error, body: error.body });
  }
}

function staleOr<Item>(kind: RecordKind<Item & { id: string; version: number }, unknown, unknown, unknown>, error: unknown): unknown {
  if (!(error instanceof ApiError) || error.status !== 412) return error;
  const body = error.body as { current?: unknown } | null;
  try {
    return new StaleVersionError(error, kind.record.parse(body?.current));
  } catch {
    return error;
  }
}

/**
 * A list a page at a time, following `page.nextCursor` (keyset pagination). `query` is what the
 * API is asked (see apiQueryOf); while a new query loads, the previous rows stay on screen.
 */
export function useRecordList<Item extends { id: string; version: number }>(kind: RecordKind<Item, unknown, unknown, unknown>, query: URLSearchParams, { enabled = true } = {}) {
  const search = query.toString();
  return useInfiniteQuery({
    enabled,
    queryKey: recordQueryKeys(kind.collection).list(search),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(search);
      params.set('limit', String(LIST_PAGE_SIZE));
      if (pageParam !== undefined) params.set('cursor', pageParam);
      return apiRequest(collectionPath(kind, `?${params.toString()}`), kind.list, { signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One record, also from the trash; its `version` is the ETag to send back with a change. */
export function recordQueryOptions<Item extends { id: string; version: number }>(kind: RecordKind<Item, unknown, unknown, unknown>, id: string) {
  return queryOptions({
    queryKey: recordQueryKeys(kind.collection).detail(id),
    queryFn: ({ signal }) => apiRequest(collectionPath(kind, `/${id}`), kind.record, { signal }),
  });
}

export function useRecord<Item extends { id: string; version: number }>(kind: RecordKind<Item, unknown, unknown, unknown>, id: string, { enabled = true } = {}) {
  return useQuery({ ...recordQueryOptions(kind, id), enabled });
}

export function useCreateRecord<Item extends { id: string; version: number }, Create>(kind: RecordKind<Item, Create, unknown, unknown>) {
  const queryClient = useQueryClient();
  const keys = recordQueryKeys(kind.collection);
  return useMutation({
    mutationFn: (body: Create) => apiRequest(collectionPath(kind), kind.record, { method: 'POST', json: body }),
    onSuccess: (record) => {
      queryClient.setQueryData(keys.detail(record.id), record);
      return queryClient.invalidateQueries({ queryKey: keys.lists() });
    },
  });
}

export interface UpdateVariables<Update> {
  id: string;
  /** The version the user saw; a newer one on the server makes this a StaleVersionError. */
  version: number;
  patch: Update;
}

/** A JSON merge patch sent with If-Match; a stale version rejects with a StaleVersionError holding the current record. */
export function useUpdateRecord<Item extends { id: string; version: number }, Update>(kind: RecordKind<Item, unknown, Update, unknown>) {
  const queryClient = useQueryClient();
  const keys = recordQueryKeys(kind.collection);
  return useMutation({
    mutationFn: async ({ id, version, patch }: UpdateVariables<Update>) => {
      try {
        return await apiRequest(collectionPath(kind, `/${id}`), kind.record, { method: 'PATCH', json: patch, headers: ifMatch(version) });
      } catch (error) {
        throw staleOr(kind, error);
      }
    },
    onSuccess: (record) => {
      queryClient.setQueryData(keys.detail(record.id), record);
      return queryClient.invalidateQueries({ queryKey: keys.lists() });
    },
  });
}

/** Moves a record to the trash; with a version, only if nobody changed it since. */
export function useDeleteRecord(kind: RecordKind<{ id: string; version: number }, unknown, unknown, unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version?: number }) => {
      try {
        await apiRequest(collectionPath(kind, `/${id}`), noContent, { method: 'DELETE', headers: version === undefined ? undefined : ifMatch(version) });
      } catch (error) {
        throw staleOr(kind, error);
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordQueryKeys(kind.collection).all }),
  });
}

export function useRestoreRecord<Item extends { id: string; version: number }>(kind: RecordKind<Item, unknown, unknown, unknown>) {
  const queryClient = useQueryClient();
  const keys = recordQueryKeys(kind.collection);
  return useMutation({
    mutationFn: (id: string) => apiRequest(collectionPath(kind, `/${id}/restore`), kind.record, { method: 'POST' }),
    onSuccess: (record) => {
      queryClient.setQueryData(keys.detail(record.id), record);
      return queryClient.invalidateQueries({ queryKey: keys.lists() });
    },
  });
}

/** Deletes for good (admins and owners): no trash, no restore. */
export function usePurgeRecord(kind: RecordKind<{ id: string; version: number }, unknown, unknown, unknown>) {
  const queryClient = useQueryClient();
  const keys = recordQueryKeys(kind.collection);
  return useMutation({
    mutationFn: (id: string) => apiRequest(collectionPath(kind, `/${id}/permanent`), noContent, { method: 'DELETE' }),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: keys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: keys.lists() });
    },
  });
}

/** One bulk call: every record changes, or none does (the error names the failing ones). */
export function useBulkRecords<Bulk>(kind: RecordKind<{ id: string; version: number }, unknown, unknown, Bulk>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: Bulk) => apiRequest(collectionPath(kind, '/bulk'), bulkResultSchema, { method: 'POST', json: request }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordQueryKeys(kind.collection).all }),
  });
}
