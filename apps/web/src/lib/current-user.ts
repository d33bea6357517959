import { can, meResponseSchema, type Permission } from '@spanner/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import { useSessionState } from './auth-session';

export const meQueryKey = ['me'] as const;

/** The signed-in user, the organization they act in (with their role) and all of theirs. */
export function useMe() {
  const signedIn = useSessionState().status === 'signedIn';
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => apiRequest('/api/v1/me', meResponseSchema, { signal }),
    enabled: signedIn,
    // Asked again on every page that reads it: a role someone else changed shows on the next page opened.
    staleTime: 0,
  });
}

/** Whether the user's role in the active organization allows `permission`; false until known. */
export function useCan(permission: Permission): boolean {
  return can(useMe().data?.organization?.role, permission);
}
