import { invitationListSchema, invitationSchema, memberSchema, type CreateInvitationRequest, type Role } from '@spanner/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, noContent, refreshSession } from '../../lib/api-client';
import { membersQueryOptions } from '../../lib/member-queries';

export const membersQueryKeys = {
  members: (organizationId: string) => membersQueryOptions(organizationId).queryKey,
  invitations: (organizationId: string) => ['invitations', organizationId] as const,
};

export function useMembers(organizationId: string) {
  return useQuery(membersQueryOptions(organizationId));
}

export function useChangeRole(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      apiRequest(`/api/v1/organizations/${organizationId}/members/${userId}`, memberSchema, { method: 'PATCH', json: { role } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQueryKeys.members(organizationId) }),
  });
}

export function useRemoveMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiRequest(`/api/v1/organizations/${organizationId}/members/${userId}`, noContent, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKeys.members(organizationId) }),
  });
}

/** Leaves the active organization; the server then picks another of the user's to act in (or none). */
export function useLeaveOrganization(organizationId: string) {
  return useMutation({
    mutationFn: async () => {
      await apiRequest(`/api/v1/organizations/${organizationId}/leave`, noContent, { method: 'POST' });
      await refreshSession();
    },
  });
}

/** Open invitations, pending or expired (for those who may manage them). */
export function useInvitations(organizationId: string) {
  return useQuery({
    queryKey: membersQueryKeys.invitations(organizationId),
    queryFn: ({ signal }) => apiRequest('/api/v1/invitations', invitationListSchema, { signal }),
    select: (list) => list.data,
    // Accepted elsewhere at any time: every visit asks again.
    staleTime: 0,
  });
}

export function useInviteMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationRequest) => apiRequest('/api/v1/invitations', invitationSchema, { method: 'POST', json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKeys.invitations(organizationId) }),
  });
}

export function useRevokeInvitation(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => apiRequest(`/api/v1/invitations/${invitationId}`, noContent, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKeys.invitations(organizationId) }),
  });
}
