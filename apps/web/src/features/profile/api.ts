import { meResponseSchema, type UpdateMeRequest } from '@spanner/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { apiRequest, noContent } from '../../lib/api-client';
import { endSession } from '../../lib/auth-session';
import { meQueryKey } from '../../lib/current-user';

/** Changes the name or the password; the answer is the whole profile, so the cache takes it as is. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeRequest) => apiRequest('/api/v1/me', meResponseSchema, { method: 'PATCH', json: body }),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}

/** Ends every session of the account, on every device, this one included. */
export function useLogoutEverywhere() {
  return useMutation({
    mutationFn: () => apiRequest('/api/v1/auth/logout-all', noContent, { method: 'POST' }),
    // Here, not in the caller: the page is gone once the session has ended.
    onSuccess: () => {
      endSession('signedOut');
      toast.success('You are signed out on every device.');
    },
  });
}
