import { auditLogPageSchema, type AuditLogQuery } from '@spanner/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { membersQueryOptions } from '../../lib/member-queries';

/** The filters of the audit log: its query without the paging. */
export type AuditFilters = Omit<AuditLogQuery, 'limit' | 'cursor'>;

export const auditLogQueryKeys = {
  list: (organizationId: string, filters: AuditFilters) => ['audit-log', organizationId, filters] as const,
};

function auditLogPath(filters: AuditFilters, cursor: string | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value !== undefined) params.set(name, value);
  if (cursor !== undefined) params.set('cursor', cursor);
  const query = params.toString();
  return query === '' ? '/api/v1/audit-log' : `/api/v1/audit-log?${query}`;
}

/** Newest first, a page at a time: each page's cursor asks for the next (keyset pagination). */
export function useAuditLog(organizationId: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditLogQueryKeys.list(organizationId, filters),
    queryFn: ({ pageParam, signal }) => apiRequest(auditLogPath(filters, pageParam), auditLogPageSchema, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.page.nextCursor ?? undefined,
  });
}

/** The people who may appear as actors, for the actor filter. */
export function useAuditActors(organizationId: string) {
  return useQuery(membersQueryOptions(organizationId));
}
