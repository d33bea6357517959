import { organizationSchema, sessionResponseSchema } from '@spanner/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, noContent, refreshSession } from '../../lib/api-client';
import { startSession } from '../../lib/auth-session';
import { meQueryKey } from '../../lib/current-user';

function switchTo(organizationId: string) {
  return apiRequest('/api/v1/auth/switch-organization', sessionResponseSchema, { method: 'POST', json: { organizationId } });
}

/** Acts in another of the user's organizations: a new access token, and every cached answer starts afresh. */
export function useSwitchOrganization() {
  return useMutation({ mutationFn: switchTo, onSuccess: startSession });
}

/** Creates an organization owned by the user and switches to it. */
export function useCreateOrganization() {
  return useMutation({
    mutationFn: async (name: string) => {
      const organization = await apiRequest('/api/v1/organizations', organizationSchema, { method: 'POST', json: { name } });
      return switchTo(organization.id);
    },
    onSuccess: startSession,
  });
}

export function useRenameOrganization(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest(`/api/v1/organizations/${organizationId}`, organizationSchema, { method: 'PATCH', json: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

/** Deletes the active organization; the server then picks another of the user's to act in (or none). */
export function useDeleteOrganization(organizationId: string) {
  return useMutation({
    mutationFn: async () => {
      await apiRequest(`/api/v1/organizations/${organizationId}`, noContent, { method: 'DELETE' });
      await refreshSession();
    },
  });
}
