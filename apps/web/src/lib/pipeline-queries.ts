import { pipelineListSchema } from '@spanner/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';

/** The organization's pipelines with their ordered stages, the default one first. */
export function pipelinesQueryOptions() {
  return queryOptions({
    queryKey: ['pipelines'] as const,
    queryFn: ({ signal }) => apiRequest('/api/v1/pipelines', pipelineListSchema, { signal }),
    select: (list) => [...list.data].sort((a, b) => Number(b.isDefault) - Number(a.isDefault)),
  });
}

export function usePipelines() {
  return useQuery(pipelinesQueryOptions());
}
