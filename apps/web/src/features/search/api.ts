import { searchResultSchema } from '@spanner/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';

const SEARCH_LIMIT = 20;

/** Companies, contacts and deals matching `q` (prefix and typo tolerant), best first. */
export function useGlobalSearch(q: string) {
  return useQuery({
    queryKey: ['search', q] as const,
    queryFn: ({ signal }) => apiRequest(`/api/v1/search?${new URLSearchParams({ q, limit: String(SEARCH_LIMIT) }).toString()}`, searchResultSchema, { signal }),
    enabled: q !== '',
    // While the next answer comes, the last one stays: the list does not flash empty between keystrokes.
    placeholderData: keepPreviousData,
    select: (result) => result.data,
    staleTime: 10_000,
  });
}
