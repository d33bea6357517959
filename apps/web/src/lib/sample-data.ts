import { sampleDataResultSchema } from '@spanner/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client';

/** Fills an empty organization with a realistic sample set (the server refuses, 409, once it has records). */
export function useLoadSampleData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/v1/sample-data', sampleDataResultSchema, { method: 'POST' }),
    // Companies, contacts, deals, tags, tasks, notes and the pipelines' totals all change.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
