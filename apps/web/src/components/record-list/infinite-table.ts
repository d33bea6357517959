import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { describeError } from '../../lib/api-client';

/**
 * The rows of an infinite list query and the DataTable props that follow from its state: loading,
 * error with retry, the previous view's rows while a new one loads, and the next page.
 */
export function useInfiniteTable<Item>(list: UseInfiniteQueryResult<InfiniteData<{ data: Item[] }>>, plural: string) {
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  return {
    rows,
    status: list.isPending ? ('pending' as const) : list.isError && rows.length === 0 ? ('error' as const) : ('success' as const),
    loadingLabel: `Loading ${plural}…`,
    error: { title: `Could not load the ${plural}.`, detail: describeError(list.error), onRetry: () => void list.refetch() },
    stale: list.isPlaceholderData,
    pagination: {
      hasNextPage: list.hasNextPage,
      isFetchingNextPage: list.isFetchingNextPage,
      fetchNextPage: () => void list.fetchNextPage(),
      nextPageError: list.isFetchNextPageError ? describeError(list.error) : null,
    },
  };
}
