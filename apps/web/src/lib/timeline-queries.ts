import { timelinePageSchema, type CreateNoteRequest } from '@spanner/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import { useCreateRecord } from './record-api';
import { noteKind } from './record-kinds';

const TIMELINE_PAGE_SIZE = 30;

/**
 * Under the kind's own keys (`['contacts', 'timeline', id]`): whatever invalidates all of a
 * kind's queries (a delete, a bulk change) refreshes its timelines too.
 */
export const timelineQueryKey = (collection: string, id: string) => [collection, 'timeline', id] as const;

/** A record's history, newest first, a page at a time. */
export function useTimeline(collection: string, id: string) {
  return useInfiniteQuery({
    queryKey: timelineQueryKey(collection, id),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(TIMELINE_PAGE_SIZE) });
      if (pageParam !== undefined) params.set('cursor', pageParam);
      return apiRequest(`/api/v1/${collection}/${id}/timeline?${params.toString()}`, timelinePageSchema, { signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.page.nextCursor ?? undefined,
  });
}

/** Asks again for a record's timeline, after anything that adds to it. */
export function useRefreshTimeline() {
  const queryClient = useQueryClient();
  return (collection: string, id: string) => queryClient.invalidateQueries({ queryKey: timelineQueryKey(collection, id) });
}

/** Adds a note to a record; the record's timeline shows it (rendered by the server). */
export function useCreateNote(collection: string) {
  const create = useCreateRecord(noteKind);
  const refreshTimeline = useRefreshTimeline();
  return useMutation({
    mutationFn: (note: CreateNoteRequest) => create.mutateAsync(note),
    onSuccess: (note) => refreshTimeline(collection, note.record.id),
  });
}
