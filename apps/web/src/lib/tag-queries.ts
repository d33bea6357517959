import { tagListSchema, type Tag } from '@spanner/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import { recordQueryKeys } from './record-api';

/** An organization has tens of tags, not thousands: reading them all by name fills every picker. */
const MAX_TAG_PAGES = 10;

async function readAllTags(signal: AbortSignal): Promise<Tag[]> {
  const tags: Tag[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_TAG_PAGES; page += 1) {
    const params = new URLSearchParams({ sort: 'name', limit: '200' });
    if (cursor !== null) params.set('cursor', cursor);
    const list = await apiRequest(`/api/v1/tags?${params.toString()}`, tagListSchema, { signal });
    tags.push(...list.data);
    cursor = list.page.nextCursor;
    if (cursor === null) break;
  }
  return tags;
}

/** The organization's tags by name: for names and colours of `tagIds`, and the tag pickers. */
export function allTagsQueryOptions() {
  return queryOptions({
    queryKey: [...recordQueryKeys('tags').lists(), 'all'] as const,
    queryFn: ({ signal }) => readAllTags(signal),
  });
}

export function useAllTags() {
  return useQuery(allTagsQueryOptions());
}
