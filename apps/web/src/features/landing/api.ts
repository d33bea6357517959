import { livenessSchema } from '@spanner/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';

export const landingQueryKeys = {
  health: ['health'] as const,
};

/** Whether the server is up (`GET /health`). */
export function useHealth() {
  return useQuery({
    queryKey: landingQueryKeys.health,
    queryFn: ({ signal }) => apiRequest('/health', livenessSchema, { signal }),
  });
}
