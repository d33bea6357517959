import { apiKeyListSchema, apiKeySchema, createdApiKeySchema, type CreateApiKeyRequest } from '@spanner/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, noContent } from '../../lib/api-client';

export const apiKeysQueryKeys = {
  list: (organizationId: string) => ['api-keys', organizationId] as const,
};

export function useApiKeys(organizationId: string) {
  return useQuery({
    queryKey: apiKeysQueryKeys.list(organizationId),
    queryFn: ({ signal }) => apiRequest('/api/v1/api-keys', apiKeyListSchema, { signal }),
    select: (list) => list.data,
  });
}

/** The answer carries the key's secret: the only time anyone sees it. */
export function useCreateApiKey(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyRequest) => apiRequest('/api/v1/api-keys', createdApiKeySchema, { method: 'POST', json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKeys.list(organizationId) }),
  });
}

export function useRevokeApiKey(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apiKeyId: string) => apiRequest(`/api/v1/api-keys/${apiKeyId}`, noContent, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKeys.list(organizationId) }),
  });
}

/** The signed-in admin takes the key over: it acts for them from then on. */
export function useReassignApiKey(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apiKeyId: string) => apiRequest(`/api/v1/api-keys/${apiKeyId}/reassign`, apiKeySchema, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKeys.list(organizationId) }),
  });
}
