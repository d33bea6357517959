import { memberListSchema } from '@spanner/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './api-client';

/** The members of an organization: listed on the members page, and offered as actors in audit filters. */
export function membersQueryOptions(organizationId: string) {
  return queryOptions({
    queryKey: ['members', organizationId] as const,
    queryFn: ({ signal }) => apiRequest(`/api/v1/organizations/${organizationId}/members`, memberListSchema, { signal }),
    select: (list) => list.data,
    // Others change this list (joins, roles): every visit asks again, showing the cached list meanwhile.
    staleTime: 0,
  });
}
